"""Each nominee's achievement report (báo cáo thành tích), following the annex forms of the
decree on emulation and commendation: the collective's form (I. Sơ lược đặc điểm, tình hình;
II. Thành tích đạt được; III. Các hình thức khen thưởng đã được ghi nhận) or the individual's
(I. Thông tin chung; II. Thành tích đạt được; III. Các hình thức đã được khen thưởng). Decree
98/2023/NĐ-CP, annex I, Mẫu số 02 (collective) and Mẫu số 03 (individual); Decree
91/2017/NĐ-CP, Mẫu số 01 and 02. Decree 152/2025/NĐ-CP keeps these headings; the number of
its forms is to be checked against the text (docs/domain.md §6.2 marks such citations).
Prefilled from the data (the unit or person, the cluster's score, rank and vote share, the
awards already recorded), then written by the unit in the browser."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from awards.regime import proposal_regime
from awards.selectors import recorded_awards
from clusters.evaluation.ranking import cluster_year_ranking, ranking_by_unit
from documents.papers.blocks import Section, heading, para, table, written
from documents.papers.cluster import rank_text
from documents.papers.common import KindSpec, award_name, share_text
from documents.papers.cover import local_names
from emulation.dates import short_date
from emulation.models import AwardTitle
from emulation.numbers import format_decimal
from units.selectors import person_year, unit_year

FORMS = {
    "luat-2003-nd-91-2017": (
        "Mẫu số 01 (tập thể), Mẫu số 02 (cá nhân), Phụ lục ban hành kèm theo Nghị định số "
        "91/2017/NĐ-CP"
    ),
    "luat-2022-nd-98-2023": (
        "Mẫu số 02 (tập thể), Mẫu số 03 (cá nhân), Phụ lục I ban hành kèm theo Nghị định số "
        "98/2023/NĐ-CP"
    ),
}


def form_citation(regime_code, decree_citation):
    """The annex form a report follows, under the regime that applies to the proposal."""
    return FORMS.get(
        regime_code,
        f"Mẫu báo cáo thành tích ban hành kèm theo {decree_citation} (số mẫu cần đối chiếu)",
    )


def _results(line, cluster_year):
    """The unit's figures of the year: its record, and its place in the one ranking."""
    record = unit_year(unit=line.unit, year=cluster_year.year)
    ranking = cluster_year_ranking(cluster_year=cluster_year)
    row = ranking_by_unit(ranking).get(line.unit_id)
    return {
        "rating": record.get_task_rating_display() if record and record.task_rating else "",
        "staff": record.staff_count if record else None,
        "completed": record.completed_count if record else None,
        "advanced": record.advanced_count if record else None,
        "fighters": record.grassroots_fighter_count if record else None,
        "total": row.total if row is not None and row.scored else None,
        "rank": rank_text(row.rank, row.tied) if row is not None and row.scored else "",
        "members": len(ranking),
    }


def read(paper):
    line = paper.nomination
    cluster_year = line.proposal.cluster_year
    regime = proposal_regime(line.proposal).regime
    data = {
        "year": cluster_year.year,
        "ministry": cluster_year.cluster.ministry.name,
        "place": cluster_year.cluster.ministry.place,
        "cluster": cluster_year.cluster.name,
        "form": form_citation(regime.code, regime.decree_citation),
        "unit": line.unit.name,
        "award": award_name(line.award_title, local_names(paper.ministry_id)),
        "achievements": line.achievements,
        "share": line.vote_share,
        "person": None,
        "results": None,
        "recorded": recorded_awards(
            unit=line.unit,
            person=line.person,
            up_to_year=cluster_year.year,
            exclude_nomination_id=line.pk,
        ),
    }
    if line.person_id:
        record = person_year(person=line.person, year=cluster_year.year)
        data["person"] = {
            "name": line.person.full_name,
            "gender": line.person.get_gender_display(),
            "position": line.person.position,
            "rating": record.get_task_rating_display() if record and record.task_rating else "",
            "initiative": bool(record and record.has_initiative),
        }
    else:
        data["results"] = _results(line, cluster_year)
    return data


def _summary(award):
    return _("Đề nghị tặng %(award)s") % {"award": award}


def summary(paper):
    return _summary(award_name(paper.nomination.award_title, local_names(paper.ministry_id)))


def defaults(paper, data):
    person = data["person"]
    return {
        "superior_body": data["ministry"].upper(),
        "issuing_body": data["unit"].upper(),
        "place": data["place"],
        "summary": _summary(data["award"]),
        "signer_title": _("NGƯỜI BÁO CÁO THÀNH TÍCH") if person else _("THỦ TRƯỞNG ĐƠN VỊ"),
        "signer_name": person["name"] if person else "",
    }


def _collective_results(data):
    results = data["results"]
    parts = [data["achievements"]]
    if results["rating"]:
        parts.append(_("Xếp loại năm %(year)s: %(rating)s.") % {**data, **results})
    if results["staff"] is not None:
        parts.append(
            _(
                "Tổng số thành viên: %(staff)s; hoàn thành nhiệm vụ: %(completed)s; Lao động tiên "
                "tiến: %(advanced)s; Chiến sĩ thi đua cơ sở: %(fighters)s."
            )
            % {key: "…" if value is None else value for key, value in results.items()}
        )
    if results["total"] is not None:
        parts.append(
            _(
                "Kết quả chấm điểm thi đua năm %(year)s trong %(cluster)s: %(total)s điểm, xếp "
                "hạng %(rank)s/%(members)s đơn vị."
            )
            % {**data, **results, "total": format_decimal(results["total"])}
        )
    return parts


