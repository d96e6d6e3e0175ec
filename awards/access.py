"""The one way views reach proposals, lines and awards: visibility is checked here."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from awards.models import Award, Nomination, Proposal
from clusters.access import check_cluster
from emulation.roles import scope_of


def get_proposal_for_user(user, pk, *, write=False, manage=False):
    """A proposal the user may see (404 otherwise); ``write`` (its secretary or staff) and
    ``manage`` (ministry staff) raise 403 when the user may see but not act."""
    # The regime is read when a page or a rule needs it (a decided proposal's cached page
    # does not): a join fewer for the database to plan on every request.
    proposal = get_object_or_404(
        Proposal.objects.select_related(
            "cluster_year__cluster__ministry", "cluster_year__emulation_year", "minutes"
        ),
        pk=pk,
    )
    check_cluster(user, proposal.cluster_year.cluster, write=write, manage=manage)
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
    check_cluster(user, line.proposal.cluster_year.cluster, write=write, manage=manage)
    return line


def get_award_for_user(user, pk, *, manage=False):
    award = get_object_or_404(
        Award.objects.select_related(
            "nomination__proposal__cluster_year__cluster__ministry",
            "decision",
            "award_title",
            "unit",
            "person",
        ),
        pk=pk,
    )
    check_cluster(user, award.nomination.proposal.cluster_year.cluster, write=False, manage=manage)
    return award


def _check_ministry(user, ministry_id, *, manage):
    scope = scope_of(user)
    if not scope.sees_ministry(ministry_id):
        raise Http404
    if manage and not scope.manages_ministry(ministry_id):
        raise PermissionDenied


def get_meeting_for_user(user, pk, *, manage=False):
    """A council meeting of a ministry the user sees (404 otherwise); ``manage``: its staff."""
    from awards.models import CouncilMeeting

    meeting = get_object_or_404(CouncilMeeting.objects.select_related("council__ministry"), pk=pk)
    _check_ministry(user, meeting.council.ministry_id, manage=manage)
    return meeting


def get_council_member_for_user(user, pk):
    from awards.models import CouncilMember

    member = get_object_or_404(CouncilMember.objects.select_related("council__ministry"), pk=pk)
    _check_ministry(user, member.council.ministry_id, manage=True)
    return member


def get_dossier_for_user(user, pk, *, manage=False):
    """The ministry's dossier to the Ministry of Home Affairs (404 out of scope)."""
    from awards.models import UpwardDossier

    dossier = get_object_or_404(UpwardDossier.objects.select_related("ministry"), pk=pk)
    _check_ministry(user, dossier.ministry_id, manage=manage)
    return dossier


def ministries_for_council(user):
    """The ministries whose council and dossiers the user sees (staff and ministry leaders)."""
    from emulation.models import Ministry

    scope = scope_of(user)
    if scope.is_superuser:
        return Ministry.objects.all()
    return Ministry.objects.filter(pk__in=scope.staff_ministries | scope.leader_ministries)
