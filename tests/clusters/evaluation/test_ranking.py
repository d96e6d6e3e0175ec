from decimal import Decimal
from types import SimpleNamespace

import pytest

from clusters.evaluation.ranking import (
    RankRow,
    assign_ranks,
    cluster_year_ranking,
    ranking_chart,
    totals_from_scores,
)
from clusters.models import (
    Criterion,
    CriterionGroup,
    Pledge,
    ScoringTable,
    TitleRegistration,
)
from emulation.models import AwardTitle
from tests.clusters.evaluation.conftest import D, build_table
from tests.factories import cluster_year_with_units

Kind = CriterionGroup.Kind


def test_total_caps_each_group_then_adds_capped_bonus_and_subtracts_capped_penalty():
    groups = {
        1: (Kind.CAPPED, D(10)),
        2: (Kind.CAPPED, D(5)),
        3: (Kind.BONUS, D(3)),
        4: (Kind.PENALTY, D(2)),
    }
    scores = [
        (7, 1, D(6)),
        (7, 1, D(6)),
        (7, 2, D(4)),
        (7, 3, D(2)),
        (7, 3, D(2)),
        (7, 4, D(3)),
        (7, 2, None),
    ]
    capped, bonus, penalty, per_group = totals_from_scores(groups, scores)[7]
    assert (capped, bonus, penalty) == (D(14), D(3), D(2))
    assert per_group == {1: D(10), 2: D(4), 3: D(3), 4: D(2)}


def row(name, total):
    return RankRow(unit=SimpleNamespace(name=name, short_name=""), capped=D(total), scored=True)


def test_ties_share_a_rank_and_the_next_rank_skips():
    rows = assign_ranks(
        [
            row("A", 90),
            row("B", 95),
            row("C", 90),
            row("D", 80),
            RankRow(unit=SimpleNamespace(name="E", short_name="")),
        ]
    )
    assert [(r.unit.name, r.rank, r.tied) for r in rows] == [
        ("B", 1, False),
        ("A", 2, True),
        ("C", 2, True),
        ("D", 4, False),
        ("E", None, False),
    ]


def test_ranking_uses_agreed_scores_shows_last_year_and_flags_units_without_registration(
    world, table, save
):
    a, b, c = world.units
    save(
        {
            (a, table.c["c1"]): (6, 5),
            (a, table.c["b1"]): (2, 2),
            (a, table.c["b2"]): (2, 2),
            (b, table.c["c1"]): (6, 6),
            (b, table.c["p1"]): (0, 3),
            (c, table.c["c1"]): (6, 6),
        }
    )
    last_year = cluster_year_with_units(world.cluster, world.year - 1, world.units)
    old = build_table(world.ministry, world.year - 1, criteria=1)
    save({(a, old.groups.get().criteria.get()): (4, 4)}, cluster_year=last_year)
    pledge = Pledge.objects.create(cluster_year=world.cluster_year)
    title = AwardTitle.objects.filter(regime=world.cluster_year.emulation_year.regime).first()
    TitleRegistration.objects.create(pledge=pledge, unit=a, award_title=title)

    rows = cluster_year_ranking(cluster_year=world.cluster_year)

    assert [(r.unit, r.rank, r.tied, r.total, r.difference, r.registered) for r in rows] == [
        (a, 1, False, D(8), D(4), True),  # 5 + min(4, 3)
        (c, 2, False, D(6), None, False),
        (b, 3, False, D(4), None, False),  # 6 − min(3, 2)
    ]


def test_chart_bars_are_proportional_to_totals():
    rows = assign_ranks([row("A", 100), row("B", 50)])
    chart = ranking_chart(rows, width=500, label_width=100)
    assert [(b.label, b.width, b.y, b.rank) for b in chart["bars"]] == [
        ("A", 340, 0, 1),
        ("B", 170, 30, 2),
    ]
    assert chart["height"] == 60
    assert Decimal(chart["bars"][0].value) == D(100)


# Boundaries of the one ranking: each group counts at most its maximum, at, below and above.
GROUPS = {1: (Kind.CAPPED, D(10)), 2: (Kind.BONUS, D(3)), 3: (Kind.PENALTY, D(2))}


@pytest.mark.parametrize(
    ("points", "counted"),
    [(D("9.99"), D("9.99")), (D(10), D(10)), (D("10.01"), D(10))],
)
def test_a_capped_group_counts_its_points_up_to_its_maximum(points, counted):
    capped, bonus, penalty, per_group = totals_from_scores(GROUPS, [(1, 1, points)])[1]
    assert (capped, bonus, penalty, per_group) == (counted, D(0), D(0), {1: counted})


