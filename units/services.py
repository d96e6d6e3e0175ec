from django.db import transaction
from django.utils.translation import gettext as _

from emulation.audit import audit_record, stored_snapshot
from emulation.concurrency import claim_version, refuse_duplicate
from emulation.errors import DomainError
from emulation.rights import require_record_manager
from units.models import Unit


def unit_name_check(*, unit):
    """Two units of one ministry never share a name."""
    duplicate = Unit.objects.filter(ministry_id=unit.ministry_id, name=unit.name).exclude(
        pk=unit.pk
    )
    if duplicate.exists():
        raise DomainError(_("Bộ, ngành này đã có đơn vị mang tên này."), field="name")


UNIT_FIELDS = ("ministry", "code", "name", "short_name", "kind", "is_active")


@transaction.atomic
def unit_save(*, actor, unit, expected_version=None):
    """Create a unit, or save changes to one as loaded at ``expected_version``."""
    require_record_manager(actor, unit)
    unit_name_check(unit=unit)
    before = stored_snapshot(unit, UNIT_FIELDS)
    if before is not None:
        claim_version(unit, expected_version)
    with refuse_duplicate(_("Bộ, ngành này đã có đơn vị mang tên này."), field="name"):
        unit.save()
    audit_record(
        actor=actor,
        action="unit_create" if before is None else "unit_update",
        obj=unit,
        before=before,
        fields=UNIT_FIELDS,
    )
    return unit
