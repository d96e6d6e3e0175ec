"""Who may read and write a paper (docs/permissions.md): the cluster's papers
(cover submission, minutes, its nominees' achievement reports) are read by whoever sees the
cluster and written by the cluster's secretary; the ministry's (the decision, the submission
to the Ministry of Home Affairs) are written by its staff and read by its staff and leaders,
the decision on a cluster's proposal also by whoever sees that cluster. Out of scope: 404;
in scope without the right: 403."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from documents.models import Paper
from documents.papers.common import MINISTRY_KINDS
from emulation.roles import scope_of


def papers():
    """Papers with what their pages and content read first."""
    return Paper.objects.select_related(
        "ministry",
        "cluster_year__cluster__ministry",
        "cluster_year__emulation_year__regime",
        "nomination__unit",
        "nomination__person",
        "nomination__award_title",
        "nomination__proposal__cluster_year__cluster__ministry",
        "nomination__proposal__cluster_year__emulation_year__regime",
        "decision__proposal__cluster_year__cluster",
        "decision__proposal__cluster_year__emulation_year__regime",
        "upward_dossier",
        "number__register",
    )


def paper_of_line(line):
    """The achievement report of a proposal's line, once written; else None."""
    return papers().filter(nomination=line).first()


def sees_paper(user, paper):
    scope = scope_of(user)
    if paper.cluster_year_id:
        return scope.sees_cluster(paper.cluster_year.cluster)
    return scope.sees_ministry(paper.ministry_id)


def writes_paper(user, paper):
    scope = scope_of(user)
    if paper.kind in MINISTRY_KINDS:
        return scope.manages_ministry(paper.ministry_id)
    return scope.acts_as_secretary(paper.cluster_year.cluster_id)


def check_paper(user, paper, *, write=False):
    if not sees_paper(user, paper):
        raise Http404
    if write and not writes_paper(user, paper):
        raise PermissionDenied
    return paper


def get_paper_for_user(user, pk, *, write=False):
    return check_paper(user, get_object_or_404(papers(), pk=pk), write=write)
