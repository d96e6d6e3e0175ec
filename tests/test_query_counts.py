"""Every list page issues a bounded number of SQL queries, whatever the data size: the same
bound holds for the small world and for one ten times larger."""

import pytest

from emulation.roles import Role
from tests.factories import ClusterFactory, UnitFactory, UserFactory, cluster_year_with_units, grant


def grow(world, size):
    """``size`` more clusters of ``size`` units each, accounts for them, and a few more
    years of history for the first cluster (and so for its first unit)."""
    for n in range(size):
        cluster = ClusterFactory(ministry=world.ministry, number=10 + n, name=f"Cụm mở rộng {n}")
        units = [UnitFactory(ministry=world.ministry) for _ in range(size)]
        cluster_year_with_units(cluster, world.year, units)
        grant(UserFactory(), Role.CLUSTER_SECRETARY, world.ministry, cluster)
        grant(UserFactory(), Role.LEADER, world.ministry, cluster)
    for year in range(world.year - size // 3, world.year):
        cluster_year_with_units(world.cluster, year, world.units + world.other_units)


# Page -> (address, most queries). Session, user, role scope, then the page's own reads
# (count, rows, prefetches). A feature that adds a panel to a page raises its bound here, on
# purpose, and keeps it flat across sizes.
PAGES = {
    # 5 of its own (with the years of the switch) + the staff's proposal queue and the
    # leader's latest reports + the secretary's task list (10, the same for one cluster or
    # many; the leader's tiles cost the same, see below); cold, the versions the whole page
    # is cached under (its token, its PDFs' states: tests/awards/test_home_cached.py).
    "home": (lambda w: f"/?year={w.year}", 19),
    "cluster list": (lambda w: "/clusters/", 6),
    # 7 of its own + 14 for its panels (leadership, pledge, evaluation, proposals, reports);
    # the evaluation panel reads last year's totals when there is one. 20 before the data
    # versions: they are read with the year switch; the members read once for the list, the
    # pledge and the ranking, the page's cluster given to the panels, the newest report
    # version read alone (-3); the year read whole only to render it, its versions on every
    # request (+1). Cold: below.
    "cluster page": (lambda w: f"/clusters/{w.cluster.pk}/?year={w.year}", 18),
    # 5 of its own: a superuser's ministries are read for the new-unit button, no one
    # else's (their roles name them).
    "unit list": (lambda w: "/units/", 5),
    # 6 of its own, cold (the unit read with its scope check, its ministry's token, its
    # clusters, the years it led one, its awards); warm, the last three come from the cache
    # (tests/units/test_unit_history_cached.py).
    "unit page": (lambda w: f"/units/{w.units[0].pk}/", 8),
    "account list": (lambda w: "/accounts/", 8),
    "account page": (lambda w: f"/accounts/{w.users.secretary.pk}/", 9),
}


@pytest.mark.parametrize("size", [0, 10], ids=["small", "ten-times-larger"])
@pytest.mark.parametrize("page_name", PAGES)
@pytest.mark.parametrize("role", ["staff", "secretary"])
def test_list_pages_issue_a_bounded_number_of_queries(
    client_as, world, django_assert_max_num_queries, page_name, role, size
):
    grow(world, size)
    client = client_as(role)
    address, most = PAGES[page_name]
    with django_assert_max_num_queries(most):
        response = client.get(address(world))
    assert response.status_code == (403 if role == "secretary" and "account" in page_name else 200)


@pytest.mark.parametrize("size", [0, 10], ids=["small", "ten-times-larger"])
def test_the_leader_home_with_a_tile_card_per_cluster_is_bounded(
    client_as, world, django_assert_max_num_queries, size
):
    grow(world, size)
    client = client_as("leader")
    # Cold: the ministry's token and its PDFs' states, then the page as it was (19 before).
    with django_assert_max_num_queries(20):
        response = client.get(f"/?year={world.year}")
    assert response.content.decode().count('class="card mb-3 tile-card"') == 2 + size


# Pages cached per data version (emulation.fragments): cold is the first request after a write
# (every fragment rendered: the bound above), warm the next one, the same at both sizes. Warm,
# the role scope comes from the cache (emulation.roles): no query.
CACHED_PAGES = {
    # Session, user, the cluster with its years and their data versions (one SQL statement),
    # and the states of the cluster's PDFs (the reports panel's key). With Redis, no
    # session query (cached_db). 7 before the page was one fragment (the cluster, its year
    # and the year switch read apart, the proposal panel rendered each time).
    "cluster page": (lambda w: f"/clusters/{w.cluster.pk}/?year={w.year}", 18, 4),
    # Session, user, the cluster-year with its cluster and its neighbours' data versions (one
    # query; its version was read apart: 4 before).
    "ranking": (lambda w: f"/clusters/{w.cluster.pk}/years/{w.year}/ranking/", 11, 3),
    # The same.
    "score grid": (lambda w: f"/clusters/{w.cluster.pk}/years/{w.year}/scores/", 12, 3),
    # Session, user, the cluster-year with its cluster and its neighbours' data versions (the
    # pledge's id comes with the cached page; its audit trail is read each time there is a
    # pledge: none yet). 5 before: the version and the pledge read apart.
    "pledge": (lambda w: f"/clusters/{w.cluster.pk}/years/{w.year}/pledge/", 12, 3),
}


@pytest.mark.parametrize("size", [0, 10], ids=["small", "ten-times-larger"])
@pytest.mark.parametrize("page_name", CACHED_PAGES)
@pytest.mark.parametrize("role", ["staff", "secretary"])
def test_cached_pages_cold_and_warm(
    client_as,
    world,
    django_assert_max_num_queries,
    django_assert_num_queries,
    page_name,
    role,
    size,
):
    grow(world, size)
    client = client_as(role)
    address, cold, warm = CACHED_PAGES[page_name]
    with django_assert_max_num_queries(cold):
        assert client.get(address(world)).status_code == 200
    with django_assert_num_queries(warm):
        assert client.get(address(world)).status_code == 200
