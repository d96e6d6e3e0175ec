from types import SimpleNamespace

import pytest

from clusters.evaluation.votes import (
    can_see_running_totals,
    is_cluster_secretary,
    vote_close,
    vote_create,
    vote_outcome,
    vote_record_counts,
)
from clusters.models import Vote
from emulation.errors import DomainError
from emulation.models import AuditEntry, AwardTitle, MinistryAwardSetting
from tests.factories import MinistryFactory, UnitFactory, UserFactory, cluster_year_with_units


@pytest.fixture
def flag(world):
    return AwardTitle.objects.get(
        regime=world.cluster_year.emulation_year.regime, code="co-thi-dua-bo"
    )


@pytest.fixture
def big_year(world):
    """Ten members, as in Cụm thi đua số 2."""
    units = [UnitFactory(ministry=world.ministry, name=f"Đơn vị {i:02d}") for i in range(10)]
    return cluster_year_with_units(world.cluster, 2023, units), units


def open_vote(world, cluster_year, title):
    vote = vote_create(actor=world.users.secretary, cluster_year=cluster_year, award_title=title)
    vote.cluster_year = cluster_year
    return vote


def record(world, vote, votes, *, entitled=10, cast=10, valid=10, quota=1):
    return vote_record_counts(
        actor=world.users.secretary,
        vote=vote,
        expected_version=vote.version,
        voters_entitled=entitled,
        ballots_cast=cast,
        valid_ballots=valid,
        quota=quota,
        votes=votes,
    )


def test_a_new_vote_lists_every_member_and_takes_the_catalogue_quota(world, flag):
    vote = open_vote(world, world.cluster_year, flag)
    assert vote.voters_entitled == 3
    assert vote.quota == 1
    assert sorted(vote.counts.values_list("unit_id", flat=True)) == [u.pk for u in world.units]


def test_a_new_vote_takes_the_ministrys_own_quota_when_it_set_one(world, flag):
    other = MinistryFactory(name="Bộ khác")
    MinistryAwardSetting.objects.create(ministry=other, code=flag.code, quota_per_cluster=5)
    MinistryAwardSetting.objects.create(
        ministry=world.ministry, code=flag.code, quota_per_cluster=2
    )
    vote = open_vote(world, world.cluster_year, flag)
    assert vote.quota == 2  # not the catalogue's 1, not another ministry's 5


def test_share_is_counted_against_members_entitled_not_ballots_cast(world, flag, big_year):
    cluster_year, units = big_year
    vote = open_vote(world, cluster_year, flag)
    # 9 ballots cast, all valid, 7 for the first unit: 7/9 = 77.8% but 7/10 = 70% < 80%.
    record(world, vote, {units[0].pk: 7, units[1].pk: 1}, cast=9, valid=9)
    outcome = vote_outcome(vote=vote, counts=list(vote.counts.all()))
    assert outcome.passing == []
    record(world, vote, {units[0].pk: 8, units[1].pk: 0}, cast=9, valid=9)
    outcome = vote_outcome(vote=vote, counts=list(vote.counts.all()))
    assert [c.unit_id for c in outcome.passing] == [units[0].pk]


def test_closing_marks_the_units_within_the_quota(world, flag, big_year):
    cluster_year, units = big_year
    vote = open_vote(world, cluster_year, flag)
    vote = record(world, vote, {units[0].pk: 9, units[1].pk: 8}, quota=1)
    vote_close(actor=world.users.secretary, vote=vote, expected_version=vote.version)
    nominated = list(vote.counts.filter(nominated=True).values_list("unit_id", flat=True))
    assert nominated == [units[0].pk]
    assert Vote.objects.get(pk=vote.pk).state == Vote.State.CLOSED
    assert AuditEntry.objects.filter(action="vote_close", object_id=str(vote.pk)).count() == 1


