from django.db import transaction
from django.utils.translation import gettext as _

from emulation.audit import save_record
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
    taken = (_("Bộ, ngành này đã có đơn vị mang tên này."), "name")
    return save_record(
        unit,
        actor=actor,
        action="unit",
        fields=UNIT_FIELDS,
        claim=True,
        version=expected_version,
        taken=taken,
    )
