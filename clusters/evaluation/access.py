"""Object access for the evaluation pages, built on ``clusters.access``: out of scope → 404,
in scope without the right → 403."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from clusters.access import get_cluster_year_for_user
from clusters.evaluation.votes import is_cluster_secretary
from clusters.models import Evidence, ScoringTable, Vote
from emulation.roles import scope_of


def get_scoring_table_for_user(user, pk, *, manage=False):
    table = get_object_or_404(ScoringTable.objects.select_related("ministry", "cluster"), pk=pk)
    scope = scope_of(user)
    if not scope.sees_ministry(table.ministry_id):
        raise Http404
    if manage and not scope.manages_ministry(table.ministry_id):
        raise PermissionDenied
    return table


def get_vote_for_user(user, cluster_pk, year, vote_pk, *, secretary=False):
    """``secretary``: only the cluster's secretary enters and closes the count."""
    cluster_year = get_cluster_year_for_user(user, cluster_pk, year)
    vote = get_object_or_404(
        Vote.objects.select_related("award_title"), cluster_year=cluster_year, pk=vote_pk
    )
    vote.cluster_year = cluster_year
    if secretary and not is_cluster_secretary(user, cluster_year.cluster_id):
        raise PermissionDenied
    return vote


def get_evidence_for_user(user, cluster_pk, year, pk, *, write=False):
    cluster_year = get_cluster_year_for_user(user, cluster_pk, year, write=write)
    evidence = get_object_or_404(
        Evidence.objects.select_related("score"), score__cluster_year=cluster_year, pk=pk
    )
    evidence.score.cluster_year = cluster_year
    return evidence