@pytest.mark.parametrize(
    ("points", "counted"), [(D("2.99"), D("2.99")), (D(3), D(3)), (D("3.01"), D(3))]
)
def test_bonus_counts_up_to_its_own_cap_and_adds_beyond_a_full_capped_total(points, counted):
    capped, bonus, penalty, _groups = totals_from_scores(GROUPS, [(1, 1, D(12)), (1, 2, points)])[1]
    assert (capped, bonus, penalty) == (D(10), counted, D(0))
    row = RankRow(unit=None, capped=capped, bonus=bonus, penalty=penalty)
    assert row.total == D(10) + counted  # above the capped groups' maximum of 10


@pytest.mark.parametrize(
    ("points", "counted"), [(D("1.99"), D("1.99")), (D(2), D(2)), (D("2.01"), D(2))]
)
def test_penalty_subtracts_up_to_its_own_cap(points, counted):
    capped, bonus, penalty, _groups = totals_from_scores(GROUPS, [(1, 1, D(8)), (1, 3, points)])[1]
    assert (capped, bonus, penalty) == (D(8), D(0), counted)
    assert RankRow(unit=None, capped=capped, penalty=penalty).total == D(8) - counted


def test_a_unit_with_only_empty_cells_is_not_scored():
    assert totals_from_scores(GROUPS, [(1, 1, None), (2, 1, D(0))]) == {
        2: (D(0), D(0), D(0), {1: D(0)})
    }


def test_a_unit_scored_zero_is_ranked_but_an_unscored_unit_is_not():
    rows = assign_ranks(
        [
            RankRow(unit=SimpleNamespace(name="Z", short_name="")),
            row("A", 0),
            row("B", 1),
        ]
    )
    assert [(r.unit.name, r.rank, r.tied, r.scored) for r in rows] == [
        ("B", 1, False, True),
        ("A", 2, False, True),
        ("Z", None, False, False),
    ]


def test_totals_differing_by_one_hundredth_are_not_tied():
    rows = assign_ranks([row("A", D("90.00")), row("B", D("90.01")), row("C", D("90.01"))])
    assert [(r.unit.name, r.rank, r.tied) for r in rows] == [
        ("B", 1, True),
        ("C", 1, True),
        ("A", 3, False),
    ]


def test_tied_units_are_listed_by_vietnamese_name_and_unscored_units_too():
    rows = assign_ranks(
        [
            row("Đức", 5),
            row("Ánh", 5),
            RankRow(unit=SimpleNamespace(name="Ông", short_name="")),
            RankRow(unit=SimpleNamespace(name="Bình", short_name="")),
        ]
    )
    assert [(r.unit.name, r.rank, r.tied) for r in rows] == [
        ("Ánh", 1, True),
        ("Đức", 1, True),
        ("Bình", None, False),
        ("Ông", None, False),
    ]


def test_several_cluster_years_are_ranked_in_the_same_number_of_queries(
    world, table, save, django_assert_num_queries
):
    from clusters.evaluation.ranking import cluster_years_ranking

    a, b, c = world.units
    save({(a, table.c["c1"]): (6, 6), (b, table.c["c1"]): (6, 6)})
    other = build_table(world.ministry, world.year, cluster=world.other_cluster, criteria=1)
    x = world.other_units[0]
    save(
        {(x, other.groups.get().criteria.get()): (4, 4)},
        cluster_year=world.other_cluster_year,
        actor=world.users.staff,
    )
    with django_assert_num_queries(4):
        rankings = cluster_years_ranking(
            cluster_years=[world.cluster_year, world.other_cluster_year]
        )
    assert [(r.unit, r.rank, r.tied, r.scored) for r in rankings[world.cluster_year.pk]] == [
        (a, 1, True, True),
        (b, 1, True, True),
        (c, None, False, False),
    ]
    first = rankings[world.other_cluster_year.pk][0]
    assert (first.unit, first.rank, first.total) == (x, 1, D(4))
    with django_assert_num_queries(0):
        assert cluster_years_ranking(cluster_years=[]) == {}


def test_several_bonus_and_penalty_groups_each_count_up_to_their_own_cap():
    groups = {
        1: (Kind.CAPPED, D(10)),
        2: (Kind.BONUS, D(2)),
        3: (Kind.BONUS, D(1)),
        4: (Kind.PENALTY, D(2)),
        5: (Kind.PENALTY, D(1)),
    }
    scores = [(1, 1, D(8)), (1, 2, D(3)), (1, 3, D(1)), (1, 4, D(1)), (1, 5, D(5))]
    capped, bonus, penalty, per_group = totals_from_scores(groups, scores)[1]
    assert (capped, bonus, penalty) == (D(8), D(3), D(2))
    assert per_group == {1: D(8), 2: D(2), 3: D(1), 4: D(1), 5: D(1)}


