"""The demo: Bộ Tư pháp, Cụm thi đua số 2 with its ten units (docs/domain.md §7), a second
cluster, four accounts; loading it twice changes nothing."""

from io import StringIO

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

from accounts.models import RoleAssignment
from clusters.models import Cluster, ClusterYear, Membership
from emulation.demo import CLUSTER_2_UNITS, demo_years
from emulation.models import Ministry
from tests.html import link_texts
from units.models import Unit

User = get_user_model()
MODELS = [Ministry, Unit, Cluster, ClusterYear, Membership, User, RoleAssignment]


@pytest.fixture
def seed(db, settings):
    settings.DEBUG = True  # seed_demo refuses to run in production mode

    def run():
        out = StringIO()
        call_command("seed_demo", stdout=out)
        return out.getvalue()

    return run


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def test_seed_demo_loads_the_example_and_prints_the_logins(seed):
    output = seed()
    years = len(demo_years())
    assert counts() == {
        "Ministry": 1,
        "Unit": 18,
        "Cluster": 2,
        "ClusterYear": 2 * years,
        "Membership": 18 * years,
        "User": 4,
        "RoleAssignment": 4,
    }
    assert f"Demo logins (password: {settings.DEMO_PASSWORD}):" in output
    for username in ["thuky.cum2", "thuky.cum1", "vu.tdkt", "lanhdao"]:
        assert f"  {username}" in output


def test_cluster_2_has_its_ten_units_in_2020_2021_and_this_year(seed):
    seed()
    cluster = Cluster.objects.get(name="Cụm thi đua số 2")
    expected = sorted(name for name, _, _ in CLUSTER_2_UNITS)
    for year in [2020, 2021, max(demo_years())]:
        members = ClusterYear.objects.get(cluster=cluster, year=year).units
        assert sorted(members.values_list("name", flat=True)) == expected


def test_running_seed_demo_twice_duplicates_nothing(seed):
    seed()
    first = counts()
    seed()
    assert counts() == first


def test_running_seed_demo_again_keeps_a_changed_password(seed):
    seed()
    user = User.objects.get(username="thuky.cum2")
    user.set_password("Mat-khau-rieng-2026")
    user.save()
    seed()
    assert Client().login(username="thuky.cum2", password="Mat-khau-rieng-2026")


@pytest.mark.parametrize(
    ("username", "clusters"),
    [
        ("thuky.cum2", ["Cụm thi đua số 2"]),
        ("thuky.cum1", ["Cụm thi đua số 1"]),
        ("vu.tdkt", ["Cụm thi đua số 1", "Cụm thi đua số 2"]),
        ("lanhdao", ["Cụm thi đua số 1", "Cụm thi đua số 2"]),
    ],
)
def test_each_demo_account_signs_in_and_sees_its_own_home(seed, username, clusters):
    seed()
    client = Client()
    assert client.login(username=username, password=settings.DEMO_PASSWORD)
    response = client.get("/")
    assert link_texts(response, r"/clusters/\d+/\?year=") == clusters
