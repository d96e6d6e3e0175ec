"""The queue and the proposal page issue the same number of queries whatever their size."""

import pytest
from django.urls import reverse

from awards import services
from awards.models import Nomination
from clusters.models import ClusterYear
from tests.awards.conftest import pdf, title
from tests.factories import ClusterFactory, UnitFactory, cluster_year_with_units

# cold: the session, the user, the scope, the filter's versions, its clusters and titles, the
# page's versions with their count (one window), its rows; warm, as it opens (no filter): the
# session, the user and the managed ministries' token, the list from the cache (4 before:
# the filter's versions and the page were read each time)
QUEUE_QUERIES = 8
QUEUE_WARM_QUERIES = 3
# + the regime, the ministry's settings, unit-head decisions, council results, and every year
# of the ministry with its versions (the key of the rules' findings)
PROPOSAL_QUERIES = 17


def _sent_proposals(world, count):
    for number in range(count):
        cluster = ClusterFactory(ministry=world.ministry, number=10 + number)
        cluster_year = cluster_year_with_units(
            cluster, 2021, [UnitFactory(ministry=world.ministry)]
        )
        proposal = services.proposal_create(actor=world.users.staff, cluster_year=cluster_year)
        proposal.state = "submitted"
        proposal.save()


@pytest.mark.parametrize("count", [1, 3])
def test_queue_queries_do_not_grow(world, client_as, django_assert_max_num_queries, count):
    _sent_proposals(world, count)
    client = client_as("staff")
    with django_assert_max_num_queries(QUEUE_QUERIES):
        response = client.get(reverse("awards:queue"))
    assert response.content.decode().count("<td>2021</td>") == count


@pytest.mark.parametrize("count", [1, 5])
def test_proposal_page_queries_do_not_grow(
    world, client_as, draft, django_assert_max_num_queries, count
):
    certificate = title(world.cluster_year, "bang-khen-bo-tap-the")
    extra_units = [UnitFactory(ministry=world.ministry) for _ in range(count - 1)]
    cluster_year_with_units(world.cluster, 2021, extra_units)
    for unit in extra_units:
        services.nomination_save(
            actor=world.users.secretary,
            proposal=draft,
            line=Nomination(unit=unit, award_title=certificate, achievements="Tốt"),
            report_file=pdf(),
        )
    assert ClusterYear.objects.get(pk=world.cluster_year.pk).memberships.count() == 2 + count
    client = client_as("staff")
    with django_assert_max_num_queries(PROPOSAL_QUERIES):
        response = client.get(reverse("awards:proposal", args=[draft.pk]))
    assert response.content.decode().count('<tr id="line-') == count
