from django.db import transaction
from django.utils.translation import gettext as _

from emulation.audit import audit_record
from emulation.errors import DomainError
from units.models import Unit


@transaction.atomic
def unit_save(*, actor, unit):
    created = unit.pk is None
    if Unit.objects.filter(ministry=unit.ministry, name=unit.name).exclude(pk=unit.pk).exists():
        raise DomainError(_("Bộ, ngành này đã có đơn vị mang tên này."), field="name")
    unit.save()
    audit_record(
        actor=actor,
        action="unit_create" if created else "unit_update",
        obj=unit,
        after={"name": unit.name, "kind": unit.kind, "is_active": unit.is_active},
    )
    return unit
