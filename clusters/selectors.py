from collections import defaultdict

from django.db.models import Count

from clusters.access import visible_clusters
from clusters.models import ClusterYear, Membership


def cluster_years_for_user(*, user, year):
    """The cluster-years in the user's scope for a year, with their member count."""
    return (
        ClusterYear.objects.filter(cluster__in=visible_clusters(user), year=year)
        .select_related("cluster__ministry")
        .annotate(member_count=Count("memberships"))
        .order_by("cluster__ministry__name", "cluster__kind", "cluster__number")
    )


def cluster_year_members(*, cluster_year):
    return (
        Membership.objects.filter(cluster_year=cluster_year)
        .select_related("unit")
        .order_by("unit__name")
    )


def member_units_of(cluster_years):
    """``{cluster_year.pk: its member units by name}`` in one query, kept on each instance
    (one request's): the cluster page's member list, pledge and ranking read them once."""
    unread = [cy for cy in cluster_years if getattr(cy, "_member_units", None) is None]
    if unread:
        units = defaultdict(list)
        memberships = Membership.objects.filter(cluster_year__in=unread).select_related("unit")
        for membership in memberships.order_by("unit__name"):
            units[membership.cluster_year_id].append(membership.unit)
        for cluster_year in unread:
            cluster_year._member_units = units[cluster_year.pk]
    return {cy.pk: cy._member_units for cy in cluster_years}


def member_units(cluster_year):
    return member_units_of([cluster_year])[cluster_year.pk]


def years_for_user(*, user, also=()):
    """Every year that has a cluster-year in the user's scope, newest first, with ``also``
    (this year, the year shown): the year switch offers each of them in one step."""
    years = set(
        ClusterYear.objects.filter(cluster__in=visible_clusters(user))
        .order_by()
        .values_list("year", flat=True)
        .distinct()
    )
    return sorted(years | set(also), reverse=True)
