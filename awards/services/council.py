"""The council (Hội đồng Thi đua - Khen thưởng): its roster, a meeting, the votes on every line
put to it, the ranking when more pass than the quota, and closing the meeting, which approves
the lines the council passed and rejects the others."""

from decimal import Decimal

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from awards import rules
from awards.models import (
    Council,
    CouncilMeeting,
    MeetingAttendance,
    MeetingLine,
    Nomination,
    Proposal,
)
from awards.services.common import LINE_FIELDS
from clusters.data_version import bump_cluster_years
from emulation.audit import audit_record, save_record, snapshot
from emulation.concurrency import claim_version
from emulation.data_version import bump_ministry
from emulation.dates import short_date
from emulation.errors import DomainError
from emulation.models import MinistryAwardSetting
from emulation.numbers import format_share
from emulation.rights import require_manager
from emulation.selectors import quota_per_cluster
from units.women import CITATION as WOMEN_FIRST_CITATION
from units.women import candidates_women_priority, women_first

Status = MeetingAttendance.Status
Result = MeetingLine.Result


def council_of(ministry):
    council, _created = Council.objects.get_or_create(ministry=ministry)
    return council


def roster_on(council, on_date):
    """Members of the council on ``on_date``: the base of every vote threshold."""
    return council.members.filter(term_start__lte=on_date).filter(
        Q(term_end__isnull=True) | Q(term_end__gte=on_date)
    )


MEMBER_FIELDS = ("full_name", "position", "role", "term_start", "term_end")


@transaction.atomic
def council_member_save(*, actor, ministry, member):
    require_manager(actor, ministry.pk)
    member.council = council_of(ministry)
    if member.term_end and member.term_end < member.term_start:
        raise DomainError(_("Ngày kết thúc nhiệm kỳ phải sau ngày bắt đầu."), field="term_end")
    return save_record(member, actor=actor, action="council_member", fields=MEMBER_FIELDS)


@transaction.atomic
def meeting_create(*, actor, ministry, held_on, place="", proposal=None):
    """A meeting on ``held_on`` with its roster as of that day, every member marked present
    until attendance is recorded; with ``proposal``, all its lines waiting for review."""
    require_manager(actor, ministry.pk)
    council = council_of(ministry)
    members = list(roster_on(council, held_on))
    if not members:
        raise DomainError(
            _("Hội đồng chưa có thành viên nào trong nhiệm kỳ tại ngày %(date)s.")
            % {"date": short_date(held_on)},
            field="held_on",
        )
    meeting = CouncilMeeting.objects.create(
        council=council,
        held_on=held_on,
        place=place,
        roster_size=len(members),
        created_by=actor,
    )
    MeetingAttendance.objects.bulk_create(
        MeetingAttendance(meeting=meeting, member=member) for member in members
    )
    bump_ministry(ministry_id=council.ministry_id)
    audit_record(
        actor=actor,
        action="council_meeting_create",
        obj=meeting,
        after={"held_on": held_on, "roster_size": len(members)},
    )
    if proposal is not None:
        meeting_add_proposal(actor=actor, meeting=meeting, proposal=proposal)
    return meeting


def _require_open(meeting):
    if not meeting.is_open:
        raise DomainError(_("Phiên họp đã kết thúc: biên bản đã chốt, không sửa được."))


@transaction.atomic
def meeting_add_proposal(*, actor, meeting, proposal):
    """Put every line of ``proposal`` still waiting for review to the meeting."""
    require_manager(actor, meeting.council.ministry_id)
    _require_open(meeting)
    if proposal.cluster_year.cluster.ministry_id != meeting.council.ministry_id:
        raise DomainError(_("Hồ sơ không thuộc bộ của hội đồng."))
    if not proposal.is_reviewable:
        raise DomainError(
            _("Hồ sơ ở trạng thái “%(state)s”: hãy tiếp nhận xét duyệt trước khi đưa ra họp.")
            % {"state": proposal.get_state_display()}
        )
    lines = proposal.nominations.filter(outcome=Nomination.Outcome.PENDING).exclude(
        meeting_lines__meeting=meeting
    )
    added = MeetingLine.objects.bulk_create(
        MeetingLine(meeting=meeting, nomination=line) for line in lines
    )
    bump_ministry(ministry_id=meeting.council.ministry_id)
    if not added:
        raise DomainError(_("Hồ sơ không còn dòng đề nghị nào chờ xét để đưa ra họp."))
    audit_record(
        actor=actor,
        action="council_meeting_lines",
        obj=meeting,
        after={"proposal": proposal.pk, "lines": [line.nomination_id for line in added]},
    )
    return added


