"""The cluster's side: the list of its proposals, a proposal page, editing and submitting."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from awards import rules, selectors, services
from awards.access import get_nomination_for_user, get_proposal_for_user
from awards.forms import NominationForm, ProposalForm
from awards.regime import proposal_regime
from awards.services.proposals import missing_parts
from awards.views.common import file_download
from clusters.access import get_cluster_year_for_user
from clusters.data_version import ministry_token
from clusters.selectors import cluster_years_for_user
from emulation.dates import short_date
from emulation.errors import DomainError
from emulation.fragments import CSRF_SLOT, cached_fragment, with_csrf_token
from emulation.pages import form_page, form_saved, post_action
from emulation.roles import scope_of
from emulation.selectors import local_name, ministry_award_settings, selected_year


def proposal_list(request):
    year = selected_year(request)
    cluster_years = list(cluster_years_for_user(user=request.user, year=year))
    proposals = selectors.proposals_by_cluster_year(cluster_years=cluster_years)
    scope = scope_of(request.user)
    rows = [(cy, proposals.get(cy.pk), scope.writes_cluster(cy.cluster)) for cy in cluster_years]
    return render(
        request,
        "awards/proposal_list.html",
        {"year": year, "rows": rows, "years": range(year + 1, year - 6, -1)},
    )


@require_POST
def proposal_create(request, cluster_pk, year):
    cluster_year = get_cluster_year_for_user(request.user, cluster_pk, year, write=True)
    try:
        proposal = services.proposal_create(actor=request.user, cluster_year=cluster_year)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("awards:list")
    messages.success(request, _("Đã lập hồ sơ khen thưởng."))
    return redirect(proposal)


def proposal_detail(request, pk):
    """The proposal page: its content is rendered once per data version of the proposal's
    cluster-year and ministry-year (read with the proposal, before its lines: a unit's,
    a person's, the catalogue's or the ministry's settings' write bumps the ministry-year)
    and the reader's rights. Its audit trail is in it: every entry bumps its object's year,
    and names its actor as they were then. Until the proposal is decided its lines show the
    rules' findings, which read the units' and people's records of every year anywhere in the
    ministry and the day: the key then also holds every year of the ministry with its
    cluster-years' versions (``ministry_token``, one query) and the day."""
    proposal = get_proposal_for_user(request.user, pk)
    scope = scope_of(request.user)
    cluster = proposal.cluster_year.cluster
    can_write = scope.writes_cluster(cluster) and proposal.is_editable
    can_review = scope.manages_ministry(cluster.ministry_id)
    checked = None
    if not proposal.is_decided:
        stage = rules.APPROVAL if proposal.is_reviewable else rules.SUBMISSION
        versions = ministry_token(ministry_id=cluster.ministry_id)
        checked = (stage, timezone.localdate(), versions)
    body = cached_fragment(
        "proposal",
        _proposal_version(proposal),
        can_write,
        can_review,
        checked,
        render=lambda: _proposal_body(proposal, checked, can_write, can_review),
    )
    return render(
        request,
        "awards/proposal_detail.html",
        {
            "proposal": proposal,
            "body": with_csrf_token(request, body),
        },
    )


def _proposal_version(proposal):
    cluster_year = proposal.cluster_year
    ministry_year = cluster_year.emulation_year
    return (
        proposal.pk,
        (cluster_year.pk, cluster_year.data_version),
        (ministry_year.pk, ministry_year.data_version),
    )


def _proposal_body(proposal, checked, can_write, can_review):
    lines = selectors.proposal_detail_lines(proposal=proposal)
    findings = {}
    if checked is not None:
        stage, today, _versions = checked
        findings = rules.check_proposal(proposal, stage=stage, lines=lines, on=today)
    decision = selectors.decision_of(proposal=proposal)
    ministry = proposal.cluster_year.cluster.ministry
    names = ministry_award_settings(ministry_id=ministry.pk)
    return render_to_string(
        "awards/_proposal_body.html",
        {
            "proposal": proposal,
            "regime": proposal_regime(proposal),
            "lines": [
                (
                    line,
                    findings.get(line.pk, []),
                    _level_text(line.award_title, ministry, proposal.cluster_year.year),
                    local_name(names, line.award_title),
                )
                for line in lines
            ],
            "pending_count": sum(1 for line in lines if line.is_pending),
            "missing": missing_parts(proposal, lines) if proposal.is_editable else [],
            "can_write": can_write,
            "can_review": can_review,
            "decision": decision,
            "awards": selectors.awards_of_decision(decision=decision),
            "audit_entries": selectors.proposal_audit_entries(proposal=proposal),
            "csrf_token": CSRF_SLOT,
        },
    )


def _level_text(award_title, ministry, year):
    """Who decides the line; above the Minister, with the due date of the upward dossier."""
    label = str(award_title.level_label(ministry))
    due = award_title.dossier_due(year)
    if due is None:
        return label
    return _("%(level)s (hồ sơ hạn %(date)s)") % {"level": label, "date": short_date(due)}


def proposal_edit(request, pk):
    proposal = get_proposal_for_user(request.user, pk, write=True)
    form = ProposalForm.for_proposal(proposal, request.POST or None, request.FILES or None)
    saved = _("Đã lưu tờ trình.")
    if form_saved(request, form, services.proposal_update, saved, proposal=proposal):
        return redirect(proposal)
    return form_page(
        request,
        form,
        title=_("Tờ trình – %(p)s") % {"p": proposal.cluster_year},
        back_url=proposal.get_absolute_url(),
        submit=_("Lưu"),
        multipart=True,
    )


def _nomination_form(request, proposal, line=None):
    form = NominationForm(
        request.POST or None, request.FILES or None, instance=line, proposal=proposal
    )
    saved = _("Đã lưu dòng đề nghị.")
    if form_saved(request, form, services.nomination_save, saved, proposal=proposal):
        return redirect(proposal)
    return form_page(
        request,
        form,
        title=_("Dòng đề nghị – %(p)s") % {"p": proposal.cluster_year},
        back_url=proposal.get_absolute_url(),
        submit=_("Lưu"),
        multipart=True,
        intro=_("Tỷ lệ phiếu và thứ hạng được lấy tự động từ kết quả bỏ phiếu và xếp hạng."),
    )


def nomination_create(request, pk):
    return _nomination_form(request, get_proposal_for_user(request.user, pk, write=True))


def nomination_edit(request, pk):
    line = get_nomination_for_user(request.user, pk, write=True)
    return _nomination_form(request, line.proposal, line)


@require_POST
def nomination_delete(request, pk):
    line = get_nomination_for_user(request.user, pk, write=True)
    return post_action(
        request,
        services.nomination_delete,
        _("Đã xóa dòng đề nghị."),
        then=line.proposal,
        line=line,
    )


@require_POST
def proposal_submit(request, pk):
    proposal = get_proposal_for_user(request.user, pk, write=True)
    return post_action(
        request,
        services.proposal_submit,
        _("Đã gửi hồ sơ lên Bộ."),
        then=proposal,
        proposal=proposal,
    )


def proposal_cover(request, pk):
    proposal = get_proposal_for_user(request.user, pk)
    return file_download(proposal.cover_file, proposal.cover_name, proposal.cover_content_type)


def nomination_report(request, pk):
    line = get_nomination_for_user(request.user, pk)
    return file_download(line.report_file, line.report_name, line.report_content_type)
