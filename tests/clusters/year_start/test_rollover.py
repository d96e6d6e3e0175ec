import pytest

from clusters.models import ClusterYear, Commitment, LeadershipTerm, Membership, Pledge
from clusters.year_start import pledge as pledge_services
from clusters.year_start.leadership import leadership_save
from clusters.year_start.rollover import cluster_year_rollover
from emulation.errors import DomainError
from tests.clusters.year_start.conftest import leadership_data


def _state(cluster_year):
    return {
        "members": sorted(cluster_year.memberships.values_list("unit_id", flat=True)),
        "commitments": list(
            Commitment.objects.filter(pledge__cluster_year=cluster_year).values_list(
                "order", "text"
            )
        ),
        "leadership": list(
            LeadershipTerm.objects.filter(cluster_year=cluster_year).values_list(
                "head_unit", "deputy_unit", "version"
            )
        ),
    }


def test_rollover_copies_members_commitments_and_installs_the_announced_pair(pledge, world):
    a, b, c = world.units
    leadership_save(
        actor=world.users.secretary,
        cluster_year=world.cluster_year,
        data=leadership_data(a, b),
        expected_version=0,
    )
    before = _state(world.cluster_year)

    target, summary = cluster_year_rollover(
        actor=world.users.secretary,
        cluster_year=world.cluster_year,
        leadership=leadership_data(b, c),
    )

    assert target.year == 2022
    assert summary == {
        "created": True,
        "members_added": 3,
        "commitments_copied": 2,
        "leadership_installed": True,
    }
    assert _state(target) == {
        "members": sorted(u.pk for u in world.units),
        "commitments": [
            (1, "Hoàn thành xuất sắc nhiệm vụ được giao."),
            (2, "Đẩy mạnh cải cách hành chính."),
        ],
        "leadership": [(b.pk, c.pk, 1)],
    }
    assert Pledge.objects.get(cluster_year=target).state == Pledge.State.DRAFT
    assert _state(world.cluster_year) == before


def test_rollover_twice_duplicates_nothing(pledge, world):
    first, _summary = cluster_year_rollover(
        actor=world.users.secretary,
        cluster_year=world.cluster_year,
        leadership=leadership_data(*world.units[:2]),
    )
    after_first = _state(first)

    second, summary = cluster_year_rollover(
        actor=world.users.secretary,
        cluster_year=world.cluster_year,
        leadership=leadership_data(*world.units[1:]),
    )

    assert second == first
    assert summary == {
        "created": False,
        "members_added": 0,
        "commitments_copied": 0,
        "leadership_installed": False,
    }
    assert _state(second) == after_first
    assert ClusterYear.objects.filter(cluster=world.cluster).count() == 2


def test_rollover_keeps_a_pair_already_recorded_for_next_year(world):
    a, b, c = world.units
    next_year = ClusterYear.objects.create(
        cluster=world.cluster, year=2022, emulation_year=world.cluster_year.emulation_year
    )
    Membership.objects.bulk_create([Membership(cluster_year=next_year, unit=u) for u in (a, c)])
    LeadershipTerm.objects.create(cluster_year=next_year, **leadership_data(c, a))

    target, summary = cluster_year_rollover(
        actor=world.users.secretary,
        cluster_year=world.cluster_year,
        leadership=leadership_data(a, b),
    )

    assert summary["leadership_installed"] is False
    assert summary["members_added"] == 1
    assert list(
        LeadershipTerm.objects.filter(cluster_year=target).values_list("head_unit", "deputy_unit")
    ) == [(c.pk, a.pk)]


def test_rollover_does_not_replace_commitments_already_edited_next_year(pledge, world):
    target, _ = cluster_year_rollover(actor=world.users.secretary, cluster_year=world.cluster_year)
    next_pledge = Pledge.objects.get(cluster_year=target)
    next_pledge.cluster_year = target
    pledge_services.pledge_update(
        actor=world.users.secretary,
        pledge=next_pledge,
        expected_version=next_pledge.version,
        commitments=["Nội dung mới năm 2022"],
        place="",
        conference_date=None,
    )

    cluster_year_rollover(actor=world.users.secretary, cluster_year=world.cluster_year)

    assert _state(target)["commitments"] == [(1, "Nội dung mới năm 2022")]


def test_leader_cannot_roll_over(world):
    with pytest.raises(DomainError):
        cluster_year_rollover(actor=world.users.leader, cluster_year=world.cluster_year)
    assert not ClusterYear.objects.filter(cluster=world.cluster, year=2022).exists()
