import django_filters
from django.utils.translation import gettext_lazy as _

from awards.models import Proposal
from awards.selectors import award_title_choices
from clusters.models import Cluster


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

    def __init__(self, *args, clusters, choices=None, **kwargs):
        """``choices``: the clusters' and the awards' ``(value, label)`` lists, read before
        (``awards.views.review.queue_filter``: cached); the clusters' queryset still checks a
        chosen cluster."""
        super().__init__(*args, **kwargs)
        self.filters["cluster"].queryset = clusters
        cluster_choices, award_choices = choices or (None, award_title_choices())
        self.filters["award"].extra["choices"] = award_choices
        if cluster_choices is not None:
            field = self.form.fields["cluster"]
            # what its ModelChoiceIterator yields, without reading the clusters again
            field._choices = field.widget.choices = [("", field.empty_label), *cluster_choices]
