"""Panels of the start of a cluster's year for the cluster and unit pages; each computes its
own data with a fixed number of queries, once per data version (``emulation.fragments``)."""

from django import template
from django.template.loader import render_to_string

from clusters.access import can_write_cluster
from clusters.data_version import cluster_year_version
from clusters.year_start.selectors import leadership_of, pledge_board, pledge_of, unit_led_years
from emulation.fragments import cached_fragment

register = template.Library()


@register.simple_tag(takes_context=True)
def leadership_panel(context):
    cluster_year = context["cluster_year"]
    can_write = can_write_cluster(context["request"].user, cluster_year.cluster)
    return cached_fragment(
        "leadership-panel",
        cluster_year_version(cluster_year),
        can_write,
        render=lambda: render_to_string(
            "clusters/_leadership_summary.html",
            {
                "cluster_year": cluster_year,
                "cluster": cluster_year.cluster,
                "term": leadership_of(cluster_year=cluster_year),
                "can_write": can_write,
            },
        ),
    )


def _pledge_panel(cluster_year):
    pledge = pledge_of(cluster_year=cluster_year)
    rows = pledge_board(cluster_year=cluster_year, pledge=pledge)
    return render_to_string(
        "clusters/_pledge_summary.html",
        {
            "cluster_year": cluster_year,
            "cluster": cluster_year.cluster,
            "pledge": pledge,
            "rows": rows,
            "signed_count": sum(1 for r in rows if r.signature),
            "registered_count": sum(1 for r in rows if r.registrations),
        },
    )


@register.simple_tag(takes_context=True)
def pledge_panel(context):
    cluster_year = context["cluster_year"]
    return cached_fragment(
        "pledge-panel",
        cluster_year_version(cluster_year),
        render=lambda: _pledge_panel(cluster_year),
    )


@register.inclusion_tag("clusters/_unit_led_years.html")
def unit_led_years_panel(unit):
    return {"unit": unit, "terms": unit_led_years(unit=unit)}
