"""Excel and CSV exports: data in, bytes out (written by ``emulation.spreadsheets``, so no
text a user typed becomes a formula)."""

from django.utils.translation import gettext as _

from emulation.audit import action_label
from emulation.spreadsheets import csv_text, xlsx_bytes

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _workbook(title, header, rows):
    return xlsx_bytes([(title, header, rows, None)])


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
        _("Số quyết định thu hồi"),
        _("Ngày quyết định thu hồi"),
        _("Số tiền thưởng phải thu hồi (đồng)"),
    ]
    rows = (
        [
            award.decision.number,
            award.decision.dated,
            award.decision.signer_name,
            award.year,
            award.nomination.proposal.cluster_year.cluster.name,
            award.unit.name,
            award.person.full_name if award.person_id else "",
            award.award_title.name_vi,
            int(award.amount) if award.amount is not None else None,
            _("Có") if award.is_revoked else "",
            award.revoked_reason,
            award.revoking_number,
            award.revoking_dated,
            int(award.recover_amount) if award.recover_amount is not None else None,
        ]
        for award in awards
    )
    return _workbook(_("Quyết định"), header, rows)


def audit_csv(entries):
    header = [
        _("Thời điểm"),
        _("Người thực hiện"),
        _("Hành động"),
        _("Đối tượng"),
        _("Trước"),
        _("Sau"),
        _("Lý do"),
    ]
    rows = (
        [
            entry.at.isoformat(),
            entry.actor_name,
            action_label(entry.action),
            entry.object_repr,
            entry.before,
            entry.after,
            entry.reason,
        ]
        for entry in entries
    )
    return csv_text(header, rows)
