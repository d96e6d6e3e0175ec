from django.db import transaction
from django.utils.translation import gettext as _

from emulation.audit import audit_record
from emulation.concurrency import claim_version, refuse_duplicate
from emulation.errors import DomainError
from emulation.rights import require_manager
from units.models import Unit


def unit_name_check(*, unit):
    """Two units of one ministry never share a name."""
    duplicate = Unit.objects.filter(ministry_id=unit.ministry_id, name=unit.name).exclude(
        pk=unit.pk
    )
    if duplicate.exists():
        raise DomainError(_("Bộ, ngành này đã có đơn vị mang tên này."), field="name")


@transaction.atomic
def unit_save(*, actor, unit, expected_version=None):
    """Create a unit, or save changes to one as loaded at ``expected_version``."""
    require_manager(actor, unit.ministry_id)
    if unit.pk is not None:
        # The ministry it had: staff of another ministry cannot move it into theirs.
        require_manager(actor, Unit.objects.values_list("ministry_id", flat=True).get(pk=unit.pk))
    created = unit.pk is None
    unit_name_check(unit=unit)
    fields = ["ministry_id", "code", "name", "short_name", "kind", "is_active"]
    before = None
    if not created:
        before = Unit.objects.filter(pk=unit.pk).values(*fields).first()
        claim_version(unit, expected_version)
    with refuse_duplicate(_("Bộ, ngành này đã có đơn vị mang tên này."), field="name"):
        unit.save()
    audit_record(
        actor=actor,
        action="unit_create" if created else "unit_update",
        obj=unit,
        before=before,
        after={name: getattr(unit, name) for name in fields},
    )
    return unit
