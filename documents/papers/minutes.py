"""The minutes (biên bản) of the cluster's closing conference (docs/domain.md §3.6):
attendance, scores and ranking, vote counts, the meeting's conclusions, and the signatures of
the secretary (left) and the chair (right), as the form of a biên bản in Decree
30/2020/NĐ-CP, annex I sets them out; "BB" is its type code (annex III)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from clusters.selectors import conference_minutes
from documents.papers.blocks import Section, heading, para, table, written
from documents.papers.cluster import cluster_data, cluster_defaults, ranking_blocks, vote_blocks
from documents.papers.common import KindSpec, share_text
from emulation.dates import document_date


def read(paper):
    data = cluster_data(paper.cluster_year)
    minutes = conference_minutes(cluster_year=paper.cluster_year)
    data["minutes"] = None
    if minutes is not None:
        data["minutes"] = {
            "held_on": minutes.held_on,
            "place": minutes.place,
            "chair_name": minutes.chair_name,
            "chair_position": minutes.chair_position,
            "secretary_name": minutes.secretary_name,
            "agenda": minutes.agenda,
            "signed": minutes.is_signed,
            "attendance": [
                {
                    "unit": row.unit.name,
                    "present": row.present,
                    "name": row.representative_name,
                    "position": row.representative_position,
                }
                for row in minutes.attendance.all()
            ],
        }
    return data


def _summary(year, cluster):
    return _("Hội nghị tổng kết công tác thi đua, khen thưởng năm %(year)s của %(cluster)s") % {
        "year": year,
        "cluster": cluster,
    }


def summary(paper):
    return _summary(paper.cluster_year.year, paper.cluster_year.cluster.name)


def defaults(paper, data):
    minutes = data["minutes"] or {}
    return {
        **cluster_defaults(data, recipients=[_("Các đơn vị thành viên Cụm")]),
        "issued_on": minutes.get("held_on"),
        "summary": _summary(data["year"], data["cluster"]),
        "signer_on_behalf": "",
        "signer_title": _("CHỦ TRÌ"),
        "signer_name": minutes.get("chair_name", ""),
    }


def _conclusions(data):
    lines = []
    ranked = [row for row in data["ranking"] if row["rank"] == 1]
    if ranked:
        lines.append(
            _("- Thống nhất kết quả chấm điểm, xếp hạng: %(units)s xếp thứ nhất của Cụm.")
            % {"units": "; ".join(row["unit"] for row in ranked)}
        )
    for vote in data["votes"]:
        for count in vote["counts"]:
            if count["nominated"]:
                lines.append(
                    _(
                        "- Suy tôn %(unit)s đề nghị tặng %(title)s (%(votes)s/%(entitled)s "
                        "phiếu, đạt %(share)s)."
                    )
                    % {**vote, **count, "share": share_text(count["share"])}
                )
    return "\n".join(lines)


def sections(paper, data):
    return [
        Section(
            "proceedings",
            gettext_lazy("Diễn biến hội nghị"),
            gettext_lazy("Các nội dung đã trình bày, ý kiến phát biểu tại hội nghị."),
            (data["minutes"] or {}).get("agenda", ""),
        ),
        Section(
            "conclusions",
            gettext_lazy("Kết luận của hội nghị"),
            gettext_lazy("Các nội dung hội nghị đã thống nhất; mỗi dòng một nội dung."),
            _conclusions(data),
        ),
        Section(
            "closing",
            gettext_lazy("Kết thúc hội nghị"),
            gettext_lazy("Giờ kết thúc và việc thông qua biên bản."),
            _(
                "Hội nghị kết thúc vào hồi … giờ … cùng ngày. Biên bản đã được đọc lại cho các "
                "đại biểu dự hội nghị cùng nghe và nhất trí thông qua."
            ),
        ),
    ]


def _attendance_blocks(minutes):
    present = sum(1 for row in minutes["attendance"] if row["present"])
    rows = [
        [
            index,
            row["unit"],
            row["name"],
            row["position"],
            _("Có mặt") if row["present"] else _("Vắng mặt"),
        ]
        for index, row in enumerate(minutes["attendance"], start=1)
    ]
    columns = [_("TT"), _("Đơn vị"), _("Người đại diện"), _("Chức vụ"), _("Tham dự")]
    return [
        para(
            _("Thành phần tham dự: %(present)s/%(total)s đơn vị thành viên có mặt.")
            % {"present": present, "total": len(rows)},
            "line",
        ),
        table(columns, rows),
    ]


def _meeting_blocks(minutes):
    if minutes is None:
        return [para(_("Chưa có biên bản họp: hãy nhập biên bản của hội nghị trước."), "note")]
    chair = minutes["chair_name"]
    if minutes["chair_position"]:
        chair = f"{chair}, {minutes['chair_position']}"
    return [
        para(_("Thời gian: %(day)s.") % {"day": document_date(minutes["held_on"])}, "line"),
        para(_("Địa điểm: %(place)s.") % minutes, "line"),
        para(_("Chủ trì: %(chair)s.") % {"chair": chair}, "line"),
        para(_("Thư ký: %(secretary_name)s.") % minutes, "line"),
        *_attendance_blocks(minutes),
    ]


def body(data, texts):
    return [
        *_meeting_blocks(data["minutes"]),
        heading(_("I. DIỄN BIẾN HỘI NGHỊ")),
        written(texts["proceedings"]),
        heading(_("II. KẾT QUẢ CHẤM ĐIỂM, XẾP HẠNG")),
        *ranking_blocks(data["ranking"]),
        heading(_("III. KẾT QUẢ BỎ PHIẾU SUY TÔN")),
        *vote_blocks(data["votes"]),
        heading(_("IV. KẾT LUẬN CỦA HỘI NGHỊ")),
        written(texts["conclusions"]),
        written(texts["closing"]),
    ]


def left_signature(data):
    return {"title": _("THƯ KÝ"), "name": (data["minutes"] or {}).get("secretary_name", "")}


SPEC = KindSpec(
    doc_type="BIÊN BẢN",
    template="documents/papers/minutes.html",
    read=read,
    defaults=defaults,
    sections=sections,
    body=body,
    summary=summary,
    left_signature=left_signature,
)
