"""The score grid of a cluster-year: units × criteria, each cell a self score, an agreed
score and a comment. One service saves any number of cells (one htmx cell or the whole
10 × 40 grid) in a bounded number of queries: every rule is checked on the merged state
first, and if any cell is refused nothing is stored and each message goes to its cell.

Concurrency: a cell posted from the page carries the version it was loaded at (0 for an
empty cell) and is refused without one; the save runs under the cluster-year's row lock
(``freeze.lock_cluster_year``), so two saves of one cell, or of two cells of one capped
group, are checked one after the other: the second is told the cell is stale or the group
is full, never silently accepted.

Rules: 0 ≤ score ≤ the criterion's maximum (two decimals); a graded criterion takes only its
levels' points; the sum of a capped group (I, II, …) never exceeds the group's maximum
(bonus and penalty groups are capped in the totals instead, see ``ranking``); a positive
score on a criterion that requires evidence needs an evidence file first."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from clusters.data_version import bump_cluster_year
from clusters.evaluation.freeze import ensure_not_frozen
from clusters.evaluation.selectors import scoring_table_for
from clusters.models import CriterionGroup, Evidence, Score
from clusters.selectors import cluster_year_members
from emulation.audit import audit_record
from emulation.bounds import check_text
from emulation.errors import DomainError
from emulation.numbers import format_decimal, parse_decimal
from emulation.rights import require_cluster_writer

COLUMNS = ("self_score", "agreed_score")
CENT = Decimal("0.01")
COMMENT_MAX = 2000


@dataclass
class CellInput:
    self_score: Decimal | None = None
    agreed_score: Decimal | None = None
    comment: str = ""
    version: int | None = None
    raw: dict = field(default_factory=dict)  # what was typed, to show it back


@dataclass
class GridLayout:
    cluster_year: object
    table: object
    units: list
    groups: list
    criteria: dict  # id -> Criterion (with .group and .level_points)

    @property
    def unit_ids(self):
        return {u.pk for u in self.units}


class ScoreGridError(DomainError):
    """``cell_errors`` maps (unit_id, criterion_id) to the messages shown at that cell."""

    def __init__(self, cell_errors):
        super().__init__(
            _("Có %(n)s ô chưa hợp lệ; chưa lưu gì. Xem thông báo tại từng ô.")
            % {"n": len(cell_errors)}
        )
        self.cell_errors = cell_errors


def grid_layout(*, cluster_year):
    table = scoring_table_for(cluster_year=cluster_year)
    units = [m.unit for m in cluster_year_members(cluster_year=cluster_year)]
    groups = list(table.groups.all()) if table else []
    criteria = {}
    for group in groups:
        for criterion in group.criteria.all():
            criterion.group = group
            criterion.level_points = {level.points for level in criterion.levels.all()}
            criteria[criterion.pk] = criterion
    return GridLayout(cluster_year, table, units, groups, criteria)


def grid_scores(*, cluster_year, lock=False):
    scores = Score.objects.filter(cluster_year=cluster_year)
    if lock:
        scores = scores.select_for_update()
    return {(s.unit_id, s.criterion_id): s for s in scores}


def scores_with_evidence(*, cluster_year):
    return set(
        Evidence.objects.filter(score__cluster_year=cluster_year).values_list("score_id", flat=True)
    )


def evidence_counts(*, cluster_year):
    counts = defaultdict(int)
    for score_id in Evidence.objects.filter(score__cluster_year=cluster_year).values_list(
        "score_id", flat=True
    ):
        counts[score_id] += 1
    return counts


def parse_score(text, max_points):
    """'' → None; '7,5' or '7.5' → Decimal('7.5'); ValueError with the message otherwise."""
    value = parse_decimal(text)
    if value is None:
        return None
    if value < 0 or value > max_points:
        raise ValueError(_("Điểm phải từ 0 đến %(max)s.") % {"max": format_decimal(max_points)})
    if value != value.quantize(CENT):
        raise ValueError(_("Điểm chỉ có tối đa 2 chữ số thập phân."))
    return value


def cell_prefix(unit_id, criterion_id):
    return f"c-{unit_id}-{criterion_id}"


def cells_from_post(data, layout):
    """The cells present in a POST (grid or one htmx cell) → (cells, parse errors)."""
    cells, errors = {}, {}
    for unit in layout.units:
        for criterion in layout.criteria.values():
            prefix = cell_prefix(unit.pk, criterion.pk)
            if f"{prefix}-agreed" not in data and f"{prefix}-self" not in data:
                continue
            key = (unit.pk, criterion.pk)
            raw = {
                "self": data.get(f"{prefix}-self", ""),
                "agreed": data.get(f"{prefix}-agreed", ""),
                "comment": data.get(f"{prefix}-comment", ""),
            }
            version = data.get(f"{prefix}-v", "")
            cell = CellInput(
                comment=raw["comment"].strip(),
                version=int(version) if version.isdigit() and len(version) < 10 else None,
                raw=raw,
            )
            if cell.version is None:
                errors.setdefault(key, []).append(
                    _("Thiếu phiên bản của ô (trang đã cũ?): tải lại trang rồi nhập lại.")
                )
            try:
                check_text(cell.comment, max_length=COMMENT_MAX)
            except DomainError as error:
                errors.setdefault(key, []).append(_("Nhận xét: %(e)s") % {"e": error.message})
            for column, name in zip(COLUMNS, ("self", "agreed"), strict=True):
                try:
                    setattr(cell, column, parse_score(raw[name], criterion.max_points))
                except ValueError as error:
                    errors.setdefault(key, []).append(str(error))
            cells[key] = cell
    return cells, errors


def _fmt(value):
    return f"{value.normalize():f}" if value is not None else ""


def _check_cells(layout, existing, with_evidence, cells):
    errors = defaultdict(list)
    merged = {key: (s.self_score, s.agreed_score) for key, s in existing.items()}
    for key, cell in cells.items():
        unit_id, criterion_id = key
        criterion = layout.criteria.get(criterion_id)
        if unit_id not in layout.unit_ids or criterion is None:
            errors[key].append(_("Ô này không thuộc bảng điểm của cụm năm nay."))
            continue
        score = existing.get(key)
        current = score.version if score is not None else 0  # 0: the cell is still empty
        stored = (
            (score.self_score, score.agreed_score, score.comment) if score else (None, None, "")
        )
        if (
            cell.version is not None
            and cell.version != current
            and stored != (cell.self_score, cell.agreed_score, cell.comment)
        ):
            errors[key].append(
                _("Ô này vừa được người khác lưu (%(a)s / %(b)s). Tải lại trang để xem.")
                % {"a": format_decimal(stored[0]) or "—", "b": format_decimal(stored[1]) or "—"}
            )
        values = (cell.self_score, cell.agreed_score)
        merged[key] = values
        for value in values:
            if value is not None and criterion.level_points and value not in criterion.level_points:
                allowed = "; ".join(format_decimal(p) for p in sorted(criterion.level_points))
                errors[key].append(
                    _("Tiêu chí chấm theo mức: chỉ nhận %(levels)s.") % {"levels": allowed}
                )
                break
        has_evidence = score is not None and score.pk in with_evidence
        positive = any(v is not None and v > 0 for v in values)
        if criterion.evidence_required and positive and not has_evidence:
            errors[key].append(
                _("Tiêu chí này bắt buộc có tài liệu minh chứng: hãy tải minh chứng lên trước.")
            )
    touched = defaultdict(list)  # (unit, group) -> submitted keys in criterion order
    for key in sorted(
        cells,
        key=lambda k: (layout.criteria[k[1]].order, k[1]) if k[1] in layout.criteria else (0, 0),
    ):
        criterion = layout.criteria.get(key[1])
        if criterion is not None and criterion.group.kind == CriterionGroup.Kind.CAPPED:
            touched[(key[0], criterion.group.pk)].append(key)
    for (unit_id, group_id), keys in touched.items():
        group = next(g for g in layout.groups if g.pk == group_id)
        for index, label in enumerate((_("tự chấm"), _("cụm chấm"))):
            total = sum(
                (
                    values[index] or 0
                    for (u, c), values in merged.items()
                    if u == unit_id
                    and c in layout.criteria
                    and layout.criteria[c].group.pk == group_id
                ),
                Decimal(0),
            )
            if total > group.max_points:
                filled = [k for k in keys if (merged[k][index] is not None)] or keys
                errors[filled[-1]].append(
                    _(
                        "Tổng điểm %(label)s nhóm %(code)s là %(total)s, vượt điểm tối đa "
                        "%(max)s của nhóm."
                    )
                    % {
                        "label": label,
                        "code": group.code,
                        "total": format_decimal(total),
                        "max": format_decimal(group.max_points),
                    }
                )
    return dict(errors)


def scores_errors(*, cluster_year, cells, layout):
    """The messages ``scores_save`` would refuse the cells with, by cell; nothing stored (the
    preview of an import)."""
    return _check_cells(
        layout,
        grid_scores(cluster_year=cluster_year),
        scores_with_evidence(cluster_year=cluster_year),
        cells,
    )


@transaction.atomic
def scores_save(*, actor, cluster_year, cells, layout=None):
    """Save the given cells; ScoreGridError (nothing stored) if any is refused.

    Returns the number of cells that changed. One audit entry lists each changed cell's
    before and after."""
    require_cluster_writer(actor, cluster_year.cluster)
    ensure_not_frozen(cluster_year=cluster_year)
    layout = layout or grid_layout(cluster_year=cluster_year)
    if layout.table is None:
        raise DomainError(_("Chưa có bảng tiêu chí chấm điểm cho năm này."))
    existing = grid_scores(cluster_year=cluster_year, lock=True)
    errors = _check_cells(layout, existing, scores_with_evidence(cluster_year=cluster_year), cells)
    if errors:
        raise ScoreGridError(errors)
    now = timezone.now()
    changed, before, after = [], {}, {}
    for key, cell in cells.items():
        new = (cell.self_score, cell.agreed_score, cell.comment)
        score = existing.get(key)
        old = (score.self_score, score.agreed_score, score.comment) if score else (None, None, "")
        if new == old:
            continue
        label = f"{key[0]}:{key[1]}"
        before[label], after[label] = (
            [_fmt(old[0]), _fmt(old[1]), old[2]],
            [_fmt(new[0]), _fmt(new[1]), new[2]],
        )
        changed.append(
            Score(
                cluster_year=cluster_year,
                unit_id=key[0],
                criterion_id=key[1],
                self_score=new[0],
                agreed_score=new[1],
                comment=new[2],
                version=score.version + 1 if score else 1,
                updated_by=actor,
                updated_at=now,
            )
        )
    # One upsert for the new and the changed cells: a cell created by a concurrent save of
    # the same values (an htmx cell save racing the whole-grid submit) must not turn into a
    # unique-constraint error; and INSERT … ON CONFLICT DO UPDATE of 400 rows is one plain
    # statement, where bulk_update builds a CASE per row and field (90% of a grid save).
    Score.objects.bulk_create(
        changed,
        update_conflicts=True,
        unique_fields=["cluster_year", "unit", "criterion"],
        update_fields=[
            "self_score",
            "agreed_score",
            "comment",
            "version",
            "updated_by",
            "updated_at",
        ],
    )
    bump_cluster_year(pk=cluster_year.pk)
    if after:
        audit_record(
            actor=actor, action="scores_update", obj=cluster_year, before=before, after=after
        )
    return len(after)


@transaction.atomic
def scores_save_valid(*, actor, cluster_year, cells, layout=None):
    """Save every cell that passes, as one change (one ``scores_save``, one audit entry);
    used for a block pasted into the grid. Returns ``(saved keys, {key: messages})``.

    A refused cell is left out and the rest checked again (a group total can depend on
    the cells left out): at most a few rounds, each in a savepoint, so nothing of a refused
    round is stored."""
    layout = layout or grid_layout(cluster_year=cluster_year)
    refused, remaining = {}, dict(cells)
    while remaining:
        try:
            with transaction.atomic():
                scores_save(actor=actor, cluster_year=cluster_year, cells=remaining, layout=layout)
        except ScoreGridError as error:
            refused.update(error.cell_errors)
            remaining = {k: c for k, c in remaining.items() if k not in error.cell_errors}
        else:
            return set(remaining), refused
    return set(), refused