def _results(meeting, lines, chair_choices):
    """Each line's result: the threshold over the whole roster, then, per proposal and title
    with a quota, the ranking by votes; a tie at the quota's edge goes first to women
    (``units.women``), then to the chair's choice."""
    settings_by_code = {
        s.code: s for s in MinistryAwardSetting.objects.filter(ministry=meeting.council.ministry_id)
    }
    groups = {}
    for line in lines:
        title = line.nomination.award_title
        line.chair_choice = line.pk in chair_choices
        line.women_first = False
        if line.votes_for is None:
            line.result = Result.PENDING
            continue
        threshold = title.vote_threshold or 0
        share = Decimal(line.votes_for) * 100 / Decimal(meeting.roster_size)
        line.result = Result.PASSED if share >= threshold else Result.FAILED
        if line.result == Result.PASSED:
            key = (line.nomination.proposal_id, title.code)
            groups.setdefault(key, []).append(line)
    for (_proposal, _code), passed in groups.items():
        quota = quota_per_cluster(
            award_title=passed[0].nomination.award_title, settings=settings_by_code
        )
        if quota is None or len(passed) <= quota:
            continue
        passed.sort(key=lambda line: -line.votes_for)
        if quota == 0:
            for line in passed:
                line.result = Result.OUTRANKED
            continue
        edge = passed[quota - 1].votes_for
        above = [line for line in passed if line.votes_for > edge]
        tied = [line for line in passed if line.votes_for == edge]
        for line in passed:
            if line.votes_for < edge:
                line.result = Result.OUTRANKED
        seats = quota - len(above)
        if len(tied) > seats:
            _break_tie(tied, seats)


def _break_tie(tied, seats):
    """Women first (a woman; a collective with ≥ 70 % women in the year under review), then
    the chair among the lines still level; a line neither rule seats is outranked."""
    year = tied[0].nomination.proposal.cluster_year.year
    flags = dict(
        zip(
            (line.pk for line in tied),
            candidates_women_priority(candidates=[line.nomination for line in tied], year=year),
            strict=True,
        )
    )
    tie = women_first(tied=tied, seats=seats, priority=lambda line: flags[line.pk])
    for line in tie.chosen:
        line.result, line.women_first = Result.PASSED, True
    still_level = set(tie.tied)
    chosen = [line for line in tie.tied if line.chair_choice]
    decided = len(chosen) == tie.seats
    for line in tied:
        if line in still_level:
            if decided:
                line.result = Result.PASSED if line.chair_choice else Result.OUTRANKED
            else:
                line.result = Result.TIE
        elif not line.women_first:
            line.result = Result.OUTRANKED


@transaction.atomic
def meeting_record(
    *,
    actor,
    meeting,
    version,
    attendance,
    votes,
    chair_choices=(),
    chair_choice_note="",
    minutes_text="",
):
    """Record one screen: attendance (``{member_id: status}``), the votes of every line
    (``{meeting_line_id: (present_for, written_for)}``), the chair's choices and the minutes.

    The threshold is computed over every member of the roster on the meeting date, never over
    a typed count; written votes count only from absent members who sent one."""
    meeting = CouncilMeeting.objects.select_for_update().get(pk=meeting.pk)
    require_manager(actor, meeting.council.ministry_id)
    _require_open(meeting)
    rows = list(meeting.attendance.all())
    for row in rows:
        row.status = attendance.get(row.member_id, row.status)
        if row.status not in Status.values:
            raise DomainError(_("Tình trạng tham dự không hợp lệ."))
    present = sum(1 for row in rows if row.is_present)
    written = sum(1 for row in rows if row.is_written)
    quorum = meeting.council.quorum_percent
    if present * 100 < quorum * meeting.roster_size:
        raise DomainError(
            _(
                "Không đủ số thành viên dự họp: %(present)s/%(roster)s có mặt, cần tối thiểu "
                "%(quorum)s%% tổng số thành viên (quy chế hoạt động của Hội đồng)."
            )
            % {"present": present, "roster": meeting.roster_size, "quorum": quorum}
        )
    lines = list(
        meeting.lines.select_related(
            "nomination__award_title",
            "nomination__unit",
            "nomination__person",
            "nomination__proposal__cluster_year",
        )
    )
    for line in lines:
        present_for, written_for = votes.get(line.pk, (None, None))
        if present_for is not None and present_for > present:
            raise DomainError(
                _("%(line)s: %(n)s phiếu đồng ý tại họp, nhưng chỉ %(present)s thành viên có mặt.")
                % {"line": line.nomination, "n": present_for, "present": present},
                field=f"present_{line.pk}",
            )
        if written_for and written_for > written:
            raise DomainError(
                _(
                    "%(line)s: %(n)s phiếu đồng ý bằng văn bản, nhưng chỉ %(written)s thành viên "
                    "vắng mặt gửi phiếu bằng văn bản."
                )
                % {"line": line.nomination, "n": written_for, "written": written},
                field=f"written_{line.pk}",
            )
        if written_for and present_for is None:
            present_for = 0
        line.votes_present_for, line.votes_written_for = present_for, written_for
    claim_version(meeting, version)
    _results(meeting, lines, set(chair_choices))
    MeetingAttendance.objects.bulk_update(rows, ["status"])
    MeetingLine.objects.bulk_update(
        lines, ["votes_present_for", "votes_written_for", "chair_choice", "women_first", "result"]
    )
    # The ministry's years, and the lines' cluster-years before the first audit entry: the
    # nominations saved below then find their counters already locked by this transaction.
    bump_ministry(ministry_id=meeting.council.ministry_id)
    bump_cluster_years(pks=[line.nomination.proposal.cluster_year_id for line in lines])
    for line in lines:
        nomination = line.nomination
        if line.votes_for is not None and (
            nomination.council_members,
            nomination.council_votes_for,
        ) != (meeting.roster_size, line.votes_for):
            before = snapshot(nomination, LINE_FIELDS)
            nomination.council_members = meeting.roster_size
            nomination.council_votes_for = line.votes_for
            nomination.save(update_fields=["council_members", "council_votes_for"])
            audit_record(
                actor=actor,
                action="nomination_council_vote",
                obj=nomination,
                before=before,
                fields=LINE_FIELDS,
            )
    meeting.chair_choice_note = chair_choice_note.strip()
    meeting.minutes_text = minutes_text
    meeting.save()
    audit_record(
        actor=actor,
        action="council_meeting_record",
        obj=meeting,
        after={
            "present": present,
            "written": written,
            "roster": meeting.roster_size,
            "votes": {line.nomination_id: line.votes_for for line in lines},
            "results": {line.nomination_id: line.result for line in lines},
            "chair_choices": sorted(line.nomination_id for line in lines if line.chair_choice),
            "women_first": sorted(line.nomination_id for line in lines if line.women_first),
        },
        reason=meeting.chair_choice_note,
    )
    return meeting


