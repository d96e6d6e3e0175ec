"""The one way views reach proposals, lines and awards: visibility is checked here."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from awards.models import Award, Nomination, Proposal
from emulation.roles import scope_of


def _check(user, cluster, *, write, manage):
    scope = scope_of(user)
    if not scope.sees_cluster(cluster):
        raise Http404
    if manage and not scope.manages_ministry(cluster.ministry_id):
        raise PermissionDenied
    if write and not scope.writes_cluster(cluster):
        raise PermissionDenied


def get_proposal_for_user(user, pk, *, write=False, manage=False):
    """A proposal the user may see (404 otherwise); ``write`` (its secretary or staff) and
    ``manage`` (ministry staff) raise 403 when the user may see but not act."""
    proposal = get_object_or_404(
        Proposal.objects.select_related(
            "cluster_year__cluster__ministry", "cluster_year__emulation_year__regime", "minutes"
        ),
        pk=pk,
    )
    _check(user, proposal.cluster_year.cluster, write=write, manage=manage)
    return proposal


def get_nomination_for_user(user, pk, *, write=False, manage=False):
    line = get_object_or_404(
        Nomination.objects.select_related(
            "proposal__cluster_year__cluster__ministry",
            "proposal__cluster_year__emulation_year__regime",
            "award_title",
            "unit",
            "person",
        ),
        pk=pk,
    )
    _check(user, line.proposal.cluster_year.cluster, write=write, manage=manage)
    return line


def get_award_for_user(user, pk, *, manage=False):
    award = get_object_or_404(
        Award.objects.select_related(
            "decision__proposal__cluster_year__cluster__ministry", "award_title", "unit", "person"
        ),
        pk=pk,
    )
    _check(user, award.decision.proposal.cluster_year.cluster, write=False, manage=manage)
    return award
