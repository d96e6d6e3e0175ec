import django_filters
from django.utils.translation import gettext_lazy as _

from awards.models import Proposal
from clusters.models import Cluster
from emulation.models import AwardTitle


class ProposalFilter(django_filters.FilterSet):
    year = django_filters.NumberFilter(field_name="cluster_year__year", label=_("Năm"))
    cluster = django_filters.ModelChoiceFilter(
        field_name="cluster_year__cluster",
        queryset=Cluster.objects.none(),
        label=_("Cụm"),
        empty_label=_("Tất cả các cụm"),
    )
    award = django_filters.ChoiceFilter(
        field_name="nominations__award_title__code",
        label=_("Danh hiệu"),
        choices=[],
        distinct=True,
        empty_label=_("Tất cả danh hiệu"),
    )
    state = django_filters.ChoiceFilter(
        choices=Proposal.State.choices, label=_("Trạng thái"), empty_label=_("Mọi trạng thái")
    )

    class Meta:
        model = Proposal
        fields = ["year", "cluster", "award", "state"]

    def __init__(self, *args, clusters, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["cluster"].queryset = clusters
        names = dict(AwardTitle.objects.order_by("regime", "order").values_list("code", "name_vi"))
        self.filters["award"].extra["choices"] = sorted(names.items(), key=lambda kv: kv[1])
