"""Scoring tables (bảng tiêu chí chấm điểm): building them, copying last year's (their reads
are in ``clusters.evaluation.selectors``). A table in use — any score recorded against it —
is never silently changed: edits are refused with a message (no versioning: the paper table
is fixed once scoring starts)."""

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from clusters.evaluation.selectors import (
    CRITERION_FIELDS,
    GROUP_FIELDS,
    previous_table,
    scoring_table_in_use,
    table_structure,
)
from clusters.models import Criterion, CriterionGroup, CriterionLevel, ScoringTable
from emulation.audit import audit_record
from emulation.bounds import check_year
from emulation.concurrency import claim_version, refuse_duplicate
from emulation.data_version import bump_ministry_year
from emulation.errors import DomainError
from emulation.numbers import format_decimal, parse_decimal
from emulation.rights import require_manager


def _refuse_if_in_use(table):
    if scoring_table_in_use(table=table):
        raise DomainError(
            _(
                "Bảng tiêu chí này đã được dùng để chấm điểm nên không thể sửa. "
                "Hãy lập bảng của năm sau (sao chép bảng này) nếu cần thay đổi."
            )
        )


SCOPE_TAKEN = _lazy("Đã có bảng tiêu chí cho phạm vi và năm này.")


def _check_scope_free(*, ministry, year, cluster, exclude_pk=None):
    clash = ScoringTable.objects.filter(ministry=ministry, year=year, cluster=cluster)
    if clash.exclude(pk=exclude_pk).exists():
        raise DomainError(str(SCOPE_TAKEN), field="year")


def scoring_table_insert(*, ministry, year, cluster, name):
    """The new table's row; a concurrent create of the same scope gets the same message."""
    with refuse_duplicate(str(SCOPE_TAKEN), field="year"):
        return ScoringTable.objects.create(ministry=ministry, year=year, cluster=cluster, name=name)


def add_structure(table, groups):
    """Create the groups of a new ``table``: dicts of GROUP_FIELDS with their ``criteria``,
    dicts of CRITERION_FIELDS with their ``levels`` [(label, points)] in order."""
    for group in groups:
        new_group = CriterionGroup.objects.create(
            table=table, **{name: group[name] for name in GROUP_FIELDS}
        )
        for row in group["criteria"]:
            criterion = Criterion.objects.create(
                group=new_group, **{name: row[name] for name in CRITERION_FIELDS}
            )
            _add_levels(criterion, row["levels"])
    bump_ministry_year(ministry_id=table.ministry_id, year=table.year)


def _add_levels(criterion, levels):
    CriterionLevel.objects.bulk_create(
        CriterionLevel(criterion=criterion, label=label, points=points, order=i)
        for i, (label, points) in enumerate(levels)
    )


@transaction.atomic
def scoring_table_create(*, actor, ministry, year, cluster, name, copy_previous=False):
    require_manager(actor, ministry.pk)
    check_year(year, field="year")
    _check_scope_free(ministry=ministry, year=year, cluster=cluster)
    source = None
    if copy_previous:
        source = previous_table(ministry=ministry, year=year, cluster=cluster)
        if source is None:
            raise DomainError(
                _("Không có bảng tiêu chí năm %(year)s để sao chép.") % {"year": year - 1},
                field="copy_previous",
            )
    table = scoring_table_insert(ministry=ministry, year=year, cluster=cluster, name=name)
    if source is not None:
        add_structure(table, table_structure(source))
    audit_record(
        actor=actor,
        action="scoring_table_create",
        obj=table,
        after={"year": year, "name": name, "copied_from": source.pk if source else None},
    )
    return table


def _check_levels(code, max_points, levels):
    for label, points in levels:
        if points < 0 or points > max_points:
            raise DomainError(
                _("Tiêu chí %(code)s: mức “%(label)s” có điểm ngoài khoảng 0…%(max)s.")
                % {"code": code, "label": label, "max": max_points}
            )


@transaction.atomic
def scoring_table_update(*, actor, table, expected_version, name, groups, criteria):
    """Apply the edited structure. ``groups`` and ``criteria`` are lists of dicts (``id``
    None for a new row, ``delete`` to remove); a criterion names its group by id."""
    require_manager(actor, table.ministry_id)
    _refuse_if_in_use(table)
    claim_version(table, expected_version)
    before = table_snapshot(table)
    table.name = name
    table.save(update_fields=["name"])
    own_groups = {g.pk: g for g in CriterionGroup.objects.filter(table=table)}
    for row in groups:
        group = own_groups.get(row["id"]) if row["id"] else CriterionGroup(table=table)
        if group is None:
            continue
        if row.get("delete"):
            if group.pk:
                group.delete()
                own_groups.pop(group.pk)
            continue
        for field in GROUP_FIELDS:
            setattr(group, field, row[field])
        group.save()
        own_groups[group.pk] = group
    own_criteria = {c.pk: c for c in Criterion.objects.filter(group__table=table)}
    for row in criteria:
        criterion = own_criteria.get(row["id"]) if row["id"] else Criterion()
        if criterion is None:
            continue
        if row.get("delete"):
            if criterion.pk:
                criterion.delete()
            continue
        if row["group_id"] not in own_groups:
            raise DomainError(_("Tiêu chí %(code)s chưa chọn nhóm.") % {"code": row["code"]})
        _check_levels(row["code"], row["max_points"], row["levels"])
        criterion.group = own_groups[row["group_id"]]
        for field in CRITERION_FIELDS:
            setattr(criterion, field, row[field])
        criterion.save()
        criterion.levels.all().delete()
        _add_levels(criterion, row["levels"])
    bump_ministry_year(ministry_id=table.ministry_id, year=table.year)
    audit_record(
        actor=actor,
        action="scoring_table_update",
        obj=table,
        before=before,
        after=table_snapshot(table),
    )
    return table


def table_snapshot(table):
    rows = Criterion.objects.filter(group__table=table).values_list(
        "group__code", "code", "max_points"
    )
    return {
        "name": table.name,
        "groups": list(
            CriterionGroup.objects.filter(table=table).values_list("code", "kind", "max_points")
        ),
        "criteria": [list(row) for row in rows],
    }


def levels_to_text(levels):
    return "; ".join(f"{level.label} = {format_decimal(level.points)}" for level in levels)


def parse_levels(text):
    """``"Đúng hạn = 2; Chậm 1–2 ngày = 1.5"`` → [(label, Decimal)]; ValueError if bad."""
    levels = []
    for part in filter(None, (p.strip() for p in text.replace("\n", ";").split(";"))):
        label, sep, points = part.rpartition("=")
        if not sep or not label.strip():
            raise ValueError(part)
        value = parse_decimal(points)
        if value is None:
            raise ValueError(part)
        levels.append((label.strip(), value))
    return levels
