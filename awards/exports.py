"""Excel and CSV exports: data in, bytes out."""

import csv
import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from emulation.audit import action_label

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _workbook(title, header, rows):
    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def proposals_xlsx(lines):
    header = [
        _("Năm"),
        _("Cụm"),
        _("Trạng thái hồ sơ"),
        _("Số tờ trình"),
        _("Ngày tờ trình"),
        _("Đơn vị"),
        _("Cá nhân"),
        _("Đề nghị tặng"),
        _("Tỷ lệ phiếu (%)"),
        _("Xếp hạng"),
        _("Bằng điểm"),
        _("Kết quả"),
        _("Lý do"),
    ]
    rows = (
        [
            line.proposal.cluster_year.year,
            line.proposal.cluster_year.cluster.name,
            line.proposal.get_state_display(),
            line.proposal.number,
            line.proposal.dated,
            line.unit.name,
            line.person.full_name if line.person_id else "",
            line.award_title.name_vi,
            line.vote_share,
            line.rank,
            _("Có") if line.rank_tied else "",
            line.get_outcome_display(),
            line.outcome_reason,
        ]
        for line in lines
    )
    return _workbook(_("Hồ sơ đề nghị"), header, rows)


def decisions_xlsx(awards):
    header = [
        _("Số quyết định"),
        _("Ngày"),
        _("Người ký"),
        _("Năm"),
        _("Cụm"),
        _("Đơn vị"),
        _("Cá nhân"),
        _("Danh hiệu, hình thức"),
        _("Tiền thưởng (đồng)"),
        _("Đã thu hồi"),
        _("Lý do thu hồi"),
    ]
    rows = (
        [
            award.decision.number,
            award.decision.dated,
            award.decision.signer_name,
            award.year,
            award.decision.proposal.cluster_year.cluster.name,
            award.unit.name,
            award.person.full_name if award.person_id else "",
            award.award_title.name_vi,
            int(award.amount) if award.amount is not None else None,
            _("Có") if award.is_revoked else "",
            award.revoked_reason,
        ]
        for award in awards
    )
    return _workbook(_("Quyết định"), header, rows)


def audit_csv(entries):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        [
            _("Thời điểm"),
            _("Người thực hiện"),
            _("Hành động"),
            _("Đối tượng"),
            _("Trước"),
            _("Sau"),
            _("Lý do"),
        ]
    )
    for entry in entries:
        writer.writerow(
            [
                entry.at.isoformat(),
                entry.actor.username if entry.actor_id else "",
                action_label(entry.action),
                entry.object_repr,
                entry.before,
                entry.after,
                entry.reason,
            ]
        )
    return "\ufeff" + buffer.getvalue()  # BOM: Excel opens the Vietnamese text correctly
