"""A signed year is frozen: nothing its ranking or vote was computed from changes (members,
scores, votes, minutes) until ministry staff reopen it with a reason, an audited action of
its own; a membership form posted empty changes nothing."""

import pytest
from django.urls import reverse

from clusters.evaluation.minutes import minutes_unsign
from clusters.evaluation.ranking import cluster_year_ranking
from clusters.models import Minutes
from clusters.services import cluster_year_set_members
from emulation.errors import DomainError
from emulation.models import AuditEntry
from emulation.rights import RightsError
from tests.clusters.evaluation.test_freeze import FROZEN, signed
from tests.factories import UnitFactory


def members(cluster_year):
    return sorted(cluster_year.memberships.values_list("unit__name", flat=True))


def members_url(world):
    return reverse("clusters:members", args=[world.cluster.pk, world.year])


def test_a_signed_years_members_cannot_be_changed_on_the_page(client_as, world, table, save):
    save({(u, table.c["c1"]): (5, 5) for u in world.units})
    signed(world)
    ranked_before = len(cluster_year_ranking(cluster_year=world.cluster_year))
    keep = [world.units[0].pk, world.units[1].pk]

    response = client_as("staff").post(members_url(world), {"units": keep})

    assert response.status_code == 200
    assert FROZEN in response.content.decode()
    assert members(world.cluster_year) == ["Trường số 1", "Trường số 2", "Trường số 3"]
    assert len(cluster_year_ranking(cluster_year=world.cluster_year)) == ranked_before == 3
    assert not AuditEntry.objects.filter(action="memberships_update").exists()


def test_a_signed_years_members_cannot_be_changed_by_the_service(world):
    signed(world)
    newcomer = UnitFactory(ministry=world.ministry, name="Đơn vị mới")
    with pytest.raises(DomainError) as caught:
        cluster_year_set_members(
            actor=world.users.staff,
            cluster=world.cluster,
            year=world.year,
            units=[*world.units, newcomer],
        )
    assert caught.value.message == FROZEN
    assert members(world.cluster_year) == ["Trường số 1", "Trường số 2", "Trường số 3"]


@pytest.mark.parametrize("signed_first", [False, True], ids=["draft year", "signed year"])
def test_a_membership_post_with_no_data_empties_nothing(client_as, world, signed_first):
    if signed_first:
        signed(world)
    response = client_as("staff").post(members_url(world), {})
    assert response.status_code == 200
    assert "Chọn ít nhất một đơn vị thành viên." in response.content.decode()
    assert members(world.cluster_year) == ["Trường số 1", "Trường số 2", "Trường số 3"]


def test_the_service_refuses_an_empty_membership_too(world):
    with pytest.raises(DomainError) as caught:
        cluster_year_set_members(
            actor=world.users.staff, cluster=world.cluster, year=world.year, units=[]
        )
    assert (caught.value.field, caught.value.message) == (
        "units",
        "Chọn ít nhất một đơn vị thành viên.",
    )
    assert len(members(world.cluster_year)) == 3


def test_only_ministry_staff_reopen_with_a_reason_and_it_is_audited_as_its_own_action(world):
    minutes = signed(world)
    for actor in (world.users.secretary, world.users.leader, world.users.foreign_staff):
        with pytest.raises(RightsError):
            minutes_unsign(
                actor=actor, minutes=minutes, expected_version=minutes.version, reason="Sửa"
            )
    with pytest.raises(DomainError) as caught:
        minutes_unsign(
            actor=world.users.staff, minutes=minutes, expected_version=minutes.version, reason=" "
        )
    assert caught.value.field == "reason"
    assert Minutes.objects.get(pk=minutes.pk).state == Minutes.State.SIGNED

    minutes_unsign(
        actor=world.users.staff,
        minutes=minutes,
        expected_version=minutes.version,
        reason="Đơn vị số 3 sáp nhập",
    )

    entry = AuditEntry.objects.get(action="minutes_unsign")
    assert (entry.actor, entry.reason) == (world.users.staff, "Đơn vị số 3 sáp nhập")
    cluster_year_set_members(
        actor=world.users.staff, cluster=world.cluster, year=world.year, units=world.units[:2]
    )
    assert members(world.cluster_year) == ["Trường số 1", "Trường số 2"]
