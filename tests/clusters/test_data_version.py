"""The data version of a year moves with every write to the year's records, so a cached page
can never show older data: every model with a path to a cluster-year, a ministry-year or a
ministry bumps on save and delete (found by walking the foreign keys here, so a new model is
caught), and every bulk write in the code is followed by an explicit bump."""

import ast
from collections import deque
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.db.models import ProtectedError, RestrictedError

from clusters.data_version import (
    cluster_year_token,
    clusters_token,
    ministries_token,
    ministry_year_token,
)
from clusters.data_version_signals import NOT_DATA
from clusters.models import ClusterYear
from documents.models import Paper
from emulation.data_version import BUMPERS
from emulation.errors import DomainError
from emulation.models import AwardTitle, EmulationYear, Ministry
from tests.clusters.evaluation.conftest import build_table
from tests.documents.factories import PaperFactory
from tests.factories import ClusterFactory, UnitFactory, cluster_year_with_units

ROOT = Path(__file__).resolve().parents[2]
YEARS = (ClusterYear, EmulationYear, Ministry)


def _belongs_to_a_year(model):
    """A path of at most four foreign keys from ``model`` to a cluster-year, a ministry-year
    or a ministry (walked here, independently of clusters.data_version_signals)."""
    queue, seen = deque([(model, 0)]), set()
    while queue:
        node, depth = queue.popleft()
        if node in YEARS:
            return True
        if depth == 4 or node in seen:
            continue
        seen.add(node)
        for field in node._meta.concrete_fields:
            if field.is_relation and field.related_model is not None:
                queue.append((field.related_model, depth + 1))
    return False


def test_every_model_of_a_year_is_connected_or_said_not_to_be_data():
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    forgotten = [
        model._meta.label_lower
        for model in apps.get_models()
        if model is not user_model
        and _belongs_to_a_year(model)
        and model not in BUMPERS
        and model._meta.label_lower not in NOT_DATA
    ]
    assert forgotten == []
    assert AwardTitle in BUMPERS  # the national catalogue: every ministry-year


def _versions():
    return {
        **{("cluster", pk): v for pk, v in ClusterYear.objects.values_list("pk", "data_version")},
        **{("year", pk): v for pk, v in EmulationYear.objects.values_list("pk", "data_version")},
    }


class _Undo(Exception):
    pass


def _moves(write):
    """Whether ``write`` moved a version; the write is rolled back."""
    try:
        with transaction.atomic():
            before = _versions()
            write()
            after = _versions()
            raise _Undo(any(after[pk] > version for pk, version in before.items() if pk in after))
    except _Undo as undo:
        return undo.args[0]


@pytest.fixture
def demo(db, settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=None)


@pytest.mark.timeout(300)
def test_saving_or_deleting_any_record_of_the_demo_bumps_a_version(demo):
    if not Paper.objects.exists():
        PaperFactory(cluster_year=ClusterYear.objects.first())
    missing, still = [], []
    for model in BUMPERS:
        instance = model._base_manager.order_by("pk").first()
        if instance is None:
            missing.append(model._meta.label_lower)
            continue
        if not _moves(instance.save):
            still.append(f"{model._meta.label_lower}.save")
        try:
            if not _moves(instance.delete):
                still.append(f"{model._meta.label_lower}.delete")
        except (ProtectedError, RestrictedError, DomainError):
            pass  # a record others depend on (a line whose report was numbered) stays
    assert still == []
    assert missing == []  # a new kind of record: give the demo one (or make one above)


@pytest.fixture
def years(world):
    """The world's cluster in 2020, 2021 and 2022."""
    return [
        cluster_year_with_units(world.cluster, year, world.units) for year in (2020, 2021, 2022)
    ]


def test_a_score_bumps_its_own_year_and_the_neighbours_tokens(world, years):
    from clusters.models import Score

    previous, cy, following = years
    criterion = build_table(world.ministry, 2020).groups.get().criteria.first()
    tokens = {c.pk: cluster_year_token(c) for c in years}
    other = cluster_year_token(world.other_cluster_year)
    version = ClusterYear.objects.get(pk=cy.pk).data_version
    Score.objects.create(cluster_year=previous, unit=world.units[0], criterion=criterion)
    assert ClusterYear.objects.get(pk=cy.pk).data_version == version
    # Last year's scores are on this year's ranking ("compared with last year").
    assert cluster_year_token(cy) != tokens[cy.pk]
    assert cluster_year_token(previous) != tokens[previous.pk]
    assert cluster_year_token(following) == tokens[following.pk]  # two years away
    assert cluster_year_token(world.other_cluster_year) == other


def test_a_scoring_table_bumps_its_ministry_year_and_a_unit_every_year(world, years):
    cy = world.cluster_year
    before = cluster_year_token(cy)
    ministry = ministry_year_token(ministry_id=world.ministry.pk, year=world.year)
    build_table(world.ministry, world.year)
    assert cluster_year_token(cy) != before
    assert ministry_year_token(ministry_id=world.ministry.pk, year=world.year) != ministry
    versions = dict(EmulationYear.objects.values_list("year", "data_version"))
    world.units[0].save()
    assert all(
        version > versions[year]
        for year, version in EmulationYear.objects.values_list("year", "data_version")
    )


