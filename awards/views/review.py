"""The ministry's desk: the queue, taking up, returning, reviewing lines, bulk approval,
the decision, revocation and forwarding."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from awards import selectors, services
from awards.access import get_award_for_user, get_nomination_for_user, get_proposal_for_user
from awards.filters import ProposalFilter
from awards.forms import (
    BulkApproveForm,
    DecisionForm,
    LineReviewForm,
    ReasonForm,
    RevokeForm,
)
from clusters.data_version import ministries_token
from emulation.access import require_ministry_staff
from emulation.errors import DomainError
from emulation.fragments import cached_fragment, cached_value
from emulation.pages import form_page, form_saved, post_action
from emulation.pagination import filtered_page, page_with_total, paginate
from emulation.roles import scope_of


def queue_filter(request):
    return _queue_filter(request)[0]


def _queue_filter(request):
    """The queue's filter and the versions of its choices (the managed ministries' clusters,
    the catalogue's titles: ``ministries_token``, read first), which are cached under them."""
    require_ministry_staff(request.user)
    user = request.user
    scope = scope_of(user)
    managed = None if scope.is_superuser else scope.staff_ministries
    token = ministries_token(managed, cluster_years=False)
    choices = cached_value(
        "queue-filter-choices", token, compute=lambda: selectors.queue_filter_choices(user=user)
    )
    filterset = ProposalFilter(
        request.GET,
        queryset=selectors.queue_proposals(user=user),
        clusters=selectors.queue_clusters(user=user),
        choices=choices,
    )
    return filterset, token


def _filter_form(filterset, token):
    """The filter's fields, rendered once per version of their choices and values typed; a
    form with an error is rendered each time (crispy shows the error at its field)."""
    form = filterset.form

    def render_form():
        return render_to_string("_filter_form.html", {"filter": filterset})

    if token is None or form.errors:
        return render_form()
    values = tuple((field.name, field.value()) for field in form)
    return cached_fragment("queue-filter", token, values, render=render_form)


def _queue_rows(page, *, cached=True):
    """The page's rows, rendered once per data version of their cluster-years and
    ministry-years (read by the page's own query, before the rows) and per day (the days
    waiting); the rows and their lines' counts are read only to render them. ``cached``
    False: rendered now (the list around them is being cached)."""
    today = timezone.localdate()
    versions = tuple((p.pk, p.cluster_version, p.ministry_version) for p in page)

    def render_rows():
        proposals = selectors.queue_rows(pks=[pk for pk, _cluster, _ministry in versions])
        for proposal in proposals:
            proposal.days_waiting = selectors.days_waiting(proposal, today=today)
        return render_to_string("awards/_queue_rows.html", {"page": proposals})

    if not cached:
        return render_rows()
    return cached_fragment("queue-rows", (today.isoformat(), versions), render=render_rows)


def _queue_list(request, *, cached_rows=True):
    """The filter, the page's rows and the links to the other pages, as HTML."""
    filterset, token = _queue_filter(request)
    context = filtered_page(request, filterset, page=page_with_total)
    rows = _queue_rows(context["page"], cached=cached_rows)
    form = _filter_form(filterset, token)
    context = {**context, "rows": rows, "filter_form": form}
    return render_to_string("awards/_queue_list.html", context)


def queue(request):
    """The proposals sent to the managed ministries. As it opens (no filter, the first page)
    the list is rendered once per version of their records (``ministries_token``, read
    first: every write to a proposal bumps its cluster-year) and per day (the days waiting)."""
    require_ministry_staff(request.user)
    version = None
    if not request.GET:
        scope = scope_of(request.user)
        token = ministries_token(None if scope.is_superuser else scope.staff_ministries)
        version = token and (token, timezone.localdate().isoformat())
    if version is None:  # a filter, another page, or a ministry without a year
        listing = _queue_list(request)
    else:  # its rows are rendered with it: as many queries whatever the rows' versions
        listing = cached_fragment(
            "queue-opened", version, render=lambda: _queue_list(request, cached_rows=False)
        )
    query = request.GET.copy()
    query.pop("page", None)
    context = {"listing": listing, "query_string": query.urlencode()}
    return render(request, "awards/queue.html", context)


@require_POST
def proposal_start_review(request, pk):
    proposal = get_proposal_for_user(request.user, pk, manage=True)
    return post_action(
        request,
        services.proposal_start_review,
        _("Đã tiếp nhận hồ sơ để xét duyệt."),
        then=proposal,
        proposal=proposal,
    )


def proposal_return(request, pk):
    proposal = get_proposal_for_user(request.user, pk, manage=True)
    form = ReasonForm(request.POST or None)
    saved = _("Đã trả lại hồ sơ cho cụm.")
    if form_saved(request, form, services.proposal_return, saved, proposal=proposal):
        return redirect(proposal)
    return form_page(
        request,
        form,
        title=_("Trả lại hồ sơ – %(p)s") % {"p": proposal.cluster_year},
        back_url=proposal.get_absolute_url(),
        submit=_("Trả lại"),
        intro=_("Cụm sẽ nhận email kèm lý do; các dòng đã xét trở về trạng thái chờ xét."),
    )


