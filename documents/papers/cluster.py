"""What the cluster's papers share: the cluster's header and signer (docs/domain.md §5.4:
the head unit signs on the cluster's behalf), and the scores, ranking and votes of the
closing conference as the one ranking (``clusters.evaluation.ranking``) and the one vote
share (``clusters.selectors.closed_votes``) give them."""

from django.utils.translation import gettext as _

from clusters.evaluation.ranking import cluster_year_ranking
from clusters.selectors import closed_votes, leadership_term
from documents.papers.blocks import para, table
from documents.papers.common import cluster_code, share_text
from emulation.numbers import format_decimal


def cluster_data(cluster_year):
    """The cluster-year's names, head, ranking and closed votes, as plain data."""
    cluster = cluster_year.cluster
    term = leadership_term(cluster_year=cluster_year)
    ranking = cluster_year_ranking(cluster_year=cluster_year)
    return {
        "year": cluster_year.year,
        "ministry": cluster.ministry.name,
        "place": cluster.ministry.place,
        "cluster": cluster.name,
        "code": cluster_code(cluster),
        "member_count": len(ranking),
        "head_name": term.head_name if term else "",
        "head_unit": term.head_unit.name if term else "",
        "ranking": [
            {
                "rank": row.rank,
                "tied": row.tied,
                "unit": row.unit.name,
                "total": row.total if row.scored else None,
            }
            for row in ranking
        ],
        "votes": closed_votes(cluster_year=cluster_year),
    }


def cluster_defaults(data, *, recipients):
    """The cluster's header and signature (TM. CỤM THI ĐUA SỐ 2 / CỤM TRƯỞNG / the head)."""
    issuing = data["cluster"].upper()
    return {
        "superior_body": data["ministry"].upper(),
        "issuing_body": issuing,
        "place": data["place"],
        "signer_on_behalf": f"TM. {issuing}",
        "signer_title": _("CỤM TRƯỞNG"),
        "signer_name": data["head_name"],
        "recipients": "\n".join([*recipients, f"Lưu: VT, {data['code']}"]),
    }


def rank_text(rank, tied):
    """ "2 =" for a tie, "–" for a unit with no agreed score (never ranked with 0)."""
    if rank is None:
        return "–"
    return f"{rank} =" if tied else str(rank)


def ranking_blocks(ranking):
    if not any(row["total"] is not None for row in ranking):
        return [para(_("Chưa có điểm cụm chấm."), "note")]
    rows = [
        [
            rank_text(row["rank"], row["tied"]),
            row["unit"],
            _("Chưa chấm điểm") if row["total"] is None else format_decimal(row["total"]),
        ]
        for row in ranking
    ]
    return [
        table([_("Hạng"), _("Đơn vị"), _("Tổng điểm")], rows, numeric=[2]),
        para(
            _(
                "Dấu = sau hạng: các đơn vị bằng điểm. Điểm thưởng, điểm trừ tính ngoài điểm tối "
                "đa của các nhóm tiêu chí."
            ),
            "note",
        ),
    ]


def vote_blocks(votes):
    if not votes:
        return [para(_("Chưa có kết quả bỏ phiếu đã kết thúc."), "note")]
    blocks = []
    for vote in votes:
        blocks.append(
            para(
                _(
                    "%(title)s: %(entitled)s thành viên có quyền bỏ phiếu, %(cast)s phiếu phát "
                    "ra, %(valid)s phiếu hợp lệ; tỷ lệ tính trên số thành viên có quyền bỏ phiếu."
                )
                % vote
            )
        )
        if vote["note"]:
            blocks.append(para(vote["note"], "note"))
        rows = [
            [
                index,
                count["unit"],
                count["votes"],
                share_text(count["share"]),
                _("Được suy tôn") if count["nominated"] else "",
            ]
            for index, count in enumerate(vote["counts"], start=1)
        ]
        columns = [_("TT"), _("Đơn vị"), _("Số phiếu"), _("Tỷ lệ"), _("Kết quả")]
        blocks.append(table(columns, rows, numeric=[2, 3]))
    return blocks
