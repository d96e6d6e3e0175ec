from emulation.forms import MinistryRecordForm
from units.models import Unit
from units.services import unit_name_check


class UnitForm(MinistryRecordForm):
    unique_fields = ("ministry", "name")

    class Meta:
        model = Unit
        fields = ["ministry", "code", "name", "short_name", "kind", "is_active"]

    def check_unique(self, probe):
        unit_name_check(unit=probe)
