import django_filters
from django.utils.translation import gettext_lazy as _

from units.models import Unit


class UnitFilter(django_filters.FilterSet):
    name = django_filters.CharFilter(label=_("Tên đơn vị"), lookup_expr="icontains")
    kind = django_filters.ChoiceFilter(label=_("Loại hình"), choices=Unit.Kind.choices)

    class Meta:
        model = Unit
        fields = ["name", "kind"]
