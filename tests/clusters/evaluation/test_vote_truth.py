"""The one vote share, the self-vote bound and women first in a tie, at their boundaries."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from clusters.evaluation.minutes import minutes_save
from clusters.evaluation.votes import (
    self_vote_bound,
    vote_close,
    vote_create,
    vote_outcome,
    vote_record_counts,
    vote_share,
    vote_shares_for,
    vote_women_priority,
)
from clusters.models import VoteCount
from emulation.errors import DomainError
from emulation.models import AuditEntry, AwardTitle
from tests.factories import UnitFactory, cluster_year_with_units
from units.models import UnitYear

D = Decimal


@pytest.mark.parametrize(
    ("votes", "entitled", "share"),
    [
        (6, 10, D("60.00")),
        (10, 10, D("100.00")),
        (0, 10, D("0.00")),
        (2, 3, D("66.67")),  # 66.666… rounds up
        (1, 3, D("33.33")),  # 33.333… rounds down
        (1, 800, D("0.13")),  # 0.125: half up, not to even
        (3, 800, D("0.38")),  # 0.375
        (1, 8, D("12.50")),
    ],
)
def test_the_share_is_of_the_members_entitled_to_vote_to_two_places_half_up(votes, entitled, share):
    assert vote_share(votes=votes, voters_entitled=entitled) == share


def test_no_share_without_members_entitled_to_vote():
    assert vote_share(votes=0, voters_entitled=0) is None


@pytest.mark.parametrize(
    ("valid", "cast", "voted", "bound"),
    [
        (10, 10, True, 9),  # every unit voted: the candidate's own ballot cannot count
        (9, 10, True, 9),  # one ballot invalid: it may have been the candidate's own
        (8, 10, True, 8),
        (10, 10, False, 10),  # the candidate cast no ballot
        (0, 0, True, 0),
        (1, 1, True, 0),
    ],
)
def test_a_candidate_can_have_at_most_the_valid_ballots_of_the_other_units(
    valid, cast, voted, bound
):
    assert self_vote_bound(valid_ballots=valid, ballots_cast=cast, candidate_voted=voted) == bound


@pytest.fixture
def ten(world):
    """Ten members, as in Cụm thi đua số 2, and an open vote for the ministry's flag."""
    units = [UnitFactory(ministry=world.ministry, name=f"Đơn vị {i:02d}") for i in range(10)]
    cluster_year = cluster_year_with_units(world.cluster, 2023, units)
    title = AwardTitle.objects.get(regime=cluster_year.emulation_year.regime, code="co-thi-dua-bo")
    vote = vote_create(actor=world.users.secretary, cluster_year=cluster_year, award_title=title)
    vote.cluster_year = cluster_year
    return vote, units


def record(world, vote, votes, *, cast=10, valid=10, quota=1):
    return vote_record_counts(
        actor=world.users.secretary,
        vote=vote,
        expected_version=vote.version,
        voters_entitled=10,
        ballots_cast=cast,
        valid_ballots=valid,
        quota=quota,
        votes=votes,
    )


def minutes_with_absent(world, cluster_year, units, *, absent):
    """The meeting's minutes of ``cluster_year``: every unit present but ``absent``."""
    minutes_save(
        actor=world.users.secretary,
        cluster_year=cluster_year,
        expected_version=None,
        data={
            "held_on": datetime.date(cluster_year.year, 12, 14),
            "place": "Hà Nội",
            "chair_name": "Chủ trì",
            "chair_position": "",
            "secretary_name": "Thư ký",
            "agenda": "",
        },
        attendance={u.pk: (u != absent, "", "") for u in units},
    )


SELF_VOTE = (
    "Đơn vị 00: số phiếu bầu (10) không được lớn hơn số phiếu hợp lệ của các đơn vị khác có "
    "mặt (tối đa 9), vì một đơn vị không bỏ phiếu cho chính mình (nguyên tắc bình xét, suy "
    "tôn trong Cụm, Khối thi đua). Nếu đơn vị này vắng mặt, ghi vắng mặt trong biên bản họp "
    "trước."
)