@transaction.atomic
def meeting_close(*, actor, meeting):
    """Close the meeting and its minutes: the lines the council passed are approved (the other
    rules still apply), the others are not, with the council's figures as the reason."""
    from awards.services.review import _approve, _set_outcome

    meeting = CouncilMeeting.objects.select_for_update().get(pk=meeting.pk)
    require_manager(actor, meeting.council.ministry_id)
    _require_open(meeting)
    lines = list(meeting.lines.select_related("nomination__proposal"))
    if not lines:
        raise DomainError(_("Phiên họp chưa có dòng đề nghị nào."))
    unresolved = [line for line in lines if line.result in (Result.PENDING, Result.TIE)]
    if unresolved:
        raise DomainError(
            _("Còn %(n)s dòng chưa biểu quyết hoặc bằng phiếu chờ Chủ tịch Hội đồng quyết định.")
            % {"n": len(unresolved)}
        )
    if any(line.chair_choice for line in lines) and not meeting.chair_choice_note:
        raise DomainError(
            _("Hãy ghi ý kiến của Chủ tịch Hội đồng khi chọn giữa các dòng bằng phiếu."),
            field="chair_choice_note",
        )
    by_proposal = {}
    for line in lines:
        by_proposal.setdefault(line.nomination.proposal_id, []).append(line)
    # Every row this close writes is locked before its first audit entry takes the chain's
    # lock, in one order: the proposals by id, then the ministry's years and the lines'
    # cluster-years (as meeting_record). Taken proposal by proposal, two meetings with lines
    # of two years in opposite orders deadlocked (tests/safety/test_multi_year_writes.py).
    proposals = (
        Proposal.objects.select_for_update(of=("self",))
        .select_related("cluster_year__cluster", "cluster_year__emulation_year__regime")
        .filter(pk__in=by_proposal)
        .order_by("pk")
    )
    proposals = {proposal.pk: proposal for proposal in proposals}
    bump_ministry(ministry_id=meeting.council.ministry_id)
    bump_cluster_years(pks=[proposal.cluster_year_id for proposal in proposals.values()])
    for proposal_id, proposal_lines in by_proposal.items():
        proposal = proposals[proposal_id]
        if not proposal.is_reviewable:
            raise DomainError(
                _("Hồ sơ %(p)s không còn ở trạng thái đang xét duyệt.") % {"p": proposal}
            )
        ctx = rules.rule_context(proposal)
        by_id = {candidate.pk: candidate for candidate in ctx.lines}
        for line in proposal_lines:
            nomination = by_id[line.nomination_id]
            nomination.proposal = proposal
            if not nomination.is_pending:
                continue
            share = Decimal(line.votes_for) * 100 / Decimal(meeting.roster_size)
            figures = _(
                "Hội đồng họp ngày %(date)s: %(votes)s/%(roster)s thành viên đồng ý (%(share)s%%)"
            ) % {
                "date": short_date(meeting.held_on),
                "votes": line.votes_for,
                "roster": meeting.roster_size,
                "share": format_share(share),
            }
            if line.women_first:
                figures = f"{figures}; {WOMEN_FIRST_CITATION}"
            if line.result == Result.PASSED:
                _approve(actor, nomination, figures, ctx)
            else:
                _set_outcome(
                    actor,
                    nomination,
                    Nomination.Outcome.REJECTED,
                    f"{figures}: {line.get_result_display().lower()}.",
                    "nomination_reject",
                )
    meeting.state = CouncilMeeting.State.CLOSED
    meeting.version += 1
    meeting.save()
    audit_record(
        actor=actor,
        action="council_meeting_close",
        obj=meeting,
        after={"results": {line.nomination_id: line.result for line in lines}},
    )
    return meeting
