from django import template
from django.template.loader import render_to_string

from clusters.data_version import cluster_year_version
from clusters.evaluation.ranking import cluster_year_ranking, ranking_chart
from clusters.evaluation.selectors import scoring_table_for
from clusters.models import Minutes, Vote
from emulation.fragments import cached_fragment
from emulation.roles import scope_of

register = template.Library()


def _evaluation_panel(cluster_year, manages):
    rows = cluster_year_ranking(cluster_year=cluster_year)
    votes = list(
        Vote.objects.filter(cluster_year=cluster_year)
        .select_related("award_title")
        .prefetch_related("counts__unit")
    )
    return render_to_string(
        "clusters/_evaluation_panel.html",
        {
            "cluster_year": cluster_year,
            "cluster": cluster_year.cluster,
            "table": scoring_table_for(cluster_year=cluster_year, prefetch=False),
            "rows": rows,
            "unregistered": [row.unit for row in rows if not row.registered],
            "chart": ranking_chart(rows),
            "votes": votes,
            "minutes": Minutes.objects.filter(cluster_year=cluster_year).first(),
            "manages": manages,
        },
    )


@register.simple_tag(takes_context=True)
def evaluation_panel(context, cluster_year):
    """The year-end evaluation on the cluster page: table, top of the ranking with its
    chart, votes and the minutes' state. A fixed number of queries, once per data version."""
    manages = scope_of(context["request"].user).manages_ministry(cluster_year.cluster.ministry_id)
    return cached_fragment(
        "evaluation-panel",
        cluster_year_version(cluster_year),
        manages,
        render=lambda: _evaluation_panel(cluster_year, manages),
    )
