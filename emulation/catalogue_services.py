"""Writes to the award catalogue (danh mục khen thưởng) of each legal regime."""

import datetime

from django.db import transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext as _

from emulation.access import is_national_admin
from emulation.audit import audit_record, save_record, snapshot
from emulation.concurrency import claim_version
from emulation.errors import DomainError
from emulation.models import AwardTitle, MinistryAwardSetting
from emulation.roles import scope_of

# What a national administrator edits of a catalogue entry (the form's fields) and what the
# audit trail keeps of it.
FIELDS = [
    "regime",
    "code",
    "name_vi",
    "name_en",
    "kind",
    "subject",
    "level",
    "vote_threshold",
    "quota_per_cluster",
    "reward_multiplier",
    "reward_citation",
    "reward_confirmed",
    "prerequisites",
    "citation",
    "level_citation",
    "dossier_due_day",
    "dossier_due_month",
    "order",
]


def _require_national_admin(actor):
    if not is_national_admin(actor):
        raise DomainError(
            _(
                "Danh mục khen thưởng của mỗi chế độ là danh mục quốc gia theo luật: chỉ quản trị "
                "viên quốc gia được sửa. Bộ, ngành sửa thiết lập riêng của mình."
            )
        )


def _check_due(day, month, field):
    if (day is None) != (month is None):
        raise DomainError(_("Hãy nhập cả ngày và tháng, hoặc bỏ trống cả hai."), field=field)
    if day is not None:
        try:
            datetime.date(2024, month, day)
        except ValueError as error:
            raise DomainError(_("Ngày, tháng không hợp lệ."), field=field) from error


@transaction.atomic
def award_title_save(*, actor, award_title):
    _require_national_admin(actor)
    _check_due(award_title.dossier_due_day, award_title.dossier_due_month, "dossier_due_day")
    duplicate = AwardTitle.objects.filter(
        regime=award_title.regime_id, code=award_title.code
    ).exclude(pk=award_title.pk)
    taken = _("Chế độ này đã có một mục mang mã này.")
    if duplicate.exists():
        raise DomainError(taken, field="code")
    return save_record(
        award_title, actor=actor, action="award_title", fields=FIELDS, taken=(taken, "code")
    )


def award_title_delete(*, actor, award_title):
    """Delete an entry nobody uses; one that is used anywhere is refused with a message."""
    _require_national_admin(actor)
    try:
        with transaction.atomic():
            audit_record(
                actor=actor,
                action="award_title_delete",
                obj=award_title,
                before=snapshot(award_title, FIELDS),
            )
            award_title.delete()
    except ProtectedError as error:
        raise DomainError(
            _(
                "Không thể xóa “%(name)s”: danh hiệu đang được dùng (%(count)s bản ghi "
                "đăng ký, bỏ phiếu hoặc đề nghị khen thưởng). Hãy sửa thay vì xóa."
            )
            % {"name": award_title.name_vi, "count": len(error.protected_objects)}
        ) from error


SETTING_FIELDS = ["local_name", "quota_per_cluster", "internal_due_day", "internal_due_month"]


@transaction.atomic
def ministry_award_setting_save(*, actor, ministry, code, version=None, **values):
    """A ministry's own settings for one catalogue code; only that ministry's staff."""
    if not scope_of(actor).manages_ministry(ministry.pk):
        raise DomainError(_("Chỉ cán bộ Vụ của bộ được sửa thiết lập của bộ mình."))
    if not AwardTitle.objects.filter(code=code).exists():
        raise DomainError(_("Danh mục không có mã này."))
    _check_due(values.get("internal_due_day"), values.get("internal_due_month"), "internal_due_day")
    setting = MinistryAwardSetting.objects.filter(ministry=ministry, code=code).first()
    before = None
    if setting is None:
        setting = MinistryAwardSetting(ministry=ministry, code=code)
    else:
        before = snapshot(setting, SETTING_FIELDS)
        claim_version(setting, version or 0)
    for name in SETTING_FIELDS:
        setattr(setting, name, values.get(name))
    setting.local_name = (setting.local_name or "").strip()
    setting.save()
    audit_record(
        actor=actor,
        action="ministry_award_setting_save",
        obj=setting,
        before=before,
        fields=SETTING_FIELDS,
    )
    return setting
