"""Writes of several years in one transaction, run at once on PostgreSQL: never a deadlock.

A write bumps its year's counter (a row lock held to the commit) and its audit entry takes
the audit chain's lock (one for everyone, held to the commit), so a transaction must take
every counter it will bump before its first audit entry (docs/scaling.md, "Deadlocks").
Here two council meetings over lines of two years are recorded and closed at once, the
lines of one in the opposite order of the other's, while dossiers of one of the years are
opened; and a line is reviewed at the desk while its meeting closes (both lock the proposal
before its lines)."""

import datetime

import pytest
from django.db import connection

from awards import services
from awards.models import MeetingLine, Nomination, Proposal, UpwardDossier
from clusters.models import ClusterYear
from emulation.audit import audit_verify
from emulation.errors import DomainError
from emulation.models import EmulationYear
from tests.awards.conftest import close_vote, council_with, pdf, sign_minutes, title
from tests.factories import cluster_year_with_units
from tests.threads import at_once

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="races need PostgreSQL's concurrent transactions (set DATABASE_URL)",
    ),
]


def proposal_in_review(world, cluster_year, secretary, units):
    """A proposal of ``cluster_year`` in review: the flag for ``units[0]``, a certificate of
    merit for ``units[1]``."""
    year = cluster_year.year
    sign_minutes(cluster_year)
    close_vote(cluster_year, "co-thi-dua-bo", units[:1], units[1:])
    proposal = services.proposal_create(actor=secretary, cluster_year=cluster_year)
    services.proposal_update(
        actor=secretary,
        proposal=proposal,
        version=proposal.version,
        number=f"12/TTr-{year}",
        dated=datetime.date(year, 12, 20),
        cover_file=pdf("to-trinh.pdf"),
    )
    for unit, code in zip(units, ("co-thi-dua-bo", "bang-khen-bo-tap-the"), strict=False):
        services.nomination_save(
            actor=secretary,
            proposal=proposal,
            line=Nomination(unit=unit, award_title=title(cluster_year, code), achievements="Tốt"),
            report_file=pdf("bao-cao.pdf"),
        )
    services.proposal_submit(actor=secretary, proposal=proposal)
    services.proposal_start_review(actor=world.users.staff, proposal=proposal)
    return Proposal.objects.get(pk=proposal.pk)


@pytest.fixture
def two_meetings(world):
    """Two open meetings, each with a line of 2021 and one of 2022: the flag of one year
    and the certificate of the other, so (lines go by title) the first meeting writes 2021
    first and the second 2022 first."""
    later = cluster_year_with_units(world.other_cluster, 2022, world.other_units)
    first = proposal_in_review(world, world.cluster_year, world.users.secretary, world.units[:2])
    second = proposal_in_review(world, later, world.users.other_secretary, world.other_units[:2])
    (a1, b1), (b2, a2) = (p.nominations.order_by("id") for p in (first, second))
    council_with(world.ministry, 10)
    meetings = []
    for lines in ((a1, a2), (b2, b1)):
        meeting = services.meeting_create(
            actor=world.users.staff, ministry=world.ministry, held_on=datetime.date(2023, 1, 10)
        )
        MeetingLine.objects.bulk_create(MeetingLine(meeting=meeting, nomination=n) for n in lines)
        meetings.append(meeting)
    assert [[line.nomination.proposal for line in m.lines.all()] for m in meetings] == [
        [first, second],
        [second, first],
    ]
    return meetings


def versions():
    """The counters of the years the meetings write: the lines' cluster-years, the ministry's."""
    written = ClusterYear.objects.filter(proposal__isnull=False)
    return {
        **{f"c{cy.pk}": cy.data_version for cy in written},
        **{f"m{ey.year}": ey.data_version for ey in EmulationYear.objects.all()},
    }


def run_at_once(works):
    """Run each work in its own thread and connection, released together: no failure."""
    results, errors = at_once(len(works), lambda i: works[i]())
    assert errors == [], errors  # a deadlock is psycopg's DeadlockDetected (OperationalError)
    return results


def record(world, meeting, votes_for):
    meeting.refresh_from_db()
    return lambda: services.meeting_record(
        actor=world.users.staff,
        meeting=meeting,
        version=meeting.version,
        attendance={},
        votes={line.pk: (votes_for, None) for line in meeting.lines.all()},
    )


def close(world, meeting):
    return lambda: services.meeting_close(actor=world.users.staff, meeting=meeting)


def test_two_meetings_record_and_close_lines_of_two_years_in_opposite_orders(world, two_meetings):
    meetings = two_meetings
    before = versions()
    run_at_once([record(world, meetings[0], 2), record(world, meetings[1], 3)])
    assert sorted(Nomination.objects.values_list("council_votes_for", flat=True)) == [2, 2, 3, 3]
    run_at_once([close(world, meeting) for meeting in meetings])
    assert set(Nomination.objects.values_list("outcome", flat=True)) == {"rejected"}
    after = versions()
    assert all(after[key] > before[key] for key in before)  # every year's pages are outdated
    assert audit_verify()[1] is None


def test_closing_two_meetings_while_dossiers_of_one_year_are_opened(world, two_meetings):
    meetings = two_meetings
    for meeting, votes_for in zip(meetings, (2, 3), strict=True):
        record(world, meeting, votes_for)()
    dossier = {"actor": world.users.staff, "ministry": world.ministry, "year": 2022}
    opens = [
        lambda level=level: services.upward_dossier_create(**dossier, level=level)
        for level in ("prime_minister", "president") * 2
    ]
    run_at_once([close(world, meeting) for meeting in meetings] + opens)
    assert set(Nomination.objects.values_list("outcome", flat=True)) == {"rejected"}
    assert UpwardDossier.objects.filter(year=2022).count() == 4
    assert audit_verify()[1] is None


@pytest.fixture
def meeting_on_a_line(world):
    """An open meeting on the flag line of a proposal in review, its votes recorded."""
    proposal = proposal_in_review(world, world.cluster_year, world.users.secretary, world.units[:2])
    line = proposal.nominations.get(award_title__code="co-thi-dua-bo")
    council_with(world.ministry, 10)
    meeting = services.meeting_create(
        actor=world.users.staff, ministry=world.ministry, held_on=datetime.date(2023, 1, 10)
    )
    MeetingLine.objects.create(meeting=meeting, nomination=line)
    record(world, meeting, 2)()
    return meeting, line


@pytest.mark.parametrize("attempt", range(4))
def test_a_line_reviewed_at_the_desk_while_its_meeting_closes(world, meeting_on_a_line, attempt):
    """The desk's review and the meeting's close both lock the proposal before its line:
    one waits for the other and finds the line decided, a message, never a deadlock."""
    meeting, line = meeting_on_a_line
    review = lambda: services.nomination_reject(  # noqa: E731
        actor=world.users.staff, line=line, reason="Chưa đủ thành tích"
    )
    _results, errors = at_once(2, lambda i: (close(world, meeting), review)[i]())
    assert all(isinstance(error, DomainError) for error in errors), errors
    assert Nomination.objects.get(pk=line.pk).outcome == "rejected"
    assert audit_verify()[1] is None
