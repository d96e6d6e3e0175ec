"""The queue reads its page's rows and their number in one query, a window count
(``emulation.pagination.page_with_total``): 25 rows a page, the pages counted right at 25 and
26 proposals, past the last page and for a page number that is not one. A queryset made
distinct (the queue filtered by award title joins the lines) is counted apart: the window
would count its rows before they are made distinct."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from clusters.models import ClusterYear
from emulation.pagination import page_with_total
from tests.awards.test_queries import _sent_proposals

ROW = "<td>2021</td>"


def _queue(client, page):
    return client.get(reverse("awards:queue"), {"page": page}).content.decode()


@pytest.mark.parametrize(("count", "pages"), [(25, 1), (26, 2)])
def test_the_queue_counts_its_pages_at_the_page_size(world, client_as, count, pages):
    _sent_proposals(world, count)
    first = _queue(client_as("staff"), "1")
    assert first.count(ROW) == 25
    assert (f"Trang 1/{pages}" in first) is (pages > 1)


def test_past_the_last_page_and_a_page_that_is_not_a_number(world, client_as):
    _sent_proposals(world, 26)
    client = client_as("staff")
    assert _queue(client, "2").count(ROW) == 1
    assert _queue(client, "9").count(ROW) == 1  # the last page
    assert _queue(client, "abc").count(ROW) == 25  # the first
    assert "Trang 1/2" in _queue(client, "abc")


def test_a_distinct_queryset_is_counted_once_per_row(world):
    """The world's cluster-year has three members: joined to them, it is three rows before
    ``distinct()`` makes it one."""
    joined = ClusterYear.objects.filter(memberships__unit__in=world.units[:3])
    assert joined.count() == 3
    page = page_with_total(RequestFactory().get("/"), joined.distinct().order_by("pk"))
    assert page.paginator.count == 1
    assert list(page) == [ClusterYear.objects.get(pk=world.cluster_year.pk)]
