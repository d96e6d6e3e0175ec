"""The history, pledge, cluster and unit pages issue the same number of queries whatever
the data size."""

import datetime

import pytest

from clusters.models import LeadershipTerm, Pledge, PledgeSignature, RotationPolicy
from clusters.models import TitleRegistration as Registration
from tests.clusters.year_start.conftest import leadership_data, set_policy, title
from tests.factories import UnitFactory, cluster_year_with_units

SIZES = [(1, 3), (6, 12)]  # (years, members)


def _grow(world, years, members):
    units = world.units + [
        UnitFactory(ministry=world.ministry, name=f"Trường thêm {i}")
        for i in range(members - len(world.units))
    ]
    set_policy(world.cluster, RotationPolicy.Method.ROTATION, units, no_repeat_years=3)
    for offset in range(years):
        year = world.year + offset
        cluster_year = cluster_year_with_units(world.cluster, year, units)
        LeadershipTerm.objects.create(
            cluster_year=cluster_year,
            **leadership_data(units[offset % members], units[(offset + 1) % members]),
        )
    pledge = Pledge.objects.create(cluster_year=world.cluster_year, state=Pledge.State.OPEN)
    pledge.commitments.create(order=1, text="Hoàn thành nhiệm vụ")
    flag = title(world.cluster_year, "tt-lao-dong-xuat-sac")
    for unit in units:
        Registration.objects.create(pledge=pledge, unit=unit, award_title=flag)
        PledgeSignature.objects.create(
            pledge=pledge,
            unit=unit,
            signer_name="Người ký",
            signer_position="Giám đốc",
            signed_on=datetime.date(2020, 12, 14),
        )
    return units


@pytest.mark.parametrize(("years", "members"), SIZES)
def test_history_page_queries_are_bounded(
    world, client_as, django_assert_max_num_queries, years, members
):
    _grow(world, years, members)
    client = client_as("leader")
    with django_assert_max_num_queries(15):
        response = client.get(f"/clusters/{world.cluster.pk}/leadership/")
    assert len(response.context["page"]) == years


@pytest.mark.parametrize(("years", "members"), SIZES)
def test_pledge_page_queries_are_bounded(
    world, client_as, django_assert_max_num_queries, years, members
):
    _grow(world, years, members)
    client = client_as("secretary")
    with django_assert_max_num_queries(11):
        response = client.get(f"/clusters/{world.cluster.pk}/years/{world.year}/pledge/")
    assert response.context["signed_count"] == members


@pytest.mark.parametrize(("years", "members"), SIZES)
def test_cluster_page_with_panels_queries_are_bounded(
    world, client_as, django_assert_max_num_queries, years, members
):
    _grow(world, years, members)
    client = client_as("secretary")
    with django_assert_max_num_queries(23):
        response = client.get(f"/clusters/{world.cluster.pk}/?year={world.year}")
    assert f"{members}/{members} đơn vị đã ký" in response.content.decode()


@pytest.mark.parametrize(("years", "members"), SIZES)
def test_unit_page_led_years_queries_are_bounded(
    world, client_as, django_assert_max_num_queries, years, members
):
    units = _grow(world, years, members)
    client = client_as("leader")
    with django_assert_max_num_queries(8):
        response = client.get(f"/units/{units[1].pk}/")
    assert "Cụm phó Cụm thi đua số 2" in response.content.decode()
