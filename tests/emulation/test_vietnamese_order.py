"""Vietnamese names sort in Vietnamese order: a ă â b c d đ e ê …, tones after letters.
PostgreSQL uses ICU's ``vi-x-icu``; SQLite the ``vi`` collation of emulation.collation."""

import random

import pytest
from django.db import connection

from clusters.models import Cluster
from emulation.collation import vi_compare, vi_key
from emulation.demo import CLUSTER_1_UNITS, CLUSTER_2_UNITS
from tests.factories import UnitFactory, cluster_year_with_units
from tests.html import link_texts

NAMES_IN_ORDER = ["Ánh", "Âu", "Bình", "Đặng", "Hoàng"]
SHUFFLED = ["Hoàng", "Đặng", "Bình", "Âu", "Ánh"]
UNIT_LINK = r"/units/\d+/$"


def shuffled(items):
    return random.Random(2020).sample(items, len(items))


def test_the_alphabet_orders_base_letters_then_letter_marks():
    alphabet = list("aăâbcdđeêghiklmnoôơpqrstuưvxy")
    assert sorted(shuffled(alphabet), key=vi_key) == alphabet


def test_tones_are_a_second_key_after_the_letters():
    tones = ["ma", "mà", "mả", "mã", "má", "mạ"]
    assert sorted(shuffled(tones), key=vi_key) == tones
    assert sorted(["mạnh", "mai"], key=vi_key) == ["mai", "mạnh"]


def test_lower_case_comes_before_upper_case_of_the_same_word():
    assert sorted(["Đà", "đà"], key=vi_key) == ["đà", "Đà"]


def test_d_with_stroke_sorts_after_every_d():
    assert sorted(["Đa", "Dz", "Dương", "Da"], key=vi_key) == ["Da", "Dương", "Dz", "Đa"]


def test_the_comparison_is_what_sqlite_expects():
    assert (vi_compare("Âu", "Ánh"), vi_compare("Ánh", "Âu"), vi_compare("Âu", "Âu")) == (1, -1, 0)


def test_the_code_point_order_would_be_wrong():
    assert sorted(SHUFFLED) != NAMES_IN_ORDER
    assert sorted(SHUFFLED, key=vi_key) == NAMES_IN_ORDER


def test_the_unit_list_sorts_in_vietnamese_order(client_as, world):
    for name in SHUFFLED:
        UnitFactory(ministry=world.ministry, name=name)
    response = client_as("staff").get("/units/")
    names = [n for n in link_texts(response, UNIT_LINK) if n in NAMES_IN_ORDER]
    assert names == NAMES_IN_ORDER


def test_the_cluster_members_sort_in_vietnamese_order(client_as, world):
    units = [UnitFactory(ministry=world.ministry, name=name) for name in SHUFFLED]
    cluster_year_with_units(world.cluster, 2022, units)
    response = client_as("secretary").get(f"/clusters/{world.cluster.pk}/?year=2022")
    assert link_texts(response, UNIT_LINK) == NAMES_IN_ORDER


def test_the_database_and_python_agree_on_real_unit_names(world):
    names = [name for name, _, _ in CLUSTER_1_UNITS + CLUSTER_2_UNITS] + NAMES_IN_ORDER
    for name in shuffled(names):
        UnitFactory(ministry=world.other_ministry, name=name)
    stored = list(world.other_ministry.units.order_by("name").values_list("name", flat=True))
    assert stored == sorted(names, key=vi_key)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
def test_postgresql_columns_use_the_icu_vietnamese_collation(db):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT table_name, collation_name FROM information_schema.columns "
            "WHERE column_name = 'name' AND table_name IN "
            "('units_unit', 'clusters_cluster', 'emulation_ministry') ORDER BY table_name"
        )
        assert cursor.fetchall() == [
            ("clusters_cluster", "vi-x-icu"),
            ("emulation_ministry", "vi-x-icu"),
            ("units_unit", "vi-x-icu"),
        ]


def test_cluster_names_sort_in_vietnamese_order_too(world):
    for number, name in enumerate(SHUFFLED, start=10):
        Cluster.objects.create(ministry=world.other_ministry, number=number, name=name)
    stored = list(world.other_ministry.clusters.order_by("name").values_list("name", flat=True))
    assert stored == NAMES_IN_ORDER
