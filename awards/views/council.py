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
from awards.models import CouncilMember
from awards.selectors import council as selectors
from awards.services.council import roster_on
from emulation.access import get_managed_ministry
from emulation.errors import DomainError
from emulation.pages import form_page, form_saved, post_action
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
    council, members, meetings = selectors.council_page(ministry=ministry)
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
    saved = _("Đã lưu thành viên hội đồng.")
    if form_saved(request, form, services.council_member_save, saved, ministry=ministry):
        return redirect(_council_url(ministry))
    return form_page(
        request,
        form,
        title=_("Thành viên Hội đồng Thi đua - Khen thưởng – %(m)s") % {"m": ministry},
        back_url=_council_url(ministry),
        submit=_("Lưu"),
    )


def _council_url(ministry):
    return f"{reverse('awards:council')}?ministry={ministry.pk}"


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
    back = proposal.get_absolute_url() if proposal else _council_url(ministry)
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
    attendance, lines = selectors.meeting_rows(meeting=meeting)
    form = MeetingRecordForm(
        request.POST or None, meeting=meeting, attendance=attendance, lines=lines
    )
    saved = _("Đã ghi biểu quyết của hội đồng.")
    if form_saved(request, form, services.meeting_record, saved, meeting=meeting):
        return redirect(meeting)
    present = sum(1 for row in attendance if row.is_present)
    written = sum(1 for row in attendance if row.is_written)
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
            "can_manage": can_manage and meeting.is_open,
            "roster": roster_on(meeting.council, meeting.held_on),
        },
    )


@require_POST
def meeting_close(request, pk):
    meeting = get_meeting_for_user(request.user, pk, manage=True)
    return post_action(
        request,
        services.meeting_close,
        _("Đã kết thúc phiên họp: các dòng đạt được đồng ý, các dòng khác không đồng ý."),
        then=meeting,
        meeting=meeting,
    )
