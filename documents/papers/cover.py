"""The cluster's cover submission (tờ trình) of its proposal to the ministry's council
(docs/domain.md §3.7): the lines proposed, the vote results and the papers attached. Layout of
Decree 30/2020/NĐ-CP (annex I; "TTr" is the type code of a tờ trình, annex III)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from awards.regime import proposal_regime
from awards.selectors import proposal_detail_lines, proposals_by_cluster_year
from clusters.selectors import conference_minutes
from documents.papers.blocks import Section, heading, para, table, written
from documents.papers.cluster import cluster_data, cluster_defaults, rank_text, vote_blocks
from documents.papers.common import (
    KindSpec,
    award_name,
    basis_section,
    share_text,
    subject_name,
)
from emulation.dates import document_date
from emulation.selectors import ministry_award_settings


def local_names(ministry_id):
    return {
        code: setting.local_name
        for code, setting in ministry_award_settings(ministry_id=ministry_id).items()
        if setting.local_name
    }


def read(paper):
    cluster_year = paper.cluster_year
    data = cluster_data(cluster_year)
    proposal = proposals_by_cluster_year(cluster_years=[cluster_year]).get(cluster_year.pk)
    regime = proposal_regime(proposal).regime if proposal else cluster_year.emulation_year.regime
    minutes = conference_minutes(cluster_year=cluster_year)
    names = local_names(paper.ministry_id)
    lines = proposal_detail_lines(proposal=proposal) if proposal else []
    data.update(
        law=regime.law_citation,
        decree=regime.decree_citation,
        conference_on=minutes.held_on if minutes else None,
        proposal_dated=proposal.dated if proposal else None,
        lines=[
            {
                "subject": subject_name(line),
                "person": bool(line.person_id),
                "award": award_name(line.award_title, names),
                "share": line.vote_share,
                "rank": rank_text(line.rank, line.rank_tied) if line.rank else "",
            }
            for line in lines
        ],
    )
    return data


def _summary(year, cluster):
    return _(
        "Về việc đề nghị khen thưởng năm %(year)s cho các tập thể, cá nhân thuộc %(cluster)s"
    ) % {"year": year, "cluster": cluster}


def summary(paper):
    return _summary(paper.cluster_year.year, paper.cluster_year.cluster.name)


def defaults(paper, data):
    return {
        **cluster_defaults(data, recipients=[_("Như trên")]),
        "addressee": _("Hội đồng Thi đua - Khen thưởng %(ministry)s") % data,
        "issued_on": data["proposal_dated"],
        "summary": _summary(data["year"], data["cluster"]),
    }


def sections(paper, data):
    conference = (
        _(
            "Căn cứ kết quả chấm điểm, bình xét, suy tôn tại Hội nghị tổng kết công tác thi đua, "
            "khen thưởng năm %(year)s của %(cluster)s %(day)s,"
        )
        % {**data, "day": document_date(data["conference_on"])}
        if data["conference_on"]
        else ""
    )
    return [
        basis_section(data, conference),
        Section(
            "results",
            gettext_lazy("Kết quả phong trào thi đua của cụm"),
            gettext_lazy("Tóm tắt kết quả thực hiện các phong trào thi đua trong năm."),
            _(
                "Năm %(year)s, %(member_count)s đơn vị thành viên %(cluster)s đã tổ chức thực "
                "hiện các phong trào thi đua, chấm điểm và bình xét, suy tôn theo quy định."
            )
            % data,
        ),
        Section(
            "request",
            gettext_lazy("Đề nghị"),
            gettext_lazy("Câu kết của tờ trình."),
            _(
                "%(cluster)s kính đề nghị Hội đồng Thi đua - Khen thưởng %(ministry)s xem xét, "
                "trình Bộ trưởng khen thưởng cho các tập thể, cá nhân nêu trên./."
            )
            % data,
        ),
    ]


def _lines_blocks(data):
    lines = data["lines"]
    if not lines:
        return [para(_("Chưa có dòng đề nghị nào."), "note")]
    people = sum(1 for line in lines if line["person"])
    rows = [
        [index, line["subject"], line["award"], share_text(line["share"]), line["rank"]]
        for index, line in enumerate(lines, start=1)
    ]
    columns = [
        _("TT"),
        _("Tập thể, cá nhân"),
        _("Đề nghị tặng"),
        _("Tỷ lệ phiếu bầu"),
        _("Xếp hạng trong cụm"),
    ]
    return [
        para(
            _("Đề nghị khen thưởng cho %(collectives)s lượt tập thể, %(people)s lượt cá nhân:")
            % {"collectives": len(lines) - people, "people": people}
        ),
        table(columns, rows, numeric=[3]),
    ]


def _attachments(data):
    items = []
    if data["conference_on"]:
        items.append(
            _("Biên bản Hội nghị tổng kết %(day)s;") % {"day": document_date(data["conference_on"])}
        )
    items += [
        _("Báo cáo thành tích của %(subject)s (đề nghị tặng %(award)s);") % line
        for line in data["lines"]
    ]
    items.append(_("Bảng tổng hợp kết quả chấm điểm, xếp hạng của các đơn vị thành viên."))
    return [para(f"- {item}", "line") for item in items]


def body(data, texts):
    return [
        written(texts["basis"]),
        written(texts["results"]),
        heading(_("I. KẾT QUẢ BÌNH XÉT, SUY TÔN")),
        *vote_blocks(data["votes"]),
        heading(_("II. ĐỀ NGHỊ KHEN THƯỞNG")),
        *_lines_blocks(data),
        heading(_("III. HỒ SƠ KÈM THEO")),
        *_attachments(data),
        written(texts["request"]),
    ]


SPEC = KindSpec(
    doc_type="TỜ TRÌNH",
    template="documents/papers/cover_submission.html",
    read=read,
    defaults=defaults,
    sections=sections,
    body=body,
    summary=summary,
)
