"""The queue's rows are cached per data version of their cluster-years and ministry-years and
per day (awards.views.review): every kind of write and the next day show on the next page;
the queue works with the cache unreachable; a warm queue reads as much at two sizes."""

import datetime
from types import SimpleNamespace

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from awards import services
from awards.models import Nomination, Proposal
from clusters.models import Cluster
from emulation.models import AwardTitle
from emulation.roles import Role
from tests.awards.conftest import record_vote
from tests.awards.test_home_cached import _cluster_name
from tests.awards.test_queries import QUEUE_WARM_QUERIES, _sent_proposals
from tests.emulation.test_cache import cache_down  # noqa: F401 (a fixture)
from tests.factories import ClusterFactory, UserFactory, grant
from tests.html import options, selected_values

QUEUE = "/awards/queue/"


def _row(html, proposal):
    return html.split(f'href="/awards/{proposal.pk}/"', 1)[1].split("</tr>", 1)[0]


def _review(world, proposal):
    services.proposal_start_review(actor=world.users.staff, proposal=proposal)
    return "Đang xét"


def _approval(world, proposal):
    services.proposal_start_review(actor=world.users.staff, proposal=proposal)
    line = proposal.nominations.get()
    record_vote(world.users.staff, line)
    services.nomination_approve(actor=world.users.staff, line=line)
    assert Nomination.objects.get(pk=line.pk).outcome == Nomination.Outcome.APPROVED
    return "<td>1</td>\n    <td>1</td>"  # lines, approved


WRITES = [_review, _cluster_name, _approval]


@pytest.mark.parametrize("write", WRITES, ids=[w.__name__.strip("_") for w in WRITES])
def test_the_next_queue_shows_every_kind_of_write(client_as, world, submitted, write):
    client = client_as("staff")
    before = _row(client.get(QUEUE).content.decode(), submitted)  # the rows cached
    shown = write(world, Proposal.objects.get(pk=submitted.pk))
    assert shown not in before
    assert shown in _row(client.get(QUEUE).content.decode(), submitted)


def test_the_days_waiting_grow_the_next_day(client_as, submitted, monkeypatch):
    from awards.views import review

    sent = timezone.localdate(submitted.submitted_at)
    day = SimpleNamespace(localdate=lambda: sent)
    monkeypatch.setattr(review, "timezone", day)
    client = client_as("staff")
    assert '<td class="text-end">0 ngày</td>' in _row(client.get(QUEUE).content.decode(), submitted)
    day.localdate = lambda: sent + datetime.timedelta(days=1)
    assert '<td class="text-end">1 ngày</td>' in _row(client.get(QUEUE).content.decode(), submitted)


@pytest.mark.usefixtures("cache_down")
def test_the_queue_works_with_the_cache_down(world, submitted):
    client = Client()
    client.force_login(world.users.staff)
    response = client.get(reverse("awards:queue"))
    assert response.status_code == 200
    assert f'href="/awards/{submitted.pk}/"' in response.content.decode()


@pytest.mark.parametrize("count", [1, 3])
def test_a_warm_queue_reads_as_much_at_two_sizes(
    world, client_as, django_assert_num_queries, count
):
    _sent_proposals(world, count)
    client = client_as("staff")
    client.get(QUEUE)
    with django_assert_num_queries(QUEUE_WARM_QUERIES):
        response = client.get(QUEUE)
    assert response.content.decode().count("<td>2021</td>") == count


def _filter(html):
    return html.split('<form method="get"', 1)[1].split("</form>", 1)[0]


def _new_cluster(world):
    ClusterFactory(ministry=world.ministry, number=9, name="Cụm mới lập")
    return "Cụm mới lập"


def _renamed_cluster(world):
    return _cluster_name(world, None)


def _renamed_title(world):
    award = AwardTitle.objects.filter(code="co-thi-dua-bo").order_by("regime").last()
    award.name_vi = "Cờ thi đua đã đổi tên"
    award.save()  # the national catalogue: every ministry-year
    return "Cờ thi đua đã đổi tên"


FILTER_WRITES = [_new_cluster, _renamed_cluster, _renamed_title]


@pytest.mark.parametrize("write", FILTER_WRITES, ids=[w.__name__.strip("_") for w in FILTER_WRITES])
def test_the_next_queue_filter_shows_every_kind_of_write(client_as, world, submitted, write):
    client = client_as("staff")
    before = _filter(client.get(QUEUE).content.decode())  # the choices cached
    shown = write(world)
    assert shown not in before
    assert shown in _filter(client.get(QUEUE).content.decode())


