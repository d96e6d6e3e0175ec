"""What each state of a proposal, a line, a dossier and a council meeting allows, asked by
name: read back from the database at every state."""

import datetime

import pytest

from awards.models import (
    Council,
    CouncilMeeting,
    CouncilMember,
    MeetingAttendance,
    Nomination,
    Proposal,
    UpwardDossier,
)
from emulation.models import AwardTitle
from tests.states import holds

State = Proposal.State
PROPOSAL = (
    "is_editable",
    "can_submit",
    "is_returned",
    "can_start_review",
    "is_with_ministry",
    "can_return",
    "is_reviewable",
    "is_decided",
)
PROPOSAL_TABLE = {
    State.DRAFT: ["is_editable", "can_submit"],
    State.SUBMITTED: ["can_start_review", "is_with_ministry", "can_return"],
    State.IN_REVIEW: ["is_with_ministry", "can_return", "is_reviewable"],
    State.RETURNED: ["is_editable", "can_submit", "is_returned"],
    State.RESUBMITTED: ["can_start_review", "is_with_ministry", "can_return"],
    State.DECIDED: ["is_decided"],
}


def test_every_proposal_state_is_in_the_table():
    assert set(PROPOSAL_TABLE) == set(State.values)


@pytest.mark.parametrize(("state", "expected"), PROPOSAL_TABLE.items())
def test_what_a_proposal_allows_at_each_state(world, state, expected):
    proposal = Proposal.objects.create(cluster_year=world.cluster_year, state=state)
    assert holds(Proposal.objects.get(pk=proposal.pk), PROPOSAL) == expected


Outcome = Nomination.Outcome
LINE_TABLE = {
    Outcome.PENDING: ["is_pending"],
    Outcome.APPROVED: ["is_approved"],
    Outcome.REJECTED: ["is_rejected"],
}


@pytest.mark.parametrize(("outcome", "expected"), LINE_TABLE.items())
def test_what_a_line_outcome_means(world, outcome, expected):
    assert set(LINE_TABLE) == set(Outcome.values)
    line = Nomination.objects.create(
        proposal=Proposal.objects.create(cluster_year=world.cluster_year),
        unit=world.units[0],
        award_title=AwardTitle.objects.filter(
            regime=world.cluster_year.emulation_year.regime
        ).first(),
        achievements="Hoàn thành xuất sắc nhiệm vụ.",
        outcome=outcome,
    )
    line = Nomination.objects.get(pk=line.pk)
    assert holds(line, ("is_pending", "is_approved", "is_rejected")) == expected


Dossier = UpwardDossier.State
DOSSIER = ("is_editable", "is_returned", "is_awaiting", "is_settled", "is_decided", "is_refused")
DOSSIER_TABLE = {
    Dossier.DRAFT: ["is_editable"],
    Dossier.FORWARDED: ["is_awaiting"],
    Dossier.RETURNED: ["is_editable", "is_returned"],
    Dossier.RESUBMITTED: ["is_awaiting"],
    Dossier.DECIDED: ["is_settled", "is_decided"],
    Dossier.REFUSED: ["is_settled", "is_refused"],
}


def test_every_dossier_state_is_in_the_table():
    assert set(DOSSIER_TABLE) == set(Dossier.values)


@pytest.mark.parametrize(("state", "expected"), DOSSIER_TABLE.items())
def test_what_an_upward_dossier_allows_at_each_state(world, state, expected):
    dossier = UpwardDossier.objects.create(
        ministry=world.ministry, level="prime_minister", year=world.year, state=state
    )
    assert holds(UpwardDossier.objects.get(pk=dossier.pk), DOSSIER) == expected


@pytest.mark.parametrize(
    ("state", "expected"),
    [(CouncilMeeting.State.OPEN, ["is_open"]), (CouncilMeeting.State.CLOSED, [])],
)
def test_a_council_meeting_is_recorded_only_while_open(world, state, expected):
    council = Council.objects.create(ministry=world.ministry)
    meeting = CouncilMeeting.objects.create(
        council=council, held_on=datetime.date(2022, 1, 20), state=state
    )
    assert holds(CouncilMeeting.objects.get(pk=meeting.pk), ("is_open",)) == expected


ATTENDANCE_TABLE = {
    MeetingAttendance.Status.PRESENT: ["is_present"],
    MeetingAttendance.Status.WRITTEN: ["is_written"],
    MeetingAttendance.Status.ABSENT: [],
}


@pytest.mark.parametrize(("status", "expected"), ATTENDANCE_TABLE.items())
def test_what_an_attendance_counts_as(world, status, expected):
    assert set(ATTENDANCE_TABLE) == set(MeetingAttendance.Status.values)
    council = Council.objects.create(ministry=world.ministry)
    member = CouncilMember.objects.create(
        council=council,
        full_name="Nguyễn Văn A",
        position="Vụ trưởng",
        role=CouncilMember.Role.values[0],
        term_start=datetime.date(2021, 1, 1),
    )
    meeting = CouncilMeeting.objects.create(council=council, held_on=datetime.date(2022, 1, 20))
    row = MeetingAttendance.objects.create(meeting=meeting, member=member, status=status)
    row = MeetingAttendance.objects.get(pk=row.pk)
    assert holds(row, ("is_present", "is_written")) == expected
