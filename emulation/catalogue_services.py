"""Writes to the award catalogue (danh mục khen thưởng) of each legal regime."""

from django.db import transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext as _

from emulation.access import require_ministry_staff
from emulation.audit import audit_record
from emulation.concurrency import refuse_duplicate
from emulation.errors import DomainError
from emulation.models import AwardTitle

FIELDS = [
    "code",
    "name_vi",
    "name_en",
    "kind",
    "subject",
    "level",
    "vote_threshold",
    "quota_per_cluster",
    "reward_multiplier",
    "prerequisites",
    "citation",
    "order",
]


def _snapshot(title):
    return {"regime": title.regime_id, **{name: getattr(title, name) for name in FIELDS}}


@transaction.atomic
def award_title_save(*, actor, award_title):
    require_ministry_staff(actor)
    duplicate = AwardTitle.objects.filter(
        regime=award_title.regime_id, code=award_title.code
    ).exclude(pk=award_title.pk)
    taken = _("Chế độ này đã có một mục mang mã này.")
    if duplicate.exists():
        raise DomainError(taken, field="code")
    created = award_title.pk is None
    before = None if created else _snapshot(AwardTitle.objects.get(pk=award_title.pk))
    with refuse_duplicate(taken, field="code"):
        award_title.save()
    audit_record(
        actor=actor,
        action="award_title_create" if created else "award_title_update",
        obj=award_title,
        before=before,
        after=_snapshot(award_title),
    )
    return award_title


def award_title_delete(*, actor, award_title):
    """Delete an entry nobody uses; one that is used anywhere is refused with a message."""
    require_ministry_staff(actor)
    try:
        with transaction.atomic():
            audit_record(
                actor=actor,
                action="award_title_delete",
                obj=award_title,
                before=_snapshot(award_title),
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