def test_ten_of_ten_votes_for_one_unit_of_ten_is_refused_with_its_basis(world, ten):
    vote, units = ten
    with pytest.raises(DomainError) as caught:
        record(world, vote, {units[0].pk: 10})
    assert (caught.value.message, caught.value.field) == (SELF_VOTE, f"unit_{units[0].pk}")
    assert list(VoteCount.objects.filter(vote=vote).values_list("votes", flat=True)) == [0] * 10


@pytest.mark.parametrize("votes", [8, 9])
def test_votes_at_and_below_the_self_vote_bound_are_accepted(world, ten, votes):
    vote, units = ten
    record(world, vote, {units[0].pk: votes})
    assert VoteCount.objects.get(vote=vote, unit=units[0]).votes == votes


def test_a_unit_recorded_absent_may_have_every_valid_ballot_of_the_others(world, ten):
    vote, units = ten
    minutes_with_absent(world, vote.cluster_year, units, absent=units[0])
    record(world, vote, {units[0].pk: 9}, cast=9, valid=9)
    assert VoteCount.objects.get(vote=vote, unit=units[0]).votes == 9
    with pytest.raises(DomainError) as caught:
        record(world, vote, {units[1].pk: 9}, cast=9, valid=9)
    assert "Đơn vị 01: số phiếu bầu (9)" in caught.value.message
    assert "(tối đa 8)" in caught.value.message


def test_an_absence_in_another_years_minutes_does_not_count(world, ten):
    vote, units = ten
    last_year = cluster_year_with_units(world.cluster, 2022, units)
    minutes_with_absent(world, last_year, units, absent=units[0])
    with pytest.raises(DomainError) as caught:
        record(world, vote, {units[0].pk: 9}, cast=9, valid=9)
    assert "(tối đa 8)" in caught.value.message


def test_without_attendance_a_unit_is_taken_to_have_voted(world, ten):
    vote, units = ten
    with pytest.raises(DomainError) as caught:
        record(world, vote, {units[0].pk: 9}, cast=9, valid=9)
    assert "(tối đa 8)" in caught.value.message


def test_the_vote_shares_for_the_proposal_lines_are_the_vote_pages_of_closed_votes(world, ten):
    vote, units = ten
    vote = record(world, vote, {units[0].pk: 9, units[1].pk: 6}, cast=10, valid=10)
    assert vote_shares_for(cluster_year=vote.cluster_year) == {}
    vote_close(actor=world.users.secretary, vote=vote, expected_version=vote.version)
    shares = vote_shares_for(cluster_year=vote.cluster_year)
    assert shares[("co-thi-dua-bo", units[0].pk)] == D("90.00")
    assert shares[("co-thi-dua-bo", units[1].pk)] == D("60.00")
    assert shares[("co-thi-dua-bo", units[2].pk)] == D("0.00")
    assert len(shares) == 10


def test_the_vote_shares_are_those_of_the_cluster_years_own_votes(world, ten):
    vote, units = ten
    vote = record(world, vote, {units[0].pk: 9}, cast=10, valid=10)
    vote_close(actor=world.users.secretary, vote=vote, expected_version=vote.version)
    other = vote_create(
        actor=world.users.secretary, cluster_year=world.cluster_year, award_title=vote.award_title
    )
    other = vote_record_counts(
        actor=world.users.secretary,
        vote=other,
        expected_version=other.version,
        voters_entitled=3,
        ballots_cast=3,
        valid_ballots=3,
        quota=1,
        votes={world.units[0].pk: 2},
    )
    vote_close(actor=world.users.secretary, vote=other, expected_version=other.version)
    shares = vote_shares_for(cluster_year=vote.cluster_year)
    assert set(shares) == {("co-thi-dua-bo", u.pk) for u in units}
    assert vote_shares_for(cluster_year=world.cluster_year) == {
        ("co-thi-dua-bo", world.units[0].pk): D("66.67"),
        ("co-thi-dua-bo", world.units[1].pk): D("0.00"),
        ("co-thi-dua-bo", world.units[2].pk): D("0.00"),
    }


# Women first: a collective with at least 70 % women wins a tie at the quota boundary.


def women(unit, count, staff=100, year=2023):
    UnitYear.objects.update_or_create(
        unit=unit, year=year, defaults={"staff_count": staff, "women_count": count}
    )


