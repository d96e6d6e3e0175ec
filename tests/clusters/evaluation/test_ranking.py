from decimal import Decimal
from types import SimpleNamespace

from clusters.evaluation.ranking import (
    RankRow,
    assign_ranks,
    cluster_year_ranking,
    ranking_chart,
    totals_from_scores,
)
from clusters.models import CriterionGroup, Pledge, TitleRegistration
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