def test_last_years_total_counts_its_bonus_and_subtracts_its_penalty(world, table, save):
    a = world.units[0]
    save({(a, table.c["c1"]): (6, 6)})
    last_year = cluster_year_with_units(world.cluster, world.year - 1, world.units)
    old = ScoringTable.objects.create(ministry=world.ministry, year=world.year - 1, name="Cũ")
    groups = {
        kind: CriterionGroup.objects.create(
            table=old, code=code, title=code, kind=kind, max_points=D(10), order=order
        )
        for order, (code, kind) in enumerate(
            [("I", Kind.CAPPED), ("IV", Kind.BONUS), ("V", Kind.PENALTY)]
        )
    }
    criteria = {
        kind: Criterion.objects.create(group=group, code="1", text=kind, max_points=D(5))
        for kind, group in groups.items()
    }
    save(
        {
            (a, criteria[Kind.CAPPED]): (4, 4),
            (a, criteria[Kind.BONUS]): (2, 2),
            (a, criteria[Kind.PENALTY]): (1, 1),
        },
        cluster_year=last_year,
    )

    first = cluster_year_ranking(cluster_year=world.cluster_year)[0]

    assert (first.unit, first.total, first.previous, first.difference) == (a, D(6), D(5), D(1))
    # 4 + 2 − 1 last year


def test_last_year_is_that_of_the_same_cluster(world, table, save):
    a = world.units[0]
    save({(a, table.c["c1"]): (6, 6)})
    # the other cluster's last year, with a unit of this cluster scored in it
    elsewhere = cluster_year_with_units(world.other_cluster, world.year - 1, [a])
    old = build_table(world.ministry, world.year - 1, criteria=1)
    save(
        {(a, old.groups.get().criteria.get()): (4, 4)},
        cluster_year=elsewhere,
        actor=world.users.staff,
    )
    assert cluster_year_ranking(cluster_year=world.cluster_year)[0].previous is None


# The chart: bars in rank order, each as long as its share of the top total.


def test_chart_with_its_default_geometry():
    rows = assign_ranks([row("A", 90), row("B", 30), row("C", 60)])
    chart = ranking_chart(rows)
    assert [(b.label, b.value, b.y, b.width, b.rank, b.percent) for b in chart["bars"]] == [
        ("A", D(90), 0, 350, 1, 100.0),  # 640 − 230 − 60
        ("C", D(60), 30, 233, 2, 66.7),
        ("B", D(30), 60, 116, 3, 33.3),
    ]
    assert {k: v for k, v in chart.items() if k != "bars"} == {
        "width": 640,
        "height": 90,
        "bar_height": 22,
        "label_width": 230,
        "text_dy": 15,
    }


def test_chart_labels_use_the_short_name_when_there_is_one():
    rows = [
        RankRow(unit=SimpleNamespace(name="Trường Đại học Luật", short_name="ĐH Luật"), scored=True)
    ]
    assert [b.label for b in ranking_chart(assign_ranks(rows))["bars"]] == ["ĐH Luật"]


def test_chart_of_a_top_total_of_one_point():
    rows = assign_ranks([row("A", 1), row("B", D("0.5"))])
    bars = ranking_chart(rows, width=390, label_width=230)["bars"]  # a plot of 100
    assert [(b.width, b.percent) for b in bars] == [(100, 100.0), (50, 50.0)]


@pytest.mark.parametrize("top", [D(0), D(-1)])
def test_chart_with_no_positive_total_draws_empty_bars(top):
    rows = assign_ranks([row("A", top), row("B", top - 1)])
    bars = ranking_chart(rows)["bars"]
    assert [(b.label, b.value, b.width, b.percent) for b in bars] == [
        ("A", top, 0, 0.0),
        ("B", top - 1, 0, 0.0),
    ]


def test_a_negative_total_draws_an_empty_bar_beside_a_positive_one():
    bars = ranking_chart(assign_ranks([row("A", 10), row("B", -2)]))["bars"]
    assert [(b.width, b.percent) for b in bars] == [(350, 100.0), (0, 0.0)]


def test_chart_without_a_scored_unit_has_no_bars_and_one_bars_height():
    rows = assign_ranks([RankRow(unit=SimpleNamespace(name="A", short_name=""))])
    chart = ranking_chart(rows, bar_height=21)
    assert (chart["bars"], chart["height"], chart["text_dy"]) == ([], 21, 14)
    assert isinstance(chart["text_dy"], int)  # an SVG offset in whole pixels
