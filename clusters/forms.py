from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from clusters.models import Cluster
from clusters.services import cluster_number_check
from emulation.forms import MinistryRecordForm
from units.models import Unit


class ClusterForm(MinistryRecordForm):
    unique_fields = ("ministry", "kind", "number")

    class Meta:
        model = Cluster
        fields = ["ministry", "kind", "number", "name", "description"]
        help_texts = {"name": _("Ví dụ: Cụm thi đua số 2 – các đơn vị sự nghiệp thuộc Bộ")}

    def check_unique(self, probe):
        cluster_number_check(cluster=probe)


class MembershipForm(forms.Form):
    units = forms.ModelMultipleChoiceField(
        label=_("Đơn vị thành viên"),
        queryset=Unit.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Chọn ít nhất một đơn vị thành viên.")},
        help_text=_("Chọn các đơn vị là thành viên của cụm trong năm này."),
    )

    def __init__(self, *args, cluster, **kwargs):
        super().__init__(*args, **kwargs)
        # Active units, plus this year's members even if they have since stopped: saving the
        # form must not silently drop them.
        members = [unit.pk for unit in self.initial.get("units", [])]
        self.fields["units"].queryset = Unit.objects.filter(
            Q(is_active=True) | Q(pk__in=members), ministry=cluster.ministry_id
        ).order_by("name")

    def service_args(self):
        return {"units": list(self.cleaned_data["units"])}
