"""The grid page and a full grid save cost the same number of queries at 3 × 5 and 10 × 40.

On PostgreSQL a full save is one INSERT (or one UPDATE) whatever the size. SQLite caps a
statement at 999 parameters, so Django splits the same bulk statement into batches there;
the bound below adds exactly those extra batches and nothing else."""

import datetime

import pytest
from django.db import connection
from django.urls import reverse

from clusters.evaluation.minutes import minutes_save
from clusters.evaluation.scores import grid_layout
from clusters.evaluation.votes import vote_close, vote_create, vote_record_counts
from clusters.models import Score, ScoringTable
from emulation.models import AwardTitle
from tests.clusters.evaluation.conftest import grid_world

SIZES = [(3, 5), (10, 40)]
# 17, 3 for the audit entry's place in the chain, 1 for the year's row lock, 2 for the
# year's data version (bumped after the bulk write, and by the audit entry before the chain's
# lock: clusters.data_version); on PostgreSQL one more: the advisory lock that orders the
# chain's appends (emulation.audit).
CHAIN_LOCK = 1 if connection.vendor == "postgresql" else 0
SAVE_QUERIES = 23 + CHAIN_LOCK


def extra_batches(rows, fields):
    """Statements beyond the first that the database needs for one bulk write of ``rows``."""
    size = connection.ops.bulk_batch_size([None] * fields, [None] * rows) or rows
    return -(-rows // size) - 1


def full_grid_post(cluster_year):
    layout = grid_layout(cluster_year=cluster_year)
    data = {}
    for unit in layout.units:
        for criterion in layout.criteria.values():
            prefix = f"c-{unit.pk}-{criterion.pk}"
            data.update(
                {
                    f"{prefix}-self": "4",
                    f"{prefix}-agreed": "3,5",
                    f"{prefix}-comment": "",
                    f"{prefix}-v": "0",
                }
            )
    return data


@pytest.mark.parametrize(("units", "criteria"), SIZES)
def test_grid_page_queries_do_not_grow_with_the_grid(
    client_as, world, units, criteria, django_assert_max_num_queries
):
    cluster_year, _members = grid_world(world, units, criteria)
    client = client_as("secretary")
    page = reverse("clusters:scores", args=[world.cluster.pk, 2022])
    client.post(page, full_grid_post(cluster_year))
    with django_assert_max_num_queries(14):
        response = client.get(page)
    assert response.content.decode().count('data-field="agreed"') == units * criteria


@pytest.mark.parametrize(("units", "criteria"), SIZES)
def test_saving_the_full_grid_takes_one_request_and_bounded_queries(
    client_as, world, units, criteria, django_assert_max_num_queries
):
    cluster_year, _members = grid_world(world, units, criteria)
    client = client_as("secretary")
    client.get("/")  # the session and the user are loaded once
    page = reverse("clusters:scores", args=[world.cluster.pk, 2022])
    data = full_grid_post(cluster_year)
    cells = units * criteria
    with django_assert_max_num_queries(SAVE_QUERIES + extra_batches(cells, 9)):
        response = client.post(page, data)
    assert response.status_code == 302
    assert Score.objects.filter(cluster_year=cluster_year, agreed_score="3.5").count() == (
        units * criteria
    )
    for key in data:
        if key.endswith("-agreed"):
            data[key] = "4"
        if key.endswith("-v"):
            data[key] = "1"  # the version each cell now has
    with django_assert_max_num_queries(SAVE_QUERIES + extra_batches(cells, 18)):
        assert client.post(page, data).status_code == 302
    assert Score.objects.filter(cluster_year=cluster_year, agreed_score=4).count() == (
        units * criteria
    )


@pytest.mark.parametrize(("units", "criteria"), SIZES)
def test_ranking_and_cluster_page_queries_do_not_grow(
    client_as, world, units, criteria, django_assert_max_num_queries
):
    cluster_year, _members = grid_world(world, units, criteria)
    client = client_as("leader")
    client_as("secretary").post(
        reverse("clusters:scores", args=[world.cluster.pk, 2022]), full_grid_post(cluster_year)
    )
    with django_assert_max_num_queries(12):
        response = client.get(reverse("clusters:ranking", args=[world.cluster.pk, 2022]))
    assert response.status_code == 200
    with django_assert_max_num_queries(25):
        response = client.get(reverse("clusters:detail", args=[world.cluster.pk]) + "?year=2022")
    assert response.content.decode().count('<rect class="chart-bar"') == units


def _close_vote_and_write_minutes(world, cluster_year, members):
    title = AwardTitle.objects.get(regime=cluster_year.emulation_year.regime, code="co-thi-dua-bo")
    vote = vote_create(actor=world.users.secretary, cluster_year=cluster_year, award_title=title)
    vote.cluster_year = cluster_year
    n = len(members)
    vote = vote_record_counts(
        actor=world.users.secretary,
        vote=vote,
        expected_version=vote.version,
        voters_entitled=n,
        ballots_cast=n,
        valid_ballots=n,
        quota=1,
        votes={members[0].pk: n - 1},
    )
    vote_close(actor=world.users.secretary, vote=vote, expected_version=vote.version)
    minutes_save(
        actor=world.users.secretary,
        cluster_year=cluster_year,
        expected_version=None,
        data={
            "held_on": datetime.date(2022, 12, 14),
            "place": "Hà Nội",
            "chair_name": "A",
            "chair_position": "",
            "secretary_name": "B",
            "agenda": "",
        },
        attendance={u.pk: (True, "Đại diện", "") for u in members},
    )
    return vote


@pytest.mark.parametrize(("units", "criteria"), SIZES)
def test_vote_minutes_and_table_pages_queries_do_not_grow(
    client_as, world, units, criteria, django_assert_max_num_queries
):
    cluster_year, members = grid_world(world, units, criteria)
    client_as("secretary").post(
        reverse("clusters:scores", args=[world.cluster.pk, 2022]), full_grid_post(cluster_year)
    )
    vote = _close_vote_and_write_minutes(world, cluster_year, members)
    client = client_as("staff")
    args = [world.cluster.pk, 2022]
    with django_assert_max_num_queries(12):
        assert client.get(reverse("clusters:vote", args=[*args, vote.pk])).status_code == 200
    with django_assert_max_num_queries(18):
        response = client.get(reverse("clusters:minutes", args=args))
    assert response.content.decode().count("Đại diện") == units
    table = ScoringTable.objects.get(year=2022)
    with django_assert_max_num_queries(14):
        response = client.get(reverse("clusters:scoring_table", args=[table.pk]))
    assert response.status_code == 200


@pytest.mark.parametrize(("units", "criteria"), SIZES)
def test_a_pasted_block_is_one_request_with_bounded_queries(
    client_as, world, units, criteria, django_assert_max_num_queries
):
    cluster_year, _members = grid_world(world, units, criteria)
    client = client_as("secretary")
    client.get("/")
    url = reverse("clusters:score_cells", args=[world.cluster.pk, 2022])
    cells = units * criteria
    # the save, and around it: the layout, a savepoint, the versions answered per cell
    with django_assert_max_num_queries(SAVE_QUERIES + 10 + extra_batches(cells, 9)):
        response = client.post(url, full_grid_post(cluster_year))
    assert response.content.decode().count('class="cell-saved') == cells
    assert Score.objects.filter(cluster_year=cluster_year, agreed_score="3.5").count() == cells
