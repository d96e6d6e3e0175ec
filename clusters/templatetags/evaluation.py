from django import template

from clusters.evaluation.ranking import cluster_year_ranking, ranking_chart
from clusters.evaluation.selectors import scoring_table_for
from clusters.models import Minutes, Vote
from emulation.roles import scope_of

register = template.Library()


@register.inclusion_tag("clusters/_evaluation_panel.html", takes_context=True)
def evaluation_panel(context, cluster_year):
    """The year-end evaluation on the cluster page: table, top of the ranking with its
    chart, votes and the minutes' state. A fixed number of queries."""
    user = context["request"].user
    rows = cluster_year_ranking(cluster_year=cluster_year)
    votes = list(
        Vote.objects.filter(cluster_year=cluster_year)
        .select_related("award_title")
        .prefetch_related("counts__unit")
    )
    return {
        "cluster_year": cluster_year,
        "cluster": cluster_year.cluster,
        "table": scoring_table_for(cluster_year=cluster_year, prefetch=False),
        "rows": rows,
        "unregistered": [row.unit for row in rows if not row.registered],
        "chart": ranking_chart(rows),
        "votes": votes,
        "minutes": Minutes.objects.filter(cluster_year=cluster_year).first(),
        "manages": scope_of(user).manages_ministry(cluster_year.cluster.ministry_id),
    }
