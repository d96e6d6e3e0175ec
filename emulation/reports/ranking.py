"""Totals and ranking from the cluster-agreed scores.

A small stand-in for the scoring feature's selector: capped groups count at most their
maximum, bonus points are capped at the bonus group's maximum, penalty points likewise and
are subtracted. Units with equal totals share a rank."""

from collections import defaultdict
from decimal import Decimal

from django.db.models import Q

from clusters.models import CriterionGroup, Score, ScoringTable

ZERO = Decimal("0")


def _tables_for(cluster_years):
    """Each cluster-year's scoring table: the cluster's own, else the ministry's for the year."""
    if not cluster_years:
        return {}
    tables = ScoringTable.objects.filter(
        Q(cluster_id__in={cy.cluster_id for cy in cluster_years}) | Q(cluster__isnull=True),
        ministry_id__in={cy.cluster.ministry_id for cy in cluster_years},
        year__in={cy.year for cy in cluster_years},
    )
    by_scope = {(t.ministry_id, t.year, t.cluster_id): t for t in tables}
    chosen = {}
    for cy in cluster_years:
        key = (cy.cluster.ministry_id, cy.year)
        table = by_scope.get((*key, cy.cluster_id)) or by_scope.get((*key, None))
        if table is not None:
            chosen[cy.pk] = table
    return chosen


def rankings_for(cluster_years, units_by_cluster_year):
    """``{cluster_year_pk: [row, …]}`` best first, each row a dict with the unit, the total,
    its rank and whether it ties; a cluster-year without table or agreed scores maps to []."""
    tables = _tables_for(cluster_years)
    groups = defaultdict(list)
    for group in CriterionGroup.objects.filter(table__in=set(tables.values())):
        groups[group.table_id].append(group)
    sums = defaultdict(lambda: ZERO)
    scored = set()
    rows = Score.objects.filter(
        cluster_year__in=list(tables), agreed_score__isnull=False
    ).values_list("cluster_year_id", "unit_id", "criterion__group_id", "agreed_score")
    for cluster_year_id, unit_id, group_id, points in rows:
        sums[cluster_year_id, unit_id, group_id] += points
        scored.add(cluster_year_id)
    result = {}
    for cy in cluster_years:
        table = tables.get(cy.pk)
        if table is None or cy.pk not in scored:
            result[cy.pk] = []
            continue
        totals = [
            (unit, _unit_total(groups[table.pk], sums, cy.pk, unit.pk))
            for unit in units_by_cluster_year.get(cy.pk, [])
        ]
        result[cy.pk] = _ranked(totals)
    return result


def _unit_total(groups, sums, cluster_year_id, unit_id):
    total = ZERO
    for group in groups:
        capped = min(sums[cluster_year_id, unit_id, group.pk], group.max_points)
        total += -capped if group.kind == CriterionGroup.Kind.PENALTY else capped
    return total


def _ranked(totals):
    totals.sort(key=lambda pair: -pair[1])
    counts = defaultdict(int)
    for _unit, total in totals:
        counts[total] += 1
    ranked, rank = [], 0
    for position, (unit, total) in enumerate(totals, start=1):
        if position == 1 or total != ranked[-1]["total"]:
            rank = position
        ranked.append({"unit": unit, "total": total, "rank": rank, "tie": counts[total] > 1})
    return ranked
