"""Reads of the year-end evaluation: which scoring table applies, the tables a user sees, the
minutes and the votes of a cluster-year. Each issues a fixed number of queries whatever the
data size."""

from django.db.models import Prefetch

from clusters.models import (
    Criterion,
    CriterionGroup,
    Evidence,
    Minutes,
    Score,
    ScoringTable,
    Vote,
)
from emulation.roles import scope_of

# What a group and a criterion of a scoring table are made of (besides their parent).
GROUP_FIELDS = ("code", "title", "kind", "max_points", "order")
CRITERION_FIELDS = ("code", "text", "max_points", "evidence_required", "order")


def scoring_tables_prefetched():
    return ScoringTable.objects.select_related("ministry", "cluster").prefetch_related(
        Prefetch(
            "groups",
            queryset=CriterionGroup.objects.prefetch_related(
                Prefetch("criteria", queryset=Criterion.objects.prefetch_related("levels"))
            ),
        )
    )


def scoring_tables_for(*, cluster_years, tables=None):
    """``{cluster_year.pk: table or None}``: the table each cluster-year is scored against,
    the cluster's own table for the year, else its ministry's. The one place that says which
    table applies; one query (``tables``: the queryset to pick from, e.g. annotated)."""
    tables = ScoringTable.objects.all() if tables is None else tables
    cluster_years = list(cluster_years)
    candidates = tables.filter(
        ministry_id__in={cy.cluster.ministry_id for cy in cluster_years},
        year__in={cy.year for cy in cluster_years},
    )
    by_scope = {(t.ministry_id, t.year, t.cluster_id): t for t in candidates}
    return {
        cy.pk: by_scope.get((cy.cluster.ministry_id, cy.year, cy.cluster_id))
        or by_scope.get((cy.cluster.ministry_id, cy.year, None))
        for cy in cluster_years
    }


def scoring_table_for(*, cluster_year, prefetch=True):
    """The table ``cluster_year`` is scored against (``scoring_tables_for``), or None."""
    tables = scoring_tables_prefetched() if prefetch else None
    return scoring_tables_for(cluster_years=[cluster_year], tables=tables)[cluster_year.pk]


def scoring_table_in_use(*, table):
    return Score.objects.filter(criterion__group__table=table).exists()


def previous_table(*, ministry, year, cluster):
    return (
        scoring_tables_prefetched()
        .filter(ministry=ministry, year=year - 1, cluster=cluster)
        .first()
    )


def table_structure(table):
    """The groups of a prefetched ``table`` as ``tables.add_structure`` takes them."""
    return [
        {
            **{name: getattr(group, name) for name in GROUP_FIELDS},
            "criteria": [
                {
                    **{name: getattr(criterion, name) for name in CRITERION_FIELDS},
                    "levels": [(level.label, level.points) for level in criterion.levels.all()],
                }
                for criterion in group.criteria.all()
            ],
        }
        for group in table.groups.all()
    ]


def scoring_tables_visible(*, user):
    """The tables of the ministries the user sees (staff and leaders), for the list page."""
    tables = ScoringTable.objects.select_related("ministry", "cluster").order_by(
        "ministry__name", "-year", "cluster__number"
    )
    return scope_of(user).seen(tables)


def minutes_of(*, cluster_year):
    """The minutes of the cluster-year with who signed them and the attendance, or None."""
    return (
        Minutes.objects.filter(cluster_year=cluster_year)
        .select_related("signed_by")
        .prefetch_related("attendance__unit")
        .first()
    )


def votes_of(*, cluster_year, state=None):
    """The votes of the cluster-year (of one ``state``), with their titles and counts."""
    votes = Vote.objects.filter(cluster_year=cluster_year)
    if state is not None:
        votes = votes.filter(state=state)
    return votes.select_related("award_title").prefetch_related("counts__unit")


def vote_counts(*, vote):
    """The counts of a vote with their units, by unit name."""
    return list(vote.counts.select_related("unit").order_by("unit__name"))


def score_versions(*, cluster_year, unit=None, criterion=None):
    """``{(unit_id, criterion_id): version}`` of the cluster-year's scores (of one cell)."""
    scores = Score.objects.filter(cluster_year=cluster_year)
    if unit is not None:
        scores = scores.filter(unit=unit, criterion=criterion)
    rows = scores.values_list("unit_id", "criterion_id", "version")
    return {(unit_id, criterion_id): version for unit_id, criterion_id, version in rows}


def criteria_of(*, table):
    """The criteria of ``table`` with their groups (a lookup by pk answers 404 for others)."""
    return Criterion.objects.select_related("group").filter(group__table=table)


def evidence_of(*, cluster_year, unit, criterion):
    """The files of one cell, oldest first, with their score."""
    return list(
        Evidence.objects.filter(
            score__cluster_year=cluster_year, score__unit=unit, score__criterion=criterion
        )
        .select_related("score")
        .order_by("uploaded_at")
    )
