"""The one way views reach clusters: visibility is checked here, never in a view."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from clusters.data_version import cluster_versions, cluster_year_rows, cluster_year_version
from clusters.models import Cluster, ClusterYear
from emulation.models import Ministry
from emulation.roles import scope_of


def visible_clusters(user):
    return scope_of(user).seen(Cluster.objects.all(), cluster="pk")


def get_cluster_for_user(user, pk, *, write=False, manage=False):
    """A cluster the user may see (404 otherwise); ``write`` (secretary or staff) and
    ``manage`` (ministry staff) raise 403 when the user may see but not change it."""
    cluster = get_object_or_404(Cluster.objects.select_related("ministry"), pk=pk)
    check_cluster(user, cluster, write=write, manage=manage)
    return cluster


def check_cluster(user, cluster, *, write=False, manage=False):
    """404 when the user may not see ``cluster``; 403 when they may see it but ``write``
    (its secretary or staff) or ``manage`` (ministry staff) is asked of them in vain."""
    scope = scope_of(user)
    if not scope.sees_cluster(cluster):
        raise Http404
    if manage and not scope.manages_ministry(cluster.ministry_id):
        raise PermissionDenied
    if write and not scope.writes_cluster(cluster):
        raise PermissionDenied


def get_cluster_year_for_user(user, cluster_pk, year, *, write=False, manage=False, token=False):
    """The cluster's year with its cluster (one query); a year that does not exist is a 404
    after the cluster's own checks (a 403 for a cluster seen but not writable). ``token``: the
    neighbouring years are read in the same query, for the year's data versions
    (``cluster_year_version``, then without a query of its own)."""
    years = ClusterYear.objects.select_related("cluster__ministry", "emulation_year")
    if token:
        near = list(years.filter(cluster_id=cluster_pk, year__gte=year - 1, year__lte=year + 1))
        cluster_year = next((cy for cy in near if cy.year == year), None)
        if cluster_year is not None:
            cluster_year_version(cluster_year, cluster_versions(near))
    else:
        try:
            cluster_year = years.get(cluster_id=cluster_pk, year=year)
        except ClusterYear.DoesNotExist:
            cluster_year = None
    if cluster_year is None:
        get_cluster_for_user(user, cluster_pk, write=write, manage=manage)
        raise Http404
    check_cluster(user, cluster_year.cluster, write=write, manage=manage)
    return cluster_year


def get_cluster_rows_for_user(user, pk):
    """A cluster the user may see (404 otherwise), as much of it as its rights and its page's
    title need (its id, ministry and name), and every year of it with the data versions
    (``cluster_year_rows``): one SQL statement."""
    found = cluster_year_rows(pk)
    if found is None:
        raise Http404
    ministry_id, name, rows = found
    cluster = Cluster(pk=pk, ministry_id=ministry_id, name=name)
    check_cluster(user, cluster)
    return cluster, rows


def can_create_cluster(user):
    """Ministry staff, or a superuser once a ministry exists (``managed_ministries``, which
    the cluster form checks, without its query for staff)."""
    scope = scope_of(user)
    if scope.staff_ministries:
        return True
    return scope.is_superuser and Ministry.objects.exists()


def can_write_cluster(user, cluster):
    return scope_of(user).writes_cluster(cluster)


def can_manage_cluster(user, cluster):
    return scope_of(user).manages_ministry(cluster.ministry_id)
