"""The scopes the shared fixture does not hold: a leader of one cluster, a secretary of two
clusters, a superuser, an account without any role."""

import pytest
from django.test import Client

from emulation.roles import Role
from tests.factories import UserFactory, cluster_year_with_units, grant
from tests.html import link_texts

CLUSTER_LINK = r"/clusters/\d+/(\?|$)"
UNIT_LINK = r"/units/\d+/$"


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def cluster_leader(world):
    return grant(UserFactory(username="cumtruong"), Role.LEADER, world.ministry, world.cluster)


def test_a_cluster_leader_sees_only_that_cluster_and_its_units(world, cluster_leader):
    client = signed_in(cluster_leader)
    assert link_texts(client.get("/?year=2021"), CLUSTER_LINK) == ["Cụm thi đua số 2"]
    assert link_texts(client.get("/clusters/"), CLUSTER_LINK) == ["Cụm thi đua số 2"]
    assert link_texts(client.get("/units/"), UNIT_LINK) == [
        "Trường số 1",
        "Trường số 2",
        "Trường số 3",
    ]
    assert client.get(f"/clusters/{world.other_cluster.pk}/").status_code == 404
    assert client.get(f"/units/{world.other_units[0].pk}/").status_code == 404


def test_a_cluster_leader_changes_nothing(world, cluster_leader):
    client = signed_in(cluster_leader)
    assert client.get(f"/clusters/{world.cluster.pk}/?year=2021").status_code == 200
    assert client.get(f"/clusters/{world.cluster.pk}/edit/").status_code == 403
    assert client.get(f"/clusters/{world.cluster.pk}/years/2021/members/").status_code == 403
    assert client.get(f"/units/{world.units[0].pk}/edit/").status_code == 403
    assert client.get("/accounts/").status_code == 403


def test_a_secretary_of_two_clusters_sees_both(world):
    secretary = grant(
        world.users.secretary, Role.CLUSTER_SECRETARY, world.ministry, world.other_cluster
    )
    client = signed_in(secretary)
    assert link_texts(client.get("/?year=2021"), CLUSTER_LINK) == [
        "Cụm thi đua số 1",
        "Cụm thi đua số 2",
    ]
    assert len(link_texts(client.get("/units/"), UNIT_LINK)) == 6


def test_a_secretary_still_sees_a_unit_that_left_the_cluster(world):
    """Past years remain the secretary's records."""
    world.cluster_year.memberships.filter(unit=world.units[2]).delete()
    cluster_year_with_units(world.cluster, 2020, world.units)
    client = signed_in(world.users.secretary)
    assert client.get(f"/units/{world.units[2].pk}/").status_code == 200


def test_a_superuser_sees_and_manages_every_ministry(world):
    admin = UserFactory(username="quantri", is_superuser=True)
    client = signed_in(admin)
    assert link_texts(client.get("/?year=2021"), CLUSTER_LINK) == [
        "Cụm thi đua số 1",
        "Cụm thi đua số 2",
    ]
    assert client.get(f"/clusters/{world.cluster.pk}/edit/").status_code == 200
    html = client.get("/units/new/").content.decode()
    assert "Bộ Khác" in html and "Bộ Tư pháp thử nghiệm" in html


def test_an_account_without_role_sees_nothing(world):
    client = signed_in(UserFactory(username="moi"))
    assert link_texts(client.get("/clusters/"), CLUSTER_LINK) == []
    assert link_texts(client.get("/units/"), UNIT_LINK) == []
    assert client.get(f"/clusters/{world.cluster.pk}/").status_code == 404
    assert client.get("/clusters/new/").status_code == 403
