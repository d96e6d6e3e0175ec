"""The one way views reach clusters: visibility is checked here, never in a view."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from clusters.models import Cluster, ClusterYear
from emulation.roles import scope_of


def visible_clusters(user):
    scope = scope_of(user)
    if scope.is_superuser:
        return Cluster.objects.all()
    return Cluster.objects.filter(
        Q(ministry_id__in=scope.staff_ministries | scope.leader_ministries)
        | Q(pk__in=scope.leader_clusters | scope.secretary_clusters)
    )


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


def get_cluster_year_for_user(user, cluster_pk, year, *, write=False, manage=False):
    cluster = get_cluster_for_user(user, cluster_pk, write=write, manage=manage)
    cluster_year = get_object_or_404(
        ClusterYear.objects.select_related("emulation_year__regime"), cluster=cluster, year=year
    )
    cluster_year.cluster = cluster
    return cluster_year


def can_write_cluster(user, cluster):
    return scope_of(user).writes_cluster(cluster)


def can_manage_cluster(user, cluster):
    return scope_of(user).manages_ministry(cluster.ministry_id)
