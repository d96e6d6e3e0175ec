"""The nomination vote of a cluster-year: one per title, counts entered by the secretary."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from clusters.access import get_cluster_year_for_user
from clusters.evaluation.access import get_vote_for_user
from clusters.evaluation.forms import VersionForm, VoteCloseForm, VoteCountsForm, VoteCreateForm
from clusters.evaluation.freeze import cluster_year_is_frozen
from clusters.evaluation.selectors import vote_counts, votes_of
from clusters.evaluation.votes import (
    can_see_running_totals,
    is_cluster_secretary,
    vote_close,
    vote_create,
    vote_outcome,
    vote_record_counts,
    vote_reopen,
    vote_share,
    vote_women_priority,
)
from emulation.pages import form_saved, post_action


def vote_list(request, pk, year):
    cluster_year = get_cluster_year_for_user(request.user, pk, year)
    secretary = is_cluster_secretary(request.user, cluster_year.cluster_id)
    form = VoteCreateForm(request.POST or None, regime=cluster_year.emulation_year.regime)
    if request.method == "POST" and not secretary:
        raise PermissionDenied
    if saved := form_saved(request, form, vote_create, None, cluster_year=cluster_year):
        return redirect(saved.result)
    return render(
        request,
        "clusters/vote_list.html",
        {
            "cluster_year": cluster_year,
            "cluster": cluster_year.cluster,
            "votes": votes_of(cluster_year=cluster_year),
            "form": form,
            "can_create": secretary and not cluster_year_is_frozen(cluster_year=cluster_year),
        },
    )


def _vote_page(request, vote, counts_form=None, close_form=None):
    counts = vote_counts(vote=vote)
    visible = can_see_running_totals(request.user, vote)
    outcome = None
    if visible:
        priority = vote_women_priority(vote=vote, counts=counts)
        outcome = vote_outcome(vote=vote, counts=counts, priority=priority)
    secretary = is_cluster_secretary(request.user, vote.cluster_year.cluster_id)
    editable = (
        secretary and vote.is_open and not cluster_year_is_frozen(cluster_year=vote.cluster_year)
    )
    if editable and counts_form is None:
        counts_form = VoteCountsForm(
            counts=counts,
            initial={
                "version": vote.version,
                "voters_entitled": vote.voters_entitled,
                "ballots_cast": vote.ballots_cast,
                "valid_ballots": vote.valid_ballots,
                "quota": vote.quota,
            },
        )
    if editable and close_form is None:
        close_form = VoteCloseForm(
            initial={"version": vote.version}, tied=outcome.tied if outcome else ()
        )
    for count in counts:
        count.share = vote_share(votes=count.votes, voters_entitled=vote.voters_entitled)
    return render(
        request,
        "clusters/vote_detail.html",
        {
            "cluster_year": vote.cluster_year,
            "cluster": vote.cluster_year.cluster,
            "vote": vote,
            "counts": counts if visible else [],
            "visible": visible,
            "outcome": outcome,
            "editable": editable,
            "counts_form": counts_form if editable else None,
            "close_form": close_form if editable else None,
            "can_reopen": secretary
            and vote.is_closed
            and not cluster_year_is_frozen(cluster_year=vote.cluster_year),
        },
    )


def vote_detail(request, pk, year, vote_pk):
    vote = get_vote_for_user(request.user, pk, year, vote_pk)
    if request.method != "POST":
        return _vote_page(request, vote)
    vote = get_vote_for_user(request.user, pk, year, vote_pk, secretary=True)
    form = VoteCountsForm(request.POST, counts=vote_counts(vote=vote))
    saved = _("Đã lưu kết quả kiểm phiếu.")
    if form_saved(request, form, vote_record_counts, saved, page_message=True, vote=vote):
        return redirect(vote)
    return _vote_page(request, vote, counts_form=form)


@require_POST
def vote_close_view(request, pk, year, vote_pk):
    vote = get_vote_for_user(request.user, pk, year, vote_pk, secretary=True)
    counts = vote_counts(vote=vote)
    tied = vote_outcome(vote=vote, counts=counts).tied
    form = VoteCloseForm(request.POST, tied=tied)
    saved = _("Đã kết thúc bỏ phiếu.")
    if form_saved(request, form, vote_close, saved, page_message=True, vote=vote):
        return redirect(vote)
    return _vote_page(request, vote, close_form=form)


@require_POST
def vote_reopen_view(request, pk, year, vote_pk):
    vote = get_vote_for_user(request.user, pk, year, vote_pk, secretary=True)
    form = VersionForm(request.POST)
    if not form.is_valid():
        return redirect(vote)
    return post_action(
        request,
        vote_reopen,
        _("Đã mở lại cuộc bỏ phiếu."),
        then=vote,
        vote=vote,
        **form.service_args(),
    )
