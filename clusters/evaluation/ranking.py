"""THE ranking of a cluster-year: the only place units are ranked. The ranking page, the
cluster page, the minutes, the proposal lines (``awards.services.proposals``) and the
year-end report (``documents.reports.data``, PDF) all read it from here.

Derived from the agreed scores (never stored, so it is frozen exactly when the scores are):

    total = Σ min(group sum, group max) over capped groups
            + min(bonus sum, bonus cap) − min(penalty sum, penalty cap)

Bonus and penalty points are kept apart from the capped total (docs/domain.md §3.3): a unit whose
capped groups are full still gains its bonus, so its total may exceed the sum of the capped
groups' maxima. Each group, bonus and penalty included, counts at most its own maximum.

A unit with no agreed score is *unscored*: listed after the ranked units, with no rank and
no total, never ranked with 0. Ranks are competition ranks ("1, 1, 3"): tied units share a
rank and are marked as tied (listed by name within the tie)."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import F, Sum

from clusters.models import ClusterYear, CriterionGroup, Score, TitleRegistration
from clusters.selectors import member_units_of
from emulation.collation import vi_key

Kind = CriterionGroup.Kind
ZERO = Decimal(0)


@dataclass
class RankRow:
    unit: object
    capped: Decimal = ZERO
    bonus: Decimal = ZERO
    penalty: Decimal = ZERO
    group_totals: dict = field(default_factory=dict)
    scored: bool = False
    rank: int | None = None
    tied: bool = False
    previous: Decimal | None = None
    registered: bool = True

    @property
    def total(self):
        return self.capped + self.bonus - self.penalty

    @property
    def difference(self):
        return None if self.previous is None else self.total - self.previous


def totals_from_scores(groups, scores):
    """groups: {group_id: (kind, max)}; scores: iterable of (unit_id, group_id, points).

    Returns {unit_id: (capped, bonus, penalty, {group_id: capped group total})}."""
    sums = defaultdict(lambda: defaultdict(lambda: ZERO))
    for unit_id, group_id, points in scores:
        if points is not None:
            sums[unit_id][group_id] += points
    result = {}
    for unit_id, by_group in sums.items():
        capped, bonus, penalty, per_group = ZERO, ZERO, ZERO, {}
        for group_id, total in by_group.items():
            kind, maximum = groups[group_id]
            value = min(total, maximum)
            per_group[group_id] = value
            if kind == Kind.BONUS:
                bonus += value
            elif kind == Kind.PENALTY:
                penalty += value
            else:
                capped += value
        result[unit_id] = (capped, bonus, penalty, per_group)
    return result


def assign_ranks(rows):
    """Competition ranking on total, highest first; unscored units get no rank."""
    scored = sorted((r for r in rows if r.scored), key=lambda r: (-r.total, vi_key(r.unit.name)))
    for index, row in enumerate(scored):
        if index and row.total == scored[index - 1].total:
            row.rank = scored[index - 1].rank
        else:
            row.rank = index + 1
    counts = defaultdict(int)
    for row in scored:
        counts[row.rank] += 1
    for row in scored:
        row.tied = counts[row.rank] > 1
    return scored + sorted((r for r in rows if not r.scored), key=lambda r: vi_key(r.unit.name))


def _unit_totals(cluster_year_ids):
    """``{cluster_year_id: totals_from_scores(…)}``, summed by the database per unit and
    group (40 rows for a 10 x 40 grid, not 400); one query for any number of years."""
    rows = (
        Score.objects.filter(cluster_year_id__in=cluster_year_ids)
        .values_list("cluster_year_id", "unit_id", "criterion__group_id")
        .annotate(
            points=Sum("agreed_score"),
            kind=F("criterion__group__kind"),
            maximum=F("criterion__group__max_points"),
        )
        .order_by()
    )
    groups, scores = {}, defaultdict(list)
    for cluster_year_id, unit_id, group_id, points, kind, maximum in rows:
        groups[group_id] = (kind, maximum)
        scores[cluster_year_id].append((unit_id, group_id, points))
    return {pk: totals_from_scores(groups, scores[pk]) for pk in cluster_year_ids}


def cluster_years_ranking(*, cluster_years):
    """``{cluster_year.pk: rows}`` for several cluster-years (the ministry's report) in a
    fixed number of queries, whatever the number of clusters and units. Each list is in rank
    order: ranked units first, then the unscored ones by name."""
    cluster_years = list(cluster_years)
    if not cluster_years:
        return {}
    ids = [cy.pk for cy in cluster_years]
    members = member_units_of(cluster_years)
    previous_years = {
        (cluster_id, year): pk
        for pk, cluster_id, year in ClusterYear.objects.filter(
            cluster_id__in={cy.cluster_id for cy in cluster_years},
            year__in={cy.year - 1 for cy in cluster_years},
        ).values_list("pk", "cluster_id", "year")
    }
    totals = _unit_totals(ids + list(previous_years.values()))
    registered = set(
        TitleRegistration.objects.filter(pledge__cluster_year_id__in=ids).values_list(
            "pledge__cluster_year_id", "unit_id"
        )
    )
    result = {}
    for cy in cluster_years:
        current = totals[cy.pk]
        previous_pk = previous_years.get((cy.cluster_id, cy.year - 1))
        previous = totals[previous_pk] if previous_pk else {}
        rows = []
        for unit in members[cy.pk]:
            row = RankRow(unit=unit, registered=(cy.pk, unit.pk) in registered)
            if unit.pk in current:
                row.capped, row.bonus, row.penalty, row.group_totals = current[unit.pk]
                row.scored = True
            if unit.pk in previous:
                capped, bonus, penalty, _groups = previous[unit.pk]
                row.previous = capped + bonus - penalty
            rows.append(row)
        result[cy.pk] = assign_ranks(rows)
    return result


def cluster_year_ranking(*, cluster_year):
    """Rows in rank order, each with totals, difference from last year and whether the
    unit registered a title in its pledge. A fixed number of queries."""
    return cluster_years_ranking(cluster_years=[cluster_year])[cluster_year.pk]


def ranking_by_unit(rows):
    """``{unit_id: row}`` of a ranking, for the proposal lines."""
    return {row.unit.pk: row for row in rows}


@dataclass
class Bar:
    label: str  # the short name where there is one, for the page
    name: str  # the full name, for the official report
    value: Decimal
    y: int
    width: int
    rank: int | None
    percent: float = 0.0  # of the top total: the bar's length in a chart that scales


def ranking_chart(rows, *, width=640, bar_height=22, gap=8, label_width=230):
    """Geometry for a horizontal SVG bar chart of totals (drawn by the template): the
    page's chart (bars as ``percent`` of the top total) and the year-end report's (an SVG of
    ``width`` with a column of labels, bars and their values)."""
    scored = [r for r in rows if r.scored]
    top = max((r.total for r in scored), default=ZERO)
    plot = width - label_width - 60
    bars = []
    for index, row in enumerate(scored):
        share = (max(row.total, ZERO) / top) if top > 0 else ZERO
        bars.append(
            Bar(
                label=row.unit.short_name or row.unit.name,
                name=row.unit.name,
                value=row.total,
                y=index * (bar_height + gap),
                width=int(share * plot),
                rank=row.rank,
                percent=round(float(share) * 100, 1),
            )
        )
    return {
        "bars": bars,
        "width": width,
        "height": max(len(bars) * (bar_height + gap), bar_height),
        "bar_height": bar_height,
        "label_width": label_width,
        "text_dy": bar_height // 2 + 4,
    }