def _person_results(data):
    person = data["person"]
    parts = [data["achievements"]]
    if person["rating"]:
        parts.append(_("Xếp loại năm %(year)s: %(rating)s.") % {**data, **person})
    if person["initiative"]:
        parts.append(_("Có sáng kiến được công nhận trong năm %(year)s.") % data)
    return parts


def sections(paper, data):
    person = data["person"]
    achievements = _person_results(data) if person else _collective_results(data)
    if data["share"] is not None:
        achievements.append(
            _("Được bình xét, suy tôn với tỷ lệ %(share)s số thành viên có quyền bỏ phiếu.")
            % {"share": share_text(data["share"])}
        )
    first = (
        Section(
            "profile",
            gettext_lazy("Thông tin chung"),
            gettext_lazy("Ngày sinh, quê quán, trú quán, trình độ, học hàm, học vị."),
            _(
                "- Sinh ngày, tháng, năm: …\n- Quê quán: …\n- Trú quán: …\n"
                "- Trình độ chuyên môn, nghiệp vụ: …\n- Học hàm, học vị, danh hiệu, giải thưởng: …"
            ),
        )
        if person
        else Section(
            "situation",
            gettext_lazy("Sơ lược đặc điểm, tình hình"),
            gettext_lazy("Đặc điểm, tình hình; chức năng, nhiệm vụ được giao."),
            _("1. Đặc điểm, tình hình: …\n2. Chức năng, nhiệm vụ: …"),
        )
    )
    duties = (
        Section(
            "duties",
            gettext_lazy("Quyền hạn, nhiệm vụ được giao"),
            gettext_lazy("Quyền hạn, nhiệm vụ được giao hoặc đảm nhận."),
            _("Chức vụ: %(position)s.") % person if person and person["position"] else "",
        )
        if person
        else Section(
            "measures",
            gettext_lazy("Biện pháp, nguyên nhân đạt được thành tích"),
            gettext_lazy("Những biện pháp hoặc nguyên nhân đạt được thành tích; các phong trào."),
            "",
        )
    )
    party = Section(
        "party",
        gettext_lazy("Thực hiện chủ trương, chính sách; xây dựng Đảng, đoàn thể"),
        gettext_lazy("Việc thực hiện chủ trương, chính sách, pháp luật; công tác Đảng, đoàn thể."),
        "",
    )
    return [
        first,
        Section(
            "achievements",
            gettext_lazy("Thành tích đạt được"),
            gettext_lazy("Kết quả thực hiện nhiệm vụ, có số liệu so sánh."),
            "\n".join(part for part in achievements if part),
        ),
        duties,
        *([] if person else [party]),
    ]


def _decision_text(row):
    parts = [row["number"], short_date(row["dated"]) if row["dated"] else ""]
    return ", ".join(part for part in parts if part)


def _recorded_blocks(data, kind, number):
    rows = [
        [row["year"], row["award"], _decision_text(row), row["issuer"]]
        for row in data["recorded"]
        if row["kind"] == kind
    ]
    label = _("Danh hiệu thi đua") if kind == AwardTitle.Kind.TITLE else _("Hình thức khen thưởng")
    blocks = [heading(f"{number}. {label}", 3)]
    if not rows:
        return [*blocks, para(_("Chưa có."), "note")]
    columns = [_("Năm"), label, _("Số, ngày quyết định"), _("Cấp quyết định")]
    return [*blocks, table(columns, rows)]


def body(data, texts):
    person = data["person"]
    if person:
        first = [
            heading("I. THÔNG TIN CHUNG"),
            para(_("- Họ và tên: %(name)s") % person, "line"),
            para(_("- Giới tính: %(gender)s") % person, "line"),
            para(_("- Đơn vị công tác: %(unit)s") % data, "line"),
            written(texts["profile"]),
            heading("II. THÀNH TÍCH ĐẠT ĐƯỢC"),
            heading("1. Quyền hạn, nhiệm vụ được giao hoặc đảm nhận", 3),
            written(texts["duties"]),
            heading("2. Thành tích đạt được", 3),
            written(texts["achievements"]),
            heading("III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG"),
        ]
    else:
        first = [
            para(_("Tên tập thể đề nghị: %(unit)s") % data, "line"),
            heading("I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH"),
            written(texts["situation"]),
            heading("II. THÀNH TÍCH ĐẠT ĐƯỢC"),
            heading("1. Kết quả thực hiện nhiệm vụ được giao", 3),
            written(texts["achievements"]),
            heading("2. Những biện pháp hoặc nguyên nhân đạt được thành tích", 3),
            written(texts["measures"]),
            heading(
                "3. Việc thực hiện chủ trương, đường lối của Đảng, chính sách, pháp luật của "
                "Nhà nước; công tác xây dựng Đảng và đoàn thể",
                3,
            ),
            written(texts["party"]),
            heading("III. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC GHI NHẬN"),
        ]
    return [
        *first,
        *_recorded_blocks(data, AwardTitle.Kind.TITLE, 1),
        *_recorded_blocks(data, AwardTitle.Kind.FORM, 2),
    ]


def left_signature(data):
    if data["person"]:
        return {"title": "THỦ TRƯỞNG ĐƠN VỊ XÁC NHẬN, ĐỀ NGHỊ", "name": ""}
    return {"title": "THỦ TRƯỞNG ĐƠN VỊ CẤP TRÊN TRỰC TIẾP NHẬN XÉT, XÁC NHẬN", "name": ""}


SPEC = KindSpec(
    doc_type="BÁO CÁO THÀNH TÍCH",
    template="documents/papers/achievement_report.html",
    read=read,
    defaults=defaults,
    sections=sections,
    body=body,
    summary=summary,
    left_signature=left_signature,
)