def nomination_review(request, pk):
    line = get_nomination_for_user(request.user, pk, manage=True)
    proposal = line.proposal
    review_form = LineReviewForm(request.POST or None, prefix="review")

    def review(*, actor, outcome, reason):
        approve = outcome == LineReviewForm.APPROVE
        service = services.nomination_approve if approve else services.nomination_reject
        service(actor=actor, line=line, reason=reason)

    if form_saved(request, review_form, review, _("Đã ghi kết quả xét dòng đề nghị.")):
        return redirect(proposal)
    return render(
        request,
        "awards/line_review.html",
        {
            "line": line,
            "proposal": proposal,
            "review_form": review_form,
            "meeting_lines": selectors.meeting_lines_of(line=line),
        },
    )


@require_POST
def nomination_reopen(request, pk):
    line = get_nomination_for_user(request.user, pk, manage=True)
    return post_action(
        request,
        services.nomination_reopen,
        _("Đã hủy kết quả xét, dòng đề nghị trở về chờ xét."),
        then=line.proposal,
        line=line,
    )


def _bulk_approve(request, queryset, *, action_url, back_url):
    """Step 1 lists exactly what will be approved; step 2 (``confirm``) approves it."""
    form = BulkApproveForm(request.POST, queryset=queryset)
    if not form.is_valid():
        messages.error(request, _("Hãy chọn ít nhất một dòng đề nghị đang chờ xét."))
        return redirect(back_url)
    lines = selectors.with_subjects(form.cleaned_data["lines"])
    if request.POST.get("confirm") == "1":
        try:
            result = services.nominations_bulk_approve(
                actor=request.user, line_ids=[line.pk for line in lines]
            )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            counts = {"n": len(result.approved), "total": result.total}
            if result.refused:
                messages.warning(
                    request, _("Đã đồng ý %(n)s trên %(total)s dòng đề nghị.") % counts
                )
            else:
                messages.success(
                    request, _("Đã đồng ý %(n)s trên %(total)s dòng đề nghị.") % counts
                )
            for line, reason in result.refused:
                messages.error(
                    request,
                    _("Chưa đồng ý %(line)s: %(reason)s") % {"line": line, "reason": reason},
                )
        return redirect(back_url)
    return render(
        request,
        "awards/bulk_confirm.html",
        {"lines": lines, "action_url": action_url, "back_url": back_url},
    )


@require_POST
def bulk_approve(request, pk):
    proposal = get_proposal_for_user(request.user, pk, manage=True)
    return _bulk_approve(
        request,
        selectors.pending_lines_of(proposal=proposal),
        action_url=reverse("awards:bulk_approve", args=[proposal.pk]),
        back_url=proposal.get_absolute_url(),
    )


def pending_lines(request):
    require_ministry_staff(request.user)
    return render(
        request,
        "awards/pending_lines.html",
        {"page": paginate(request, selectors.pending_lines_for_staff(user=request.user))},
    )


@require_POST
def bulk_approve_lines(request):
    require_ministry_staff(request.user)
    return _bulk_approve(
        request,
        selectors.pending_lines_for_staff(user=request.user),
        action_url=reverse("awards:bulk_approve_lines"),
        back_url=reverse("awards:pending_lines"),
    )


def decision_create(request, pk):
    proposal = get_proposal_for_user(request.user, pk, manage=True)
    form = DecisionForm(request.POST or None)
    saved = _("Đã ghi quyết định khen thưởng.")
    if form_saved(request, form, services.decision_record, saved, proposal=proposal):
        return redirect(proposal)
    return form_page(
        request,
        form,
        title=_("Quyết định khen thưởng – %(p)s") % {"p": proposal.cluster_year},
        back_url=proposal.get_absolute_url(),
        submit=_("Ghi quyết định"),
        intro=_(
            "Các dòng đã được đồng ý trở thành khen thưởng; tiền thưởng = hệ số × mức lương cơ "
            "sở tại ngày quyết định, làm tròn lên 10.000 đồng."
        ),
    )


def award_revoke(request, pk):
    award = get_award_for_user(request.user, pk, manage=True)
    form = RevokeForm(request.POST or None)
    saved = _("Đã thu hồi khen thưởng; hồ sơ vẫn được lưu.")
    if form_saved(request, form, services.award_revoke, saved, award=award):
        return redirect("awards:proposal", pk=award.nomination.proposal_id)
    return form_page(
        request,
        form,
        title=_("Thu hồi khen thưởng – %(a)s") % {"a": award},
        back_url=award.nomination.proposal.get_absolute_url(),
        submit=_("Thu hồi"),
        intro=_(
            "Quyết định khen thưởng bị hủy bỏ, hiện vật và tiền thưởng bị thu hồi khi có gian "
            "dối, thông tin sai sự thật hoặc không bảo đảm tiêu chuẩn (Chương VII Luật Thi đua, "
            "khen thưởng số 06/2022/QH15). Khen thưởng rời khỏi lịch sử nhưng hồ sơ vẫn được lưu."
        ),
    )
