from decimal import Decimal

from awards.selectors import ranking_for, vote_shares_for
from clusters.models import Criterion, CriterionGroup, Score, ScoringTable
from tests.awards.conftest import close_vote


def _criterion(table, kind, max_points, code):
    group = CriterionGroup.objects.create(
        table=table, code=code, title=code, kind=kind, max_points=Decimal(max_points)
    )
    return Criterion.objects.create(group=group, code=code, text=code, max_points=max_points)


def test_ranking_caps_groups_adds_bonus_subtracts_penalty_and_shares_ties(world):
    table = ScoringTable.objects.create(ministry=world.ministry, year=2021, name="Bảng")
    capped = _criterion(table, CriterionGroup.Kind.CAPPED, 10, "I")
    bonus = _criterion(table, CriterionGroup.Kind.BONUS, 5, "B")
    penalty = _criterion(table, CriterionGroup.Kind.PENALTY, 5, "P")
    a, b, c = world.units
    rows = [
        (a, capped, 12),
        (a, bonus, 2),
        (b, capped, 9),
        (b, bonus, 3),
        (c, capped, 10),
        (c, penalty, 1),
    ]
    for unit, criterion, points in rows:
        Score.objects.create(
            cluster_year=world.cluster_year,
            unit=unit,
            criterion=criterion,
            agreed_score=Decimal(points),
        )
    assert ranking_for(cluster_year=world.cluster_year) == {
        a.pk: (Decimal(12), 1),  # 10 (capped) + 2
        b.pk: (Decimal(12), 1),  # tie
        c.pk: (Decimal(9), 3),  # 10 - 1
    }


def test_vote_shares_come_from_closed_votes_only(world):
    vote = close_vote(world.cluster_year, "co-thi-dua-bo", [world.units[0]], world.units[1:])
    assert vote_shares_for(cluster_year=world.cluster_year)[
        ("co-thi-dua-bo", world.units[0].pk)
    ] == Decimal("90.00")
    vote.state = "open"
    vote.save()
    assert vote_shares_for(cluster_year=world.cluster_year) == {}