def test_a_tie_at_the_quota_boundary_needs_the_chairs_choice_which_is_recorded(
    world, flag, big_year
):
    cluster_year, units = big_year
    vote = open_vote(world, cluster_year, flag)
    vote = record(world, vote, {units[0].pk: 9, units[1].pk: 9}, quota=1)
    outcome = vote_outcome(vote=vote, counts=list(vote.counts.all()))
    assert ([c.unit_id for c in outcome.tied], outcome.seats_left) == (
        [units[0].pk, units[1].pk],
        1,
    )
    with pytest.raises(DomainError) as caught:
        vote_close(actor=world.users.secretary, vote=vote, expected_version=vote.version)
    assert caught.value.field == "tie_break_units"
    assert caught.value.message == (
        "Có 2 đơn vị bằng phiếu ở vị trí cuối; chủ trì cần chọn đúng 1 đơn vị trong số đó."
    )
    with pytest.raises(DomainError) as caught:
        vote_close(
            actor=world.users.secretary,
            vote=vote,
            expected_version=vote.version,
            tie_break_unit_ids=[units[1].pk],
        )
    assert caught.value.field == "tie_break_note"
    vote_close(
        actor=world.users.secretary,
        vote=vote,
        expected_version=vote.version,
        tie_break_unit_ids=[units[1].pk],
        tie_break_note="Chủ trì chọn đơn vị có tỷ lệ nữ cao hơn.",
    )
    rows = list(
        vote.counts.filter(votes__gt=0)
        .order_by("unit__name")
        .values_list("unit_id", "nominated", "won_tie_break")
    )
    assert rows == [(units[0].pk, False, False), (units[1].pk, True, True)]
    vote.refresh_from_db()
    assert vote.tie_break_note == "Chủ trì chọn đơn vị có tỷ lệ nữ cao hơn."
    entry = AuditEntry.objects.get(action="vote_close_tie_break")
    assert entry.reason == "Chủ trì chọn đơn vị có tỷ lệ nữ cao hơn."
    assert entry.after["won_tie_break"] == [units[1].pk]


def test_a_tie_above_the_boundary_needs_no_choice(world, flag, big_year):
    cluster_year, units = big_year
    vote = open_vote(world, cluster_year, flag)
    vote = record(world, vote, {units[0].pk: 9, units[1].pk: 9, units[2].pk: 8}, quota=2)
    outcome = vote_outcome(vote=vote, counts=list(vote.counts.all()))
    assert (sorted(c.unit_id for c in outcome.nominated), outcome.tied) == (
        [units[0].pk, units[1].pk],
        [],
    )


def test_missing_quota_warns_and_the_vote_cannot_be_closed(world, big_year):
    cluster_year, units = big_year
    title = AwardTitle.objects.get(
        regime=cluster_year.emulation_year.regime, code="bang-khen-bo-tap-the"
    )
    assert title.quota_per_cluster is None
    vote = open_vote(world, cluster_year, title)
    vote = record(world, vote, {units[0].pk: 9}, quota=None)
    outcome = vote_outcome(vote=vote, counts=list(vote.counts.all()))
    assert outcome.warnings == [
        "Chưa cấu hình số lượng được suy tôn cho danh hiệu này: nhập số lượng trước khi "
        "kết thúc bỏ phiếu."
    ]
    with pytest.raises(DomainError) as caught:
        vote_close(actor=world.users.secretary, vote=vote, expected_version=vote.version)
    assert caught.value.field == "quota"
    assert Vote.objects.get(pk=vote.pk).state == Vote.State.OPEN


@pytest.mark.parametrize(
    ("counts", "field", "message"),
    [
        (
            {"entitled": 10, "cast": 11, "valid": 10},
            "ballots_cast",
            "Số phiếu phát ra không được lớn hơn số thành viên có quyền bỏ phiếu.",
        ),
        (
            {"entitled": 10, "cast": 9, "valid": 10},
            "valid_ballots",
            "Số phiếu hợp lệ không được lớn hơn số phiếu phát ra.",
        ),
    ],
)
def test_ballot_counts_must_nest(world, flag, big_year, counts, field, message):
    cluster_year, units = big_year
    vote = open_vote(world, cluster_year, flag)
    with pytest.raises(DomainError) as caught:
        record(world, vote, {units[0].pk: 1}, **counts)
    assert (caught.value.field, caught.value.message) == (field, message)