def test_the_ministry_token_counts_its_cluster_years(world):
    token = ministry_year_token(ministry_id=world.ministry.pk, year=world.year)
    cluster_year_with_units(ClusterFactory(ministry=world.ministry, number=9), world.year, [])
    assert ministry_year_token(ministry_id=world.ministry.pk, year=world.year) != token
    token = ministry_year_token(ministry_id=world.ministry.pk, year=world.year)
    world.other_cluster_year.memberships.first().delete()
    assert ministry_year_token(ministry_id=world.ministry.pk, year=world.year) != token
    assert ministry_year_token(ministry_id=world.ministry.pk, year=1999).endswith(":-")


def test_the_clusters_token_moves_with_their_years_and_their_ministry_only(world):
    ours = {world.cluster.pk}
    token = clusters_token(ours)
    world.other_cluster_year.memberships.first().delete()  # another cluster's year
    assert clusters_token(ours) == token
    world.cluster_year.memberships.first().delete()
    assert clusters_token(ours) != token
    token = clusters_token(ours)
    cluster = world.other_cluster
    cluster.name = "Cụm khác đổi tên"
    cluster.save()  # a record of no year: every year of the ministry, ours too
    assert clusters_token(ours) != token
    token = clusters_token(ours)
    cluster_year_with_units(world.cluster, 2020, [])
    assert clusters_token(ours) != token
    assert clusters_token({ClusterFactory(ministry=world.ministry, number=8).pk}) is None
    assert clusters_token(set()) is None


def test_removing_a_cluster_year_moves_its_ministry_s_token(world):
    token = ministries_token([world.ministry.pk])
    extra = cluster_year_with_units(ClusterFactory(ministry=world.ministry, number=8), 2021, [])
    with_extra = ministries_token([world.ministry.pk])
    assert with_extra != token
    extra.delete()
    assert ministries_token([world.ministry.pk]) not in (token, with_extra)


def test_linking_units_to_a_year_bumps_it(world):
    cy = world.cluster_year
    unit = UnitFactory(ministry=world.ministry)
    version = ClusterYear.objects.get(pk=cy.pk).data_version
    cy.units.add(unit)
    assert ClusterYear.objects.get(pk=cy.pk).data_version == version + 1
    unit.cluster_years.clear()
    assert ClusterYear.objects.get(pk=cy.pk).data_version > version + 1


# Bulk writes send no signal: the function that makes one bumps itself. These write no year's
# data, or are followed by the bump of their caller.
BULK_WITHOUT_BUMP = {
    "emulation/concurrency.py": "claim_version: the caller then saves the record (a signal)",
    "emulation/imports/services.py": "ImportBatch's progress (not data); the commit bumps",
    "units/sheets/common.py": "a sheet committed by emulation.imports, which bumps the ministry",
    "units/sheets/records.py": "likewise",
    "units/sheets/yearly.py": "likewise",
    "clusters/sheets.py": "likewise",
    # One function of a file: its every caller bumps after it.
    "clusters/evaluation/tables.py:_add_levels": "add_structure and scoring_table_update bump",
}
APPS = ["accounts", "awards", "clusters", "units", "emulation", "documents", "portal"]
QUERYSET_CALLS = {"filter", "exclude", "all", "select_for_update", "objects"}


def _is_bulk_write(call):
    if not isinstance(call.func, ast.Attribute):
        return False
    if call.func.attr in ("bulk_create", "bulk_update"):
        return True
    if call.func.attr != "update":
        return False
    names = {
        node.attr if isinstance(node, ast.Attribute) else getattr(node, "id", "")
        for node in ast.walk(call.func.value)
    }
    return bool(names & QUERYSET_CALLS)


def _bulk_writes_without_bump():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            relative = str(path.relative_to(ROOT))
            if "migrations" in path.parts or path.name == "demo.py" or "data_version" in relative:
                continue
            if relative in BULK_WITHOUT_BUMP:
                continue
            for function in ast.walk(ast.parse(path.read_text())):
                if not isinstance(function, ast.FunctionDef):
                    continue
                calls = [node for node in ast.walk(function) if isinstance(node, ast.Call)]
                bumps = any(
                    (getattr(c.func, "id", "") or getattr(c.func, "attr", "")).startswith("bump_")
                    for c in calls
                )
                where = f"{relative}:{function.name}"
                if (
                    any(_is_bulk_write(c) for c in calls)
                    and not bumps
                    and where not in BULK_WITHOUT_BUMP
                ):
                    yield where


def test_every_bulk_write_of_a_year_is_followed_by_a_bump():
    assert list(_bulk_writes_without_bump()) == []


def test_saving_a_year_read_before_a_bump_does_not_set_its_counter_back(world):
    """A year's ``save()`` leaves ``data_version`` to the bumps: an instance read before a
    bump (another request's write) would otherwise write the old counter back, and the next
    bump would give out a version already cached for older data."""
    stale_year = EmulationYear.objects.get(pk=world.cluster_year.emulation_year_id)
    stale_cluster_year = ClusterYear.objects.get(pk=world.cluster_year.pk)
    UnitFactory(ministry=world.ministry).save()  # bumps every year of the ministry
    ClusterYear.objects.filter(pk=world.cluster_year.pk).update(data_version=7)
    bumped_year = EmulationYear.objects.get(pk=stale_year.pk).data_version
    stale_year.movement = "Phong trào đã sửa"
    stale_year.save()
    stale_cluster_year.save()
    assert EmulationYear.objects.get(pk=stale_year.pk).data_version > bumped_year
    assert EmulationYear.objects.get(pk=stale_year.pk).movement == "Phong trào đã sửa"
    assert ClusterYear.objects.get(pk=world.cluster_year.pk).data_version > 7
