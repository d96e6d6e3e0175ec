"""The ministry's submission (tờ trình) to the Ministry of Home Affairs (Ban Thi đua - Khen
thưởng Trung ương) for the lines the Prime Minister or the President decides (docs/domain.md
§4.10; ``awards.models.UpwardDossier``): the lines, their cluster and the council's figures,
and the papers attached. Layout of Decree 30/2020/NĐ-CP, annex I ("TTr": annex III)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from awards.selectors import upward_dossier_lines
from awards.services.upward import dossier_regime
from documents.papers.blocks import Section, heading, para, table, written
from documents.papers.common import KindSpec, award_name, basis_section, subject_name
from documents.papers.cover import local_names


def _council(line):
    if line.council_votes_for is None or not line.council_members:
        return ""
    return _("%(votes)s/%(members)s thành viên đồng ý") % {
        "votes": line.council_votes_for,
        "members": line.council_members,
    }


def read(paper):
    dossier = paper.upward_dossier
    regime = dossier_regime(dossier).regime
    names = local_names(paper.ministry_id)
    lines = upward_dossier_lines(dossier=dossier)
    return {
        "year": dossier.year,
        "ministry": paper.ministry.name,
        "place": paper.ministry.place,
        "level": dossier.get_level_display(),
        "law": regime.law_citation,
        "decree": regime.decree_citation,
        "dated": dossier.dated,
        "lines": [
            {
                "subject": subject_name(line),
                "cluster": line.proposal.cluster_year.cluster.name,
                "award": award_name(line.award_title, names),
                "council": _council(line),
            }
            for line in lines
        ],
    }


def _summary(level, year):
    return _("Về việc đề nghị %(level)s khen thưởng năm %(year)s") % {"level": level, "year": year}


def summary(paper):
    dossier = paper.upward_dossier
    return _summary(dossier.get_level_display(), dossier.year)


def defaults(paper, data):
    return {
        "superior_body": "",
        "issuing_body": data["ministry"].upper(),
        "addressee": _("Bộ Nội vụ (Ban Thi đua - Khen thưởng Trung ương)"),
        "place": data["place"],
        "issued_on": data["dated"],
        "summary": _summary(data["level"], data["year"]),
        "signer_on_behalf": "KT. BỘ TRƯỞNG",
        "signer_title": "THỨ TRƯỞNG",
        "recipients": "\n".join([_("Như trên"), _("Lãnh đạo Bộ (để báo cáo)"), "Lưu: VT, TĐKT"]),
    }


def sections(paper, data):
    return [
        basis_section(
            data, _("Căn cứ kết quả họp Hội đồng Thi đua - Khen thưởng %(ministry)s,") % data
        ),
        Section(
            "content",
            gettext_lazy("Nội dung đề nghị"),
            gettext_lazy("Tóm tắt thành tích và lý do đề nghị."),
            _(
                "%(ministry)s kính trình %(level)s xem xét, khen thưởng cho %(n)s tập thể, cá "
                "nhân đã có thành tích xuất sắc trong phong trào thi đua năm %(year)s, cụ thể:"
            )
            % {**data, "n": len(data["lines"])},
        ),
        Section(
            "request",
            gettext_lazy("Đề nghị"),
            gettext_lazy("Câu kết của tờ trình."),
            _("%(ministry)s kính đề nghị Bộ Nội vụ xem xét, trình %(level)s quyết định./.") % data,
        ),
    ]


def _attachments(data):
    clusters = dict.fromkeys(line["cluster"] for line in data["lines"])
    items = [
        _("Tờ trình và biên bản hội nghị tổng kết của %(cluster)s;") % {"cluster": cluster}
        for cluster in clusters
    ]
    items += [_("Báo cáo thành tích của %(subject)s;") % line for line in data["lines"]]
    items.append(_("Biên bản họp Hội đồng Thi đua - Khen thưởng %(ministry)s.") % data)
    return [para(f"- {item}", "line") for item in items]


def body(data, texts):
    rows = [
        [index, line["subject"], line["cluster"], line["award"], line["council"]]
        for index, line in enumerate(data["lines"], start=1)
    ]
    columns = [
        _("TT"),
        _("Tập thể, cá nhân"),
        _("Cụm, khối thi đua"),
        _("Đề nghị tặng"),
        _("Kết quả Hội đồng"),
    ]
    lines = [table(columns, rows)] if rows else [para(_("Chưa có dòng đề nghị nào."), "note")]
    return [
        written(texts["basis"]),
        written(texts["content"]),
        *lines,
        heading(_("HỒ SƠ KÈM THEO"), 3),
        *_attachments(data),
        written(texts["request"]),
    ]


SPEC = KindSpec(
    doc_type="TỜ TRÌNH",
    template="documents/papers/upward_submission.html",
    read=read,
    defaults=defaults,
    sections=sections,
    body=body,
    summary=summary,
)