def test_votes_for_a_candidate_never_exceed_valid_ballots(world, flag, big_year):
    cluster_year, units = big_year
    vote = open_vote(world, cluster_year, flag)
    with pytest.raises(DomainError) as caught:
        record(world, vote, {units[0].pk: 9}, cast=9, valid=8)
    assert caught.value.message == (
        "Đơn vị 00: số phiếu bầu (9) không được lớn hơn số phiếu hợp lệ (8)."
    )
    assert vote.counts.get(unit=units[0]).votes == 0


def test_only_members_can_be_candidates(world, flag):
    vote = open_vote(world, world.cluster_year, flag)
    with pytest.raises(DomainError):
        record(world, vote, {world.other_units[0].pk: 1}, entitled=3, cast=3, valid=3)


def test_a_second_vote_for_the_same_title_is_refused(world, flag):
    open_vote(world, world.cluster_year, flag)
    with pytest.raises(DomainError) as caught:
        open_vote(world, world.cluster_year, flag)
    assert caught.value.message == "Đã có cuộc bỏ phiếu cho danh hiệu này."


def test_a_title_of_another_regime_is_refused(world):
    other = AwardTitle.objects.exclude(regime=world.cluster_year.emulation_year.regime).first()
    with pytest.raises(DomainError) as caught:
        open_vote(world, world.cluster_year, other)
    assert caught.value.field == "award_title"


def test_recording_counts_is_audited_with_before_and_after(world, flag, big_year):
    cluster_year, units = big_year
    vote = open_vote(world, cluster_year, flag)
    record(world, vote, {units[0].pk: 9})
    entry = AuditEntry.objects.get(action="vote_counts")
    assert (entry.before["counts"][str(units[0].pk)], entry.after["counts"][str(units[0].pk)]) == (
        0,
        9,
    )


# The outcome of a count, at its thresholds: the share, the quota and a tie at its boundary.


def tally(votes, *, threshold=80, entitled=10, quota=1):
    """A vote and its counts as ``vote_outcome`` reads them: unit ids 1, 2, … in order."""
    vote = SimpleNamespace(
        award_title=SimpleNamespace(vote_threshold=threshold),
        voters_entitled=entitled,
        quota=quota,
    )
    counts = [
        SimpleNamespace(unit_id=i, votes=n, unit=SimpleNamespace(name=f"Đơn vị {i}"))
        for i, n in enumerate(votes, start=1)
    ]
    return {"vote": vote, "counts": counts}


def ids(candidates):
    return [c.unit_id for c in candidates]


@pytest.mark.parametrize(
    ("votes", "passes"),
    [(80, False), (81, True), (82, True)],  # 79.21 %, 80.20 %, 81.19 % of 101
)
def test_the_threshold_is_a_share_of_the_members_entitled_at_and_around_it(votes, passes):
    outcome = vote_outcome(**tally([votes], threshold=80, entitled=101, quota=1))
    assert ids(outcome.passing) == ([1] if passes else [])
    assert ids(outcome.nominated) == ids(outcome.passing)


@pytest.mark.parametrize(("votes", "passes"), [(7, False), (8, True), (9, True)])
def test_eight_votes_of_ten_reach_eighty_percent(votes, passes):
    outcome = vote_outcome(**tally([votes], threshold=80, entitled=10, quota=1))
    assert ids(outcome.passing) == ([1] if passes else [])


@pytest.mark.parametrize(("votes", "passes"), [(0, False), (1, True), (2, True)])
def test_without_a_threshold_one_vote_passes_and_none_does_not(votes, passes):
    outcome = vote_outcome(**tally([votes], threshold=None, quota=1))
    assert ids(outcome.passing) == ([1] if passes else [])
    assert outcome.warnings == ["Danh hiệu chưa có ngưỡng tỷ lệ phiếu: không kiểm tra được tỷ lệ."]


@pytest.mark.parametrize(
    ("quota", "nominated"),
    [
        (0, []),  # a quota of none nominates nobody
        (1, [1]),
        (2, [1, 2]),  # the quota is exactly the number passing
        (3, [1, 2]),  # more seats than candidates passing
    ],
)
def test_the_quota_against_the_candidates_passing(quota, nominated):
    outcome = vote_outcome(**tally([10, 9, 0], quota=quota))
    assert (ids(outcome.nominated), outcome.tied) == (nominated, [])


