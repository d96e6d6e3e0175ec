"""The Minister's award decision (quyết định khen thưởng) on a cluster's proposal, with its
annex: the recipients, their titles and the reward money of each award as recorded when the
decision was (``awards.rules.money``: never computed here), and the total. Layout of a
decision of Decree 30/2020/NĐ-CP, annex I ("QĐ": annex III): the authority line, the bases,
"QUYẾT ĐỊNH:", the articles, then the list on a page of its own."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from awards.regime import proposal_regime
from awards.selectors import awards_of_decision
from documents.papers.blocks import Section, page_break, para, table, written
from documents.papers.common import (
    KindSpec,
    amount_text,
    award_name,
    basis_section,
    subject_name,
)
from documents.papers.cover import local_names
from emulation.dates import BLANK, document_date


def read(paper):
    decision = paper.decision
    proposal = decision.proposal
    cluster_year = proposal.cluster_year
    regime = proposal_regime(proposal).regime
    names = local_names(paper.ministry_id)
    rows = [
        {
            "subject": subject_name(award),
            "award": award_name(award.award_title, names),
            "amount": award.amount,
            "note": award.amount_note,
        }
        for award in awards_of_decision(decision=decision)
    ]
    return {
        "year": cluster_year.year,
        "ministry": paper.ministry.name,
        "place": paper.ministry.place,
        "cluster": cluster_year.cluster.name,
        "law": regime.law_citation,
        "decree": regime.decree_citation,
        "dated": decision.dated,
        "signer_name": decision.signer_name,
        "signer_position": decision.signer_position,
        "awards": rows,
        "total": sum(row["amount"] for row in rows if row["amount"] is not None),
    }


def _titles(data):
    return list(dict.fromkeys(row["award"] for row in data["awards"]))


def _summary(titles):
    return _("Về việc tặng %(titles)s") % {"titles": ", ".join(titles)}


def summary(paper):
    names = local_names(paper.ministry_id)
    awards = awards_of_decision(decision=paper.decision)
    return _summary(dict.fromkeys(award_name(award.award_title, names) for award in awards))


def defaults(paper, data):
    position = data["signer_position"]
    deputy = position.lower().startswith("thứ trưởng")
    return {
        "superior_body": "",
        "issuing_body": data["ministry"].upper(),
        "place": data["place"],
        "issued_on": data["dated"],
        "summary": _summary(_titles(data)),
        "signer_on_behalf": "KT. BỘ TRƯỞNG" if deputy else "",
        "signer_title": position.upper(),
        "signer_name": data["signer_name"],
        "recipients": "\n".join([_("Như Điều 3"), _("Lãnh đạo Bộ (để báo cáo)"), "Lưu: VT, TĐKT"]),
    }


def sections(paper, data):
    basis = basis_section(
        data,
        _(
            "Căn cứ Nghị định số …/…/NĐ-CP quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ "
            "chức của %(ministry)s;"
        )
        % data,
        _("Theo đề nghị của Chủ tịch Hội đồng Thi đua - Khen thưởng %(ministry)s.") % data,
    )
    articles = [
        _(
            "Điều 1. Tặng danh hiệu thi đua, hình thức khen thưởng cho %(n)s tập thể, cá nhân "
            "thuộc %(cluster)s có tên trong danh sách kèm theo Quyết định này, đã có thành tích "
            "xuất sắc trong phong trào thi đua năm %(year)s."
        )
        % {**data, "n": len(data["awards"])},
        _(
            "Điều 2. Tiền thưởng kèm theo được chi theo quy định, mức của từng tập thể, cá nhân "
            "tại danh sách kèm theo Quyết định này."
        ),
        _(
            "Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Bộ, Thủ trưởng các "
            "đơn vị có liên quan và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi "
            "hành Quyết định này./."
        ),
    ]
    return [
        basis,
        Section(
            "articles",
            gettext_lazy("Các điều của quyết định"),
            gettext_lazy("Mỗi điều một dòng."),
            "\n".join(articles),
        ),
    ]


def body(data, texts):
    return [
        para(f"BỘ TRƯỞNG {data['ministry'].upper()}", "center-bold"),
        written(texts["basis"]),
        para("QUYẾT ĐỊNH:", "center-bold"),
        written(texts["articles"]),
    ]


def annex(data, doc):
    number = doc["number"]
    if number.startswith("/"):
        number = BLANK + number
    rows = [
        [index, row["subject"], row["award"], amount_text(row["amount"]) or _("Chưa tính")]
        for index, row in enumerate(data["awards"], start=1)
    ]
    columns = [
        _("TT"),
        _("Tên tập thể, cá nhân"),
        _("Danh hiệu, hình thức khen thưởng"),
        _("Tiền thưởng (đồng)"),
    ]
    blocks = [
        page_break(),
        para(_("DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG"), "center-bold"),
        para(
            _("(Kèm theo Quyết định số %(number)s %(day)s của Bộ trưởng %(ministry)s)")
            % {**data, "number": number, "day": document_date(doc["issued_on"], data["year"])},
            "center",
        ),
        table(
            columns,
            rows,
            total=["", _("Tổng cộng"), "", amount_text(data["total"])],
            numeric=[3],
        ),
    ]
    unpriced = [row for row in data["awards"] if row["amount"] is None]
    blocks += [para(f"{row['subject']}: {row['note']}", "note") for row in unpriced]
    return blocks


SPEC = KindSpec(
    doc_type="QUYẾT ĐỊNH",
    template="documents/papers/decision.html",
    read=read,
    defaults=defaults,
    sections=sections,
    body=body,
    summary=summary,
    annex=annex,
)