@pytest.mark.parametrize(
    ("first", "second", "nominated", "tied"),
    [
        (70, 69, [0], []),  # at 70 % against just below
        (71, 69, [0], []),  # just above
        (69, 69, [], [0, 1]),  # neither: the chair decides
        (70, 70, [], [0, 1]),  # both: the chair decides among them
    ],
)
def test_a_collective_with_seventy_percent_women_wins_the_tie(
    world, ten, first, second, nominated, tied
):
    vote, units = ten
    women(units[0], first)
    women(units[1], second)
    for unit in units[2:]:
        women(unit, 0)
    vote = record(world, vote, {units[0].pk: 9, units[1].pk: 9})
    counts = list(vote.counts.all())
    outcome = vote_outcome(
        vote=vote, counts=counts, priority=vote_women_priority(vote=vote, counts=counts)
    )
    index = {u.pk: i for i, u in enumerate(units)}
    assert sorted(index[c.unit_id] for c in outcome.nominated) == nominated
    assert sorted(index[c.unit_id] for c in outcome.women_first) == nominated
    assert sorted(index[c.unit_id] for c in outcome.tied) == tied
    assert outcome.seats_left == (0 if nominated else 1)
    assert outcome.warnings == []


def test_closing_records_the_women_first_winner_without_the_chair(world, ten):
    vote, units = ten
    women(units[0], 69)
    women(units[1], 7, staff=10)
    vote = record(world, vote, {units[0].pk: 9, units[1].pk: 9})
    vote_close(actor=world.users.secretary, vote=vote, expected_version=vote.version)
    rows = list(
        vote.counts.filter(votes__gt=0)
        .order_by("unit__name")
        .values_list("nominated", "won_tie_break", "won_women_first")
    )
    assert rows == [(False, False, False), (True, False, True)]
    entry = AuditEntry.objects.get(action="vote_close", object_id=str(vote.pk))
    assert entry.after["won_women_first"] == [units[1].pk]
    assert entry.after["nominated"] == [units[1].pk]


def test_missing_women_figures_leave_the_tie_to_the_chair_and_say_so(world, ten):
    vote, units = ten
    women(units[0], 80)
    vote = record(world, vote, {units[0].pk: 9, units[1].pk: 9})
    counts = list(vote.counts.select_related("unit"))
    outcome = vote_outcome(
        vote=vote, counts=counts, priority=vote_women_priority(vote=vote, counts=counts)
    )
    assert outcome.women_first == []
    assert sorted(c.unit_id for c in outcome.tied) == [units[0].pk, units[1].pk]
    assert outcome.warnings == [
        "Chưa có số thành viên nữ trong số liệu năm của: Đơn vị 01. Không áp dụng được quy tắc "
        "ưu tiên cá nhân nữ, tập thể có từ 70% nữ trở lên khi bằng nhau (nguyên tắc bình đẳng "
        "giới, Điều 5 Luật Thi đua, khen thưởng năm 2022); chủ trì quyết định."
    ]
    with pytest.raises(DomainError) as caught:
        vote_close(actor=world.users.secretary, vote=vote, expected_version=vote.version)
    assert caught.value.field == "tie_break_units"


def test_when_every_member_cast_a_ballot_an_absence_in_the_minutes_changes_nothing(world, ten):
    vote, units = ten
    minutes_with_absent(world, vote.cluster_year, units, absent=units[0])
    with pytest.raises(DomainError) as caught:
        record(world, vote, {units[0].pk: 10})
    assert caught.value.message == SELF_VOTE


def test_the_vote_page_shows_who_won_the_tie_as_a_collective_of_women(world, ten, client_as):
    vote, units = ten
    women(units[0], 7, staff=10)
    women(units[1], 6, staff=10)
    vote = record(world, vote, {units[0].pk: 9, units[1].pk: 9})
    page = (
        client_as("secretary")
        .get(reverse("clusters:vote", args=[world.cluster.pk, 2023, vote.pk]))
        .content.decode()
    )
    assert "Đạt (dự kiến, ưu tiên tập thể có từ 70% nữ khi bằng phiếu)" in page
    vote_close(actor=world.users.secretary, vote=vote, expected_version=vote.version)
    page = (
        client_as("leader")
        .get(reverse("clusters:vote", args=[world.cluster.pk, 2023, vote.pk]))
        .content.decode()
    )
    assert page.count("ưu tiên tập thể có từ 70% nữ khi bằng phiếu") == 1
    assert "90,00%" in page
