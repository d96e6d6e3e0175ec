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
from tests.awards.conftest import record_vote
from tests.awards.test_home_cached import _cluster_name
from tests.awards.test_queries import QUEUE_QUERIES, _sent_proposals
from tests.emulation.test_cache import cache_down  # noqa: F401 (a fixture)

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
    with django_assert_num_queries(QUEUE_QUERIES - 1):  # the role scope from the cache
        response = client.get(QUEUE)
    assert response.content.decode().count("<td>2021</td>") == count
