import django_filters
from django.utils.translation import gettext_lazy as _

from clusters.models import Cluster


class ClusterFilter(django_filters.FilterSet):
    name = django_filters.CharFilter(label=_("Tên cụm"), lookup_expr="icontains")
    kind = django_filters.ChoiceFilter(label=_("Loại"), choices=Cluster.Kind.choices)

    class Meta:
        model = Cluster
        fields = ["name", "kind"]
