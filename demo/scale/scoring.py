"""The scoring tables (40 criteria per ministry-year) and every score of every member."""

from decimal import Decimal

from clusters.models import Criterion, CriterionGroup, Score, ScoringTable
from demo.scale import names
from demo.scale.plan import CRITERIA_PER_GROUP

CRITERION_POINTS = Decimal("2.50")


def scoring_tables(seed):
    p = seed.plan
    groups = p.criteria // CRITERIA_PER_GROUP
    tables = [(m, y, year) for m in range(p.ministries) for y, year in enumerate(p.year_range)]
    seed.insert(
        ScoringTable,
        ["id", "ministry_id", "year", "cluster_id", "name", "version"],
        (
            (seed.table[t], seed.ministry[m], year, None, f"Bảng chấm điểm năm {year}", 1)
            for t, (m, y, year) in enumerate(tables)
        ),
    )
    group_points = CRITERION_POINTS * CRITERIA_PER_GROUP
    seed.insert(
        CriterionGroup,
        ["id", "table_id", "code", "title", "kind", "max_points", "order"],
        (
            (
                seed.group[t * groups + g],
                seed.table[t],
                names.ROMAN[g % len(names.ROMAN)],
                names.GROUPS[g % len(names.GROUPS)],
                CriterionGroup.Kind.CAPPED,
                group_points,
                g + 1,
            )
            for t in range(len(tables))
            for g in range(groups)
        ),
    )
    seed.insert(
        Criterion,
        ["id", "group_id", "code", "text", "max_points", "evidence_required", "order"],
        (
            (
                seed.criterion[t * p.criteria + k],
                seed.group[t * groups + k // CRITERIA_PER_GROUP],
                f"{k // CRITERIA_PER_GROUP + 1}.{k % CRITERIA_PER_GROUP + 1}",
                f"Tiêu chí {k + 1} của nhóm {names.GROUPS[k // CRITERIA_PER_GROUP % 4]}",
                CRITERION_POINTS,
                False,  # no evidence files here: a required one would refuse every save
                k + 1,
            )
            for t in range(len(tables))
            for k in range(p.criteria)
        ),
    )


def scores(seed):
    p = seed.plan
    # Deterministic, varied points: a few quarter points off here and there.
    points = [str(CRITERION_POINTS - Decimal("0.25") * d) for d in range(5)]
    now = seed.now
    seed.insert(
        Score,
        [
            "cluster_year_id",
            "unit_id",
            "criterion_id",
            "self_score",
            "agreed_score",
            "comment",
            "version",
            "updated_at",
            "updated_by_id",
        ],
        (
            (
                seed.cluster_year[i],
                seed.unit_id(m, c, u),
                seed.criterion_id(m, y, k),
                points[0 if (u + k) % 3 else (u * 7 + k + y) % 5],
                points[0 if (u + k) % 3 else (u * 7 + k + y + 1) % 5],
                "",
                1,
                now,
                seed.secretary_id(m, c),
            )
            for m, c, y, year, i in seed.cells()
            for u in range(p.units)
            for k in range(p.criteria)
        ),
    )