def test_a_ministry_with_no_year_has_its_filter_read_each_time(world, submitted):
    """Nothing bumps a ministry that has no year: its clusters are read, never cached."""
    staff = UserFactory(username="vu.moi")
    grant(staff, Role.MINISTRY_STAFF, world.other_ministry)
    ClusterFactory(ministry=world.other_ministry, number=1, name="Cụm của bộ khác")
    client = Client()
    client.force_login(staff)
    assert "Cụm của bộ khác" in _filter(client.get(QUEUE).content.decode())
    cluster = Cluster.objects.get(name="Cụm của bộ khác")
    cluster.name = "Cụm bộ khác đổi tên"
    cluster.save()
    assert "Cụm bộ khác đổi tên" in _filter(client.get(QUEUE).content.decode())


def test_the_cached_filter_shows_each_request_its_own_values(client_as, world, submitted):
    client = client_as("staff")
    client.get(QUEUE)
    chosen = f"{QUEUE}?cluster={world.cluster.pk}&state=submitted"
    assert selected_values(client.get(chosen), "cluster") == [str(world.cluster.pk)]
    assert selected_values(client.get(chosen), "state") == ["submitted"]
    assert selected_values(client.get(QUEUE), "cluster") == [""]
    assert selected_values(client.get(chosen), "cluster") == [str(world.cluster.pk)]
    labels = dict(options(client.get(QUEUE), "cluster"))
    assert labels[str(world.cluster.pk)] == world.cluster.name


def test_a_filter_with_an_error_shows_it_at_its_field(client_as, world, submitted):
    client = client_as("staff")
    client.get(QUEUE)
    html = client.get(f"{QUEUE}?year=abc").content.decode()
    assert "is-invalid" in _filter(html)
    assert "is-invalid" not in _filter(client.get(f"{QUEUE}?year=2021").content.decode())


@pytest.mark.usefixtures("cache_down")
def test_the_queue_filter_works_with_the_cache_down(world, submitted):
    client = Client()
    client.force_login(world.users.staff)
    response = client.get(f"{QUEUE}?cluster={world.cluster.pk}")
    assert selected_values(response, "cluster") == [str(world.cluster.pk)]
    assert f'href="/awards/{submitted.pk}/"' in response.content.decode()


def test_a_queue_with_a_new_write_reads_the_choices_from_the_cache(
    world, client_as, submitted, django_assert_num_queries
):
    """A write to a cluster-year moves the list's token and its rows' versions, not the
    filter's choices: the list is rendered again with the choices from the cache."""
    client = client_as("staff")
    client.get(QUEUE)
    _review(world, Proposal.objects.get(pk=submitted.pk))
    # The filter's versions, the page's versions with their count, the rows; not the choices.
    with django_assert_num_queries(QUEUE_WARM_QUERIES + 3):
        client.get(QUEUE)


def test_the_opened_queue_shows_a_proposal_sent_since(client_as, world, draft):
    """The list as it opens is cached whole: a proposal sent after it was shows at once."""
    client = client_as("staff")
    assert f'href="/awards/{draft.pk}/"' not in client.get(QUEUE).content.decode()
    services.proposal_submit(actor=world.users.secretary, proposal=draft)
    assert f'href="/awards/{draft.pk}/"' in client.get(QUEUE).content.decode()


def test_a_filtered_queue_is_never_the_opened_one(client_as, world, submitted):
    client = client_as("staff")
    assert f'href="/awards/{submitted.pk}/"' in client.get(QUEUE).content.decode()
    other = f"{QUEUE}?cluster={world.other_cluster.pk}"
    assert f'href="/awards/{submitted.pk}/"' not in client.get(other).content.decode()
    assert f'href="/awards/{submitted.pk}/"' in client.get(QUEUE).content.decode()


def test_a_cold_opened_queue_reads_as_much_whichever_year_was_written(
    world, client_as, submitted, django_assert_num_queries
):
    """The list as it opens renders its rows with it: a write to a year it does not show
    costs the next page as many queries as one to the year of a proposal it shows."""
    from clusters.data_version import bump_cluster_year

    client = client_as("staff")
    client.get(QUEUE)
    for cluster_year in (world.other_cluster_year, world.cluster_year):
        bump_cluster_year(pk=cluster_year.pk)
        # The list's token, the filter's versions, the page, its rows; not the choices.
        with django_assert_num_queries(QUEUE_WARM_QUERIES + 3):
            client.get(QUEUE)