def test_a_tie_below_a_sure_winner_leaves_the_seats_that_are_left_to_the_chair():
    outcome = vote_outcome(**tally([8, 10, 8, 9], quota=3))
    assert (ids(outcome.nominated), sorted(ids(outcome.tied)), outcome.seats_left) == (
        [2, 4],
        [1, 3],
        1,
    )
    assert outcome.needs_tie_break


def test_a_tie_that_fits_the_seats_left_is_nominated_with_the_sure_winners():
    outcome = vote_outcome(**tally([9, 10, 8, 9], quota=3))
    assert (ids(outcome.nominated), ids(outcome.tied)) == ([2, 1, 4], [])
    assert not outcome.needs_tie_break


def test_women_first_takes_a_seat_beside_a_sure_winner():
    priority = {1: False, 2: False, 3: True}
    outcome = vote_outcome(**tally([8, 10, 8], quota=2), priority=priority)
    assert (ids(outcome.nominated), ids(outcome.women_first), outcome.tied) == ([2, 3], [3], [])
    assert outcome.seats_left == 0


def test_closing_with_fewer_passing_than_the_quota_nominates_each_of_them(world, flag, big_year):
    cluster_year, units = big_year
    vote = open_vote(world, cluster_year, flag)
    vote = record(world, vote, {units[0].pk: 9, units[1].pk: 7}, quota=2)
    vote_close(actor=world.users.secretary, vote=vote, expected_version=vote.version)
    assert list(vote.counts.filter(nominated=True).values_list("unit_id", flat=True)) == [
        units[0].pk
    ]


def test_the_audit_keeps_the_whole_count_before_and_after_closing(world, flag, big_year):
    cluster_year, units = big_year
    vote = open_vote(world, cluster_year, flag)
    vote = record(world, vote, {units[0].pk: 9, units[1].pk: 9}, cast=10, valid=9, quota=1)
    vote_close(
        actor=world.users.secretary,
        vote=vote,
        expected_version=vote.version,
        tie_break_unit_ids=[units[1].pk],
        tie_break_note="Chủ trì chọn.",
    )
    entry = AuditEntry.objects.get(action="vote_close_tie_break")
    counts = {str(u.pk): 0 for u in units} | {str(units[0].pk): 9, str(units[1].pk): 9}
    common = {"voters_entitled": 10, "ballots_cast": 10, "valid_ballots": 9, "quota": 1}
    assert entry.before == {
        "state": "open",
        **common,
        "counts": counts,
        "nominated": [],
        "won_tie_break": [],
        "won_women_first": [],
        "tie_break_note": "",
    }
    assert entry.after == {
        "state": "closed",
        **common,
        "counts": counts,
        "nominated": [units[1].pk],
        "won_tie_break": [units[1].pk],
        "won_women_first": [],
        "tie_break_note": "Chủ trì chọn.",
    }


def test_only_the_clusters_secretary_sees_the_running_totals_until_the_vote_closes(world, flag):
    vote = open_vote(world, world.cluster_year, flag)
    users = world.users
    seen = [can_see_running_totals(u, vote) for u in (users.secretary, users.other_secretary)]
    assert seen == [True, False]
    assert [can_see_running_totals(u, vote) for u in (users.staff, users.leader)] == [False, False]
    assert is_cluster_secretary(users.secretary, world.cluster.pk)
    assert not is_cluster_secretary(users.secretary, world.other_cluster.pk)
    vote = record(world, vote, {world.units[0].pk: 2}, entitled=3, cast=3, valid=3)
    vote_close(actor=users.secretary, vote=vote, expected_version=vote.version)
    vote.refresh_from_db()
    assert [can_see_running_totals(u, vote) for u in (users.staff, users.leader)] == [True, True]


def test_a_superuser_counts_as_every_clusters_secretary(world, flag):
    vote = open_vote(world, world.cluster_year, flag)
    admin = UserFactory(username="quantri", is_superuser=True)
    assert can_see_running_totals(admin, vote)
    assert is_cluster_secretary(admin, world.other_cluster.pk)
