"""The staff's home: the table of clusters is cached per data version of its cluster-years
(``portal.home_fragments.cluster_table``): a cluster renamed, the ministry renamed, a member
added, a cluster-year added show on the next page; the page works with the cache unreachable;
a warm page reads no more than a cold one, the same at two sizes. The ministry-wide report's
link takes its ministry from the cluster-years read for the page (no query of its own)."""

import pytest
from django.test import Client

from clusters.models import Cluster, Membership
from emulation.models import Ministry
from tests.emulation.test_cache import cache_down  # noqa: F401 (a fixture)
from tests.factories import PASSWORD, ClusterFactory, UnitFactory, cluster_year_with_units
from tests.html import Node, page

HOME = "/?year=2021"


def _rows(response):
    """The cells' texts of each row of the table of clusters."""
    found = page(response).find(lambda n: n.tag == "table" and n.find(lambda c: c.tag == "caption"))
    body = found.find(lambda n: n.tag == "tbody")
    return [
        [cell.text() for cell in row.children if isinstance(cell, Node) and cell.tag == "td"]
        for row in body.children
        if isinstance(row, Node) and row.tag == "tr"
    ]


def _cluster_renamed(world):
    cluster = Cluster.objects.get(pk=world.cluster.pk)
    cluster.name = "Cụm đã đổi tên"
    cluster.save()  # a record of no year: every year of the ministry
    return ["Cụm đã đổi tên", "Bộ Tư pháp thử nghiệm", "3"]


def _ministry_renamed(world):
    ministry = Ministry.objects.get(pk=world.ministry.pk)
    ministry.name = "Bộ đã đổi tên"
    ministry.save()
    return ["Cụm thi đua số 2", "Bộ đã đổi tên", "3"]


def _member_added(world):
    Membership.objects.create(
        cluster_year=world.cluster_year, unit=UnitFactory(ministry=world.ministry)
    )
    return ["Cụm thi đua số 2", "Bộ Tư pháp thử nghiệm", "4"]


def _cluster_year_added(world):
    cluster = ClusterFactory(ministry=world.ministry, number=3, name="Cụm thi đua số 3")
    cluster_year_with_units(cluster, 2021, [])
    return ["Cụm thi đua số 3", "Bộ Tư pháp thử nghiệm", "0"]


WRITES = [_cluster_renamed, _ministry_renamed, _member_added, _cluster_year_added]


@pytest.mark.parametrize("write", WRITES, ids=[w.__name__.strip("_") for w in WRITES])
def test_the_next_staff_home_shows_every_kind_of_write(client_as, world, write):
    client = client_as("staff")
    before = _rows(client.get(HOME))  # the table cached
    assert ["Cụm thi đua số 2", "Bộ Tư pháp thử nghiệm", "3"] in before
    row = write(world)
    assert row not in before
    assert row in _rows(client.get(HOME))


def test_the_table_links_each_cluster_s_year(client_as, world):
    html = client_as("staff").get(HOME).content.decode()
    assert f'<a href="/clusters/{world.cluster.pk}/?year=2021">Cụm thi đua số 2</a>' in html


def test_the_ministry_report_link_follows_a_renamed_ministry_and_a_year_without_clusters(
    client_as, world
):
    client = client_as("staff")
    assert "Báo cáo tổng kết năm 2021 toàn Bộ Tư pháp thử nghiệm" in (
        client.get(HOME).content.decode()
    )
    _ministry_renamed(world)
    assert "Báo cáo tổng kết năm 2021 toàn Bộ đã đổi tên" in client.get(HOME).content.decode()
    # No cluster-year in 2020: the ministry is read for the link.
    assert "Báo cáo tổng kết năm 2020 toàn Bộ đã đổi tên" in (
        client.get("/?year=2020").content.decode()
    )


@pytest.mark.usefixtures("cache_down")
def test_the_staff_home_works_with_the_cache_down(world):
    client = Client()
    client.post("/accounts/login/", {"username": "vu", "password": PASSWORD})
    response = client.get(HOME)
    assert ["Cụm thi đua số 2", "Bộ Tư pháp thử nghiệm", "3"] in _rows(response)


@pytest.mark.parametrize("size", [0, 10], ids=["small", "ten-times-larger"])
def test_a_warm_staff_home_reads_the_same_at_two_sizes(
    client_as, world, django_assert_num_queries, size
):
    for number in range(3, 3 + size):
        cluster = ClusterFactory(ministry=world.ministry, number=number, name=f"Cụm {number}")
        cluster_year_with_units(cluster, 2021, [UnitFactory(ministry=world.ministry)])
    client = client_as("staff")
    client.get(HOME)
    # Session, user (the role scope from the cache), the ministry's token, the states of its
    # reports' PDFs: the page is cached under them (6 before: the cluster-years, the years
    # of the switch, the queue's counts and the latest reports were read each time).
    with django_assert_num_queries(4):
        response = client.get(HOME)
    assert len(_rows(response)) == 2 + size


def test_the_next_staff_home_counts_a_proposal_sent_and_offers_a_new_year(
    client_as, world, request
):
    """The queue's counts and the year switch are in the cached page too."""
    client = client_as("staff")
    html = client.get(HOME).content.decode()
    assert "<li>Đã gửi: 1</li>" not in html
    assert 'href="?year=2019"' not in html
    request.getfixturevalue("submitted")
    cluster_year_with_units(world.cluster, 2019, [])
    html = client.get(HOME).content.decode()
    assert "<li>Đã gửi: 1</li>" in html
    assert 'href="?year=2019"' in html


def test_a_staff_member_made_leader_sees_the_tiles_at_once(client_as, world):
    from emulation.roles import Role
    from tests.factories import grant

    client = client_as("staff")
    assert 'id="dashboard"' not in client.get(HOME).content.decode()  # the table cached
    grant(world.users.staff, Role.LEADER, world.ministry)
    assert 'id="dashboard"' in client.get(HOME).content.decode()


def test_two_ministries_staff_homes_are_their_own(client_as, world):
    """The same year, one cache: each ministry's staff sees its own clusters only."""
    cluster = ClusterFactory(ministry=world.other_ministry, number=5, name="Cụm của Bộ Khác")
    cluster_year_with_units(cluster, 2021, [UnitFactory(ministry=world.other_ministry)])
    ours = client_as("staff").get(HOME).content.decode()
    theirs = client_as("foreign_staff").get(HOME).content.decode()
    assert "Cụm thi đua số 2" in ours and "Cụm của Bộ Khác" not in ours
    assert "Cụm của Bộ Khác" in theirs and "Cụm thi đua số 2" not in theirs


def test_a_staff_member_also_a_secretary_sees_every_write(client_as, world):
    """Rights over whole ministries and single clusters at once: the page is not cached
    whole (its panels still are), and shows every write at once."""
    from emulation.roles import Role
    from tests.factories import grant

    grant(world.users.staff, Role.CLUSTER_SECRETARY, world.ministry, world.cluster)
    client = client_as("staff")
    assert 'id="tasks"' in client.get(HOME).content.decode()
    shown = _cluster_renamed(world)[0]
    assert shown in client.get(HOME).content.decode()
