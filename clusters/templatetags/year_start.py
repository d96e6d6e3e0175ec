"""Panels of the start of a cluster's year for the cluster and unit pages; each computes its
own data with a fixed number of queries."""

from django import template

from clusters.access import can_write_cluster
from clusters.year_start.selectors import leadership_of, pledge_board, pledge_of, unit_led_years

register = template.Library()


@register.inclusion_tag("clusters/_leadership_summary.html", takes_context=True)
def leadership_panel(context):
    cluster_year = context["cluster_year"]
    return {
        "cluster_year": cluster_year,
        "cluster": cluster_year.cluster,
        "term": leadership_of(cluster_year=cluster_year),
        "can_write": can_write_cluster(context["request"].user, cluster_year.cluster),
    }


@register.inclusion_tag("clusters/_pledge_summary.html", takes_context=True)
def pledge_panel(context):
    cluster_year = context["cluster_year"]
    pledge = pledge_of(cluster_year=cluster_year)
    rows = pledge_board(cluster_year=cluster_year, pledge=pledge)
    return {
        "cluster_year": cluster_year,
        "cluster": cluster_year.cluster,
        "pledge": pledge,
        "rows": rows,
        "signed_count": sum(1 for r in rows if r.signature),
        "registered_count": sum(1 for r in rows if r.registrations),
    }


@register.inclusion_tag("clusters/_unit_led_years.html")
def unit_led_years_panel(unit):
    return {"unit": unit, "terms": unit_led_years(unit=unit)}
