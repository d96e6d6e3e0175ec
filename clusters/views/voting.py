"""The nomination vote of a cluster-year: one per title, counts entered by the secretary."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from clusters.access import get_cluster_year_for_user
from clusters.evaluation.access import get_vote_for_user
from clusters.evaluation.forms import VersionForm, VoteCloseForm, VoteCountsForm, VoteCreateForm
from clusters.evaluation.freeze import cluster_year_is_frozen
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
from clusters.models import Vote
from emulation.errors import DomainError, form_error


def _show_error(request, form, error):
    """At the field when the form has it, else as a page message (shown even when the vote
    is closed or frozen and the form is no longer on the page)."""
    if error.field in form.fields:
        form_error(form, error)
    else:
        messages.error(request, error.message)


def vote_list(request, pk, year):
    cluster_year = get_cluster_year_for_user(request.user, pk, year)
    secretary = is_cluster_secretary(request.user, cluster_year.cluster_id)
    form = VoteCreateForm(request.POST or None, regime=cluster_year.emulation_year.regime)
    if request.method == "POST":
        if not secretary:
            raise PermissionDenied
        if form.is_valid():
            try:
                vote = vote_create(
                    actor=request.user,
                    cluster_year=cluster_year,
                    award_title=form.cleaned_data["award_title"],
                )
            except DomainError as error:
                form_error(form, error)
            else:
                return redirect("clusters:vote", pk=pk, year=year, vote_pk=vote.pk)
    votes = Vote.objects.filter(cluster_year=cluster_year).select_related("award_title")
    return render(
        request,
        "clusters/vote_list.html",
        {
            "cluster_year": cluster_year,
            "cluster": cluster_year.cluster,
            "votes": votes,
            "form": form,
            "can_create": secretary and not cluster_year_is_frozen(cluster_year=cluster_year),
        },
    )


def _vote_page(request, vote, counts_form=None, close_form=None):
    counts = list(vote.counts.select_related("unit").order_by("unit__name"))
    visible = can_see_running_totals(request.user, vote)
    outcome = None
    if visible:
        priority = vote_women_priority(vote=vote, counts=counts)
        outcome = vote_outcome(vote=vote, counts=counts, priority=priority)
    secretary = is_cluster_secretary(request.user, vote.cluster_year.cluster_id)
    editable = (
        secretary
        and vote.state == Vote.State.OPEN
        and not cluster_year_is_frozen(cluster_year=vote.cluster_year)
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
            and vote.state == Vote.State.CLOSED
            and not cluster_year_is_frozen(cluster_year=vote.cluster_year),
        },
    )


def vote_detail(request, pk, year, vote_pk):
    vote = get_vote_for_user(request.user, pk, year, vote_pk)
    if request.method != "POST":
        return _vote_page(request, vote)
    vote = get_vote_for_user(request.user, pk, year, vote_pk, secretary=True)
    counts = list(vote.counts.select_related("unit").order_by("unit__name"))
    form = VoteCountsForm(request.POST, counts=counts)
    if form.is_valid():
        data = form.cleaned_data
        try:
            vote_record_counts(
                actor=request.user,
                vote=vote,
                expected_version=data["version"],
                voters_entitled=data["voters_entitled"],
                ballots_cast=data["ballots_cast"],
                valid_ballots=data["valid_ballots"],
                quota=data["quota"],
                votes=form.votes(),
            )
        except DomainError as error:
            _show_error(request, form, error)
        else:
            messages.success(request, _("Đã lưu kết quả kiểm phiếu."))
            return redirect("clusters:vote", pk=pk, year=year, vote_pk=vote.pk)
    return _vote_page(request, vote, counts_form=form)


@require_POST
def vote_close_view(request, pk, year, vote_pk):
    vote = get_vote_for_user(request.user, pk, year, vote_pk, secretary=True)
    counts = list(vote.counts.select_related("unit"))
    tied = vote_outcome(vote=vote, counts=counts).tied
    form = VoteCloseForm(request.POST, tied=tied)
    if form.is_valid():
        try:
            vote_close(
                actor=request.user,
                vote=vote,
                expected_version=form.cleaned_data["version"],
                tie_break_unit_ids=form.cleaned_data.get("tie_break_units", []),
                tie_break_note=form.cleaned_data.get("tie_break_note", ""),
            )
        except DomainError as error:
            _show_error(request, form, error)
        else:
            messages.success(request, _("Đã kết thúc bỏ phiếu."))
            return redirect("clusters:vote", pk=pk, year=year, vote_pk=vote.pk)
    return _vote_page(request, vote, close_form=form)


@require_POST
def vote_reopen_view(request, pk, year, vote_pk):
    vote = get_vote_for_user(request.user, pk, year, vote_pk, secretary=True)
    form = VersionForm(request.POST)
    if form.is_valid():
        try:
            vote_reopen(
                actor=request.user, vote=vote, expected_version=form.cleaned_data["version"]
            )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Đã mở lại cuộc bỏ phiếu."))
    return redirect("clusters:vote", pk=pk, year=year, vote_pk=vote.pk)
