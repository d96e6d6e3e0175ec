"""The one way views reach registers, numbers and paper versions: out of the user's scope is
404, in scope without the right to change it is 403.

Who sees a register: the ministry's staff and leaders see every register of the ministry (its
office's, its council's, its clusters'); a cluster's secretary and leader see their
cluster's. Who keeps it (cancels a number, revokes a paper): ``documents.rights``."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from documents.models import NumberRegister, PaperVersion, RegisteredNumber
from documents.rights import may_keep, paper_cluster
from emulation.roles import scope_of


def visible_registers(user):
    scope = scope_of(user)
    if scope.is_superuser:
        return NumberRegister.objects.all()
    return NumberRegister.objects.filter(
        Q(ministry_id__in=scope.staff_ministries | scope.leader_ministries)
        | Q(cluster_id__in=scope.leader_clusters | scope.secretary_clusters)
    )


def may_keep_register(user, register):
    return may_keep(user, ministry_id=register.ministry_id, cluster=register.cluster)


def may_keep_some(user):
    """Keeps at least one issuing body's registers: a cluster's secretary, ministry staff."""
    scope = scope_of(user)
    return scope.is_ministry_staff or bool(scope.secretary_clusters)


def get_register_for_user(user, pk):
    return get_object_or_404(visible_registers(user).select_related("ministry", "cluster"), pk=pk)


def get_number_for_user(user, pk, *, write=False):
    number = get_object_or_404(
        RegisteredNumber.objects.select_related("register__cluster", "register__ministry"),
        pk=pk,
        register__in=visible_registers(user),
    )
    if write and not may_keep_register(user, number.register):
        raise PermissionDenied
    return number


def _sees_paper(scope, paper, cluster):
    if cluster is not None:
        return scope.sees_cluster(cluster)
    return scope.sees_ministry(paper.ministry_id)


def get_paper_version_for_user(user, pk, *, write=False):
    version = get_object_or_404(
        PaperVersion.objects.select_related(
            "paper__number__register",
            "paper__cluster_year__cluster",
            "paper__nomination__proposal__cluster_year__cluster",
        ),
        pk=pk,
    )
    paper = version.paper
    cluster = paper_cluster(paper)
    if not _sees_paper(scope_of(user), paper, cluster):
        raise Http404
    if write and not may_keep(user, ministry_id=paper.ministry_id, cluster=cluster):
        raise PermissionDenied
    return version
