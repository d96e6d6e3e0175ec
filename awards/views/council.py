"""The council: its roster, its meetings, and the one screen where a meeting's attendance and
the votes of every line are recorded."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from awards import services
from awards.access import (
    get_council_member_for_user,
    get_meeting_for_user,
    get_proposal_for_user,
    ministries_for_council,
)
from awards.forms import CouncilMemberForm, MeetingCreateForm, MeetingRecordForm
from awards.models import Council, CouncilMember
from awards.services.council import roster_on
from emulation.access import get_managed_ministry
from emulation.errors import DomainError, form_error
from emulation.pages import form_page
from emulation.roles import scope_of


def _ministry(request):
    ministries = list(ministries_for_council(request.user))
    if not ministries:
        raise Http404
    chosen = request.GET.get("ministry")
    if chosen:
        return get_object_or_404(ministries_for_council(request.user), pk=chosen), ministries
    return ministries[0], ministries


def council_page(request):
    ministry, ministries = _ministry(request)
    council = Council.objects.filter(ministry=ministry).first()
    members = list(council.members.all()) if council else []
    meetings = list(council.meetings.all()[:50]) if council else []
    return render(
        request,
        "awards/council.html",
        {
            "ministry": ministry,
            "ministries": ministries,
            "council": council,
            "members": members,
            "meetings": meetings,
            "can_manage": scope_of(request.user).manages_ministry(ministry.pk),
            "member_form": CouncilMemberForm(),
            "meeting_form": MeetingCreateForm(),
        },
    )


def _member_form(request, ministry, member):
    form = CouncilMemberForm(request.POST or None, instance=member)
    if request.method == "POST" and form.is_valid():
        try:
            services.council_member_save(
                actor=request.user, ministry=ministry, member=form.save(commit=False)
            )
        except DomainError as error:
            form_error(form, error)
        else:
            messages.success(request, _("Đã lưu thành viên hội đồng."))
            return redirect(f"{_council_url()}?ministry={ministry.pk}")
    return form_page(
        request,
        form,
        title=_("Thành viên Hội đồng Thi đua - Khen thưởng – %(m)s") % {"m": ministry},
        back_url=f"{_council_url()}?ministry={ministry.pk}",
        submit=_("Lưu"),
    )


def _council_url():
    return reverse("awards:council")


def council_member_create(request, ministry_pk):
    ministry = get_managed_ministry(request.user, ministry_pk)
    return _member_form(request, ministry, CouncilMember())


def council_member_edit(request, pk):
    member = get_council_member_for_user(request.user, pk)
    return _member_form(request, member.council.ministry, member)


@require_POST
def meeting_create(request, ministry_pk):
    ministry = get_managed_ministry(request.user, ministry_pk)
    proposal = None
    if request.POST.get("proposal"):
        proposal = get_proposal_for_user(request.user, request.POST["proposal"], manage=True)
    form = MeetingCreateForm(request.POST)
    back = proposal.get_absolute_url() if proposal else f"{_council_url()}?ministry={ministry.pk}"
    if not form.is_valid():
        messages.error(request, _("Hãy nhập ngày họp hợp lệ."))
        return redirect(back)
    try:
        meeting = services.meeting_create(
            actor=request.user, ministry=ministry, proposal=proposal, **form.cleaned_data
        )
    except DomainError as error:
        messages.error(request, error.message)
        return redirect(back)
    messages.success(request, _("Đã lập phiên họp hội đồng."))
    return redirect(meeting)


def meeting_detail(request, pk):
    meeting = get_meeting_for_user(request.user, pk)
    can_manage = scope_of(request.user).manages_ministry(meeting.council.ministry_id)
    if request.method == "POST" and not can_manage:
        get_meeting_for_user(request.user, pk, manage=True)
    attendance = list(meeting.attendance.select_related("member"))
    lines = list(
        meeting.lines.select_related(
            "nomination__award_title",
            "nomination__unit",
            "nomination__person",
            "nomination__proposal__cluster_year__cluster",
        )
    )
    form = MeetingRecordForm(
        request.POST or None, meeting=meeting, attendance=attendance, lines=lines
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_record(actor=request.user, meeting=meeting, **form.service_args())
        except DomainError as error:
            form_error(form, error)
        else:
            messages.success(request, _("Đã ghi biểu quyết của hội đồng."))
            return redirect(meeting)
    present = sum(1 for row in attendance if row.status == "present")
    written = sum(1 for row in attendance if row.status == "written")
    return render(
        request,
        "awards/meeting.html",
        {
            "meeting": meeting,
            "form": form,
            "attendance": attendance,
            "lines": lines,
            "present": present,
            "written": written,
            "quorum_needed": -(-meeting.council.quorum_percent * meeting.roster_size // 100),
            "can_manage": can_manage and meeting.state == "open",
            "roster": roster_on(meeting.council, meeting.held_on),
        },
    )


@require_POST
def meeting_close(request, pk):
    meeting = get_meeting_for_user(request.user, pk, manage=True)
    try:
        services.meeting_close(actor=request.user, meeting=meeting)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("Đã kết thúc phiên họp: các dòng đạt được đồng ý, các dòng khác không đồng ý."),
        )
    return redirect(meeting)
