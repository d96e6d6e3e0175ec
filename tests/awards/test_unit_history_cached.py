"""The unit page's history (the years it led a cluster, its awards, its clusters) is cached
per version of its ministry's records (``awards_tags.unit_history``, keyed by
``clusters.data_version.ministry_token``): every kind of record it shows, written, is on the
next page; the page works with the cache unreachable; a warm page reads three queries fewer
than a cold one, the same at two sizes."""

import pytest
from django.test import Client

from awards.models import Award, Decision
from clusters.data_version import ministries_token, ministry_token
from clusters.models import Cluster, LeadershipTerm
from emulation.data_version import bump_ministry
from emulation.models import AwardTitle
from tests.awards.conftest import revoke_award
from tests.emulation.test_cache import cache_down  # noqa: F401 (a fixture)
from tests.factories import (
    PASSWORD,
    ClusterFactory,
    UnitFactory,
    cluster_year_with_units,
)


def _url(world):
    return f"/units/{world.units[0].pk}/"


def _membership(world):
    cluster = ClusterFactory(ministry=world.ministry, number=7, name="Cụm thi đua số 7")
    cluster_year_with_units(cluster, 2022, [world.units[0]])
    return f'<tr><td>2022</td><td><a href="/clusters/{cluster.pk}/?year=2022">Cụm thi đua số 7</a>'


def _leadership(world):
    LeadershipTerm.objects.create(
        cluster_year=world.cluster_year,
        head_unit=world.units[0],
        head_name="Nguyễn Văn Trưởng",
        head_position="Hiệu trưởng",
        deputy_unit=world.units[1],
        deputy_name="Trần Văn Phó",
        deputy_position="Viện trưởng",
    )
    return "2021: Cụm trưởng Cụm thi đua số 2 (Nguyễn Văn Trưởng)"


def _cluster_renamed(world):
    cluster = Cluster.objects.get(pk=world.cluster.pk)
    cluster.name = "Cụm đã đổi tên"
    cluster.save()  # a record of no year: every year of the ministry
    return ">Cụm đã đổi tên</a>"


def _award(world):
    return "<td>2021</td><td>Cờ thi đua cấp Bộ</td><td>1234/QĐ-BTP (15/01/2022)</td>"


def _decision_number(world):
    decision = Decision.objects.get()
    decision.number = "1235/QĐ-BTP"
    decision.save()  # the ministry-year's record
    return "<td>1235/QĐ-BTP (15/01/2022)</td>"


def _award_title_renamed(world):
    title = Award.objects.get().award_title
    title.name_vi = "Cờ thi đua của Bộ (tên mới)"
    title.save()  # the national catalogue: every ministry-year
    assert AwardTitle.objects.get(pk=title.pk).name_vi == title.name_vi
    return "<td>Cờ thi đua của Bộ (tên mới)</td>"


def _award_revoked(world):
    revoke_award(world, "Kê khai không trung thực")
    return "Kê khai không trung thực"


@pytest.mark.parametrize(
    ("before", "write"),
    [
        ((), _membership),
        ((), _leadership),
        ((), _cluster_renamed),
        (("decided",), _decision_number),
        (("decided",), _award_title_renamed),
        (("decided",), _award_revoked),
    ],
    ids=["membership", "leadership", "cluster-renamed", "decision", "award-title", "revoked"],
)
def test_the_next_unit_page_shows_every_kind_of_write(client_as, world, request, before, write):
    for fixture in before:
        request.getfixturevalue(fixture)
    client = client_as("staff")
    shown_before = client.get(_url(world)).content.decode()  # the history cached
    shown = write(world)
    assert shown not in shown_before
    assert shown in client.get(_url(world)).content.decode()


def test_the_next_unit_page_shows_a_decided_award(client_as, world, request):
    request.getfixturevalue("approved")
    client = client_as("leader")
    assert _award(world) not in client.get(_url(world)).content.decode()
    request.getfixturevalue("decided")
    assert _award(world) in client.get(_url(world)).content.decode()


def test_a_write_of_another_ministry_leaves_the_token_alone(world):
    token = ministry_token(ministry_id=world.ministry.pk)
    UnitFactory(ministry=world.other_ministry).save()
    assert ministry_token(ministry_id=world.ministry.pk) == token
    UnitFactory(ministry=world.ministry).save()
    assert ministry_token(ministry_id=world.ministry.pk) != token


def test_a_ministry_without_years_has_no_token(world):
    """Its records' writes bump nothing: nothing may be cached under its token."""
    assert ministry_token(ministry_id=world.other_ministry.pk) is None
    assert ministries_token([world.ministry.pk, world.other_ministry.pk]) is None
    assert ministries_token([world.ministry.pk]) == ministry_token(ministry_id=world.ministry.pk)
    assert ministries_token() is None  # every ministry: the other one too
    cluster_year_with_units(ClusterFactory(ministry=world.other_ministry, number=1), 2021, [])
    assert ministries_token() is not None


@pytest.mark.usefixtures("cache_down")
def test_the_unit_page_works_with_the_cache_down(world, decided):
    client = Client()
    client.post("/accounts/login/", {"username": "lanhdao", "password": PASSWORD})
    html = client.get(_url(world)).content.decode()
    assert _award(world) in html
    assert '<a href="/clusters/' in html


@pytest.mark.parametrize("size", [0, 10], ids=["small", "ten-times-larger"])
def test_a_warm_unit_page_reads_three_queries_fewer_the_same_at_two_sizes(
    client_as, world, django_assert_num_queries, size
):
    unit = world.units[0]
    for year in [y for y in range(2017, 2028) if y != world.year][:size]:
        cluster_year_with_units(world.cluster, year, [unit])
    client = client_as("staff")
    client.get(_url(world))
    # Session, user (the role scope from the cache), the unit with its scope check, its
    # ministry's token; cold, its clusters, the years it led one and its awards besides.
    with django_assert_num_queries(4):
        response = client.get(_url(world))
    assert response.content.decode().count("<tr><td>20") == 1 + size
    bump_ministry(ministry_id=world.ministry.pk)
    with django_assert_num_queries(7):
        client.get(_url(world))
