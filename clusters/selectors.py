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


def clusters_for_list(*, user):
    """The clusters in the user's scope with their number of years, for the list page."""
    return (
        visible_clusters(user)
        .select_related("ministry")
        .annotate(year_count=Count("years"))
        .order_by("ministry__name", "kind", "number")
    )


def cluster_year_of(*, cluster, year):
    """The cluster's year (with its regime), or None before it is set up."""
    return (
        ClusterYear.objects.filter(cluster=cluster, year=year)
        .select_related("emulation_year__regime")
        .first()
    )


def cluster_year_members(*, cluster_year):
    return (
        Membership.objects.filter(cluster_year=cluster_year)
        .select_related("unit")
        .order_by("unit__name")
    )


def cluster_years_of(*, cluster):
    return list(cluster.years.order_by("-year").values_list("year", flat=True))


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
