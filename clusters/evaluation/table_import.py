"""Import a scoring table from an Excel sheet laid out like the paper one:

    Số TT | Tiêu chí | Điểm chuẩn | Minh chứng (optional, "x" = required)
    I     | Thực hiện nhiệm vụ chuyên môn   | 40
    1     | Hoàn thành kế hoạch công tác năm | 10
    -     | Đúng hạn                         | 2      ← a level of the criterion above
    IV    | Điểm thưởng                       | 5      ← "điểm thưởng"/"điểm cộng" = bonus,
                                                         "điểm trừ" = penalty

The whole sheet is checked first; any error (listed by row and column) stores nothing."""

import re
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.translation import gettext as _

from clusters.evaluation.tables import _check_scope_free, scoring_table_insert
from clusters.models import Criterion, CriterionGroup, CriterionLevel
from emulation.audit import audit_record
from emulation.bounds import check_year
from emulation.data_version import bump_ministry_year
from emulation.errors import DomainError
from emulation.rights import require_manager
from emulation.spreadsheets import SpreadsheetError, read_sheet

ROMAN = re.compile(r"^(?=[IVXLC])M*(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})\.?$")
LEVEL_MARKS = re.compile(r"^([-–+•]|[a-zđ][.)]?)$")
CODE_MAX = CriterionGroup._meta.get_field("code").max_length
GROUP_TITLE_MAX = CriterionGroup._meta.get_field("title").max_length
LEVEL_LABEL_MAX = CriterionLevel._meta.get_field("label").max_length
CRITERION_TEXT_MAX = 2000


class TableImportError(DomainError):
    def __init__(self, errors):
        super().__init__(_("Tệp có lỗi, chưa lưu gì."), field="file")
        self.errors = errors


def _kind(title):
    lowered = " ".join(title.lower().split())
    if any(word in lowered for word in ("điểm trừ", "trừ điểm")):
        return CriterionGroup.Kind.PENALTY
    if any(word in lowered for word in ("điểm thưởng", "điểm cộng", "cộng điểm")):
        return CriterionGroup.Kind.BONUS
    return CriterionGroup.Kind.CAPPED


def _points(value):
    if value is None or str(value).strip() == "":
        raise InvalidOperation
    points = Decimal(str(value).strip().replace(",", "."))
    if points < 0 or points >= 10000:
        raise InvalidOperation
    return points


def _text(value):
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value if value is not None else "").strip()


def _too_long(number, mark, text, is_group, is_level):
    """The column's limit (the database's) passed: a message naming row and column."""
    if len(mark) > CODE_MAX:
        return _("Dòng %(row)s, cột A (Số TT): tối đa %(n)s ký tự, tệp có %(len)s.") % {
            "row": number,
            "n": CODE_MAX,
            "len": len(mark),
        }
    limit = GROUP_TITLE_MAX if is_group else LEVEL_LABEL_MAX if is_level else CRITERION_TEXT_MAX
    if len(text) > limit:
        return _("Dòng %(row)s, cột B (Tiêu chí): tối đa %(n)s ký tự, tệp có %(len)s.") % {
            "row": number,
            "n": limit,
            "len": len(text),
        }
    return None


def parse_table_sheet(file):
    """Rows of the first sheet → list of group dicts, or TableImportError."""
    try:
        rows = read_sheet(file, columns=4)
    except SpreadsheetError as error:
        raise TableImportError(error.errors) from None
    errors, groups, started = [], [], False
    for number, cells in rows:
        mark = _text(cells[0])
        text = _text(cells[1])
        if not started:
            started = mark.lower() == "số tt"
            continue
        if not mark and not text:
            continue
        too_long = _too_long(number, mark, text, ROMAN.match(mark), LEVEL_MARKS.match(mark.lower()))
        if too_long:
            errors.append(too_long)
            continue
        try:
            points = _points(cells[2])
        except InvalidOperation:
            errors.append(
                _("Dòng %(row)s, cột C (Điểm chuẩn): “%(value)s” không phải số điểm hợp lệ.")
                % {"row": number, "value": cells[2] if cells[2] is not None else ""}
            )
            continue
        if not text:
            errors.append(_("Dòng %(row)s, cột B (Tiêu chí): còn trống.") % {"row": number})
            continue
        if ROMAN.match(mark):
            groups.append(
                {
                    "code": mark.rstrip("."),
                    "title": text,
                    "kind": _kind(text),
                    "max_points": points,
                    "criteria": [],
                }
            )
        elif not groups:
            errors.append(
                _("Dòng %(row)s, cột A (Số TT): tiêu chí đứng trước nhóm đầu tiên (I, II, …).")
                % {"row": number}
            )
        elif LEVEL_MARKS.match(mark.lower()) and groups[-1]["criteria"]:
            criterion = groups[-1]["criteria"][-1]
            if points > criterion["max_points"]:
                errors.append(
                    _("Dòng %(row)s, cột C (Điểm chuẩn): mức điểm lớn hơn điểm chuẩn của tiêu chí.")
                    % {"row": number}
                )
            criterion["levels"].append((text, points))
        else:
            groups[-1]["criteria"].append(
                {
                    "code": mark,
                    "text": text,
                    "max_points": points,
                    "levels": [],
                    "evidence_required": str(cells[3] or "").strip().lower() in ("x", "có", "1"),
                }
            )
    if not started:
        errors.insert(0, _("Không tìm thấy dòng tiêu đề “Số TT | Tiêu chí | Điểm chuẩn”."))
    elif not groups and not errors:
        errors.append(_("Tệp không có nhóm tiêu chí nào (dòng có số La Mã I, II, …)."))
    if errors:
        raise TableImportError(errors)
    return groups


@transaction.atomic
def scoring_table_import(*, actor, ministry, year, cluster, name, file):
    require_manager(actor, ministry.pk)
    check_year(year, field="year")
    groups = parse_table_sheet(file)
    _check_scope_free(ministry=ministry, year=year, cluster=cluster)
    table = scoring_table_insert(ministry=ministry, year=year, cluster=cluster, name=name)
    for g_order, group in enumerate(groups):
        new_group = CriterionGroup.objects.create(
            table=table,
            code=group["code"],
            title=group["title"],
            kind=group["kind"],
            max_points=group["max_points"],
            order=g_order,
        )
        for c_order, row in enumerate(group["criteria"]):
            criterion = Criterion.objects.create(
                group=new_group,
                code=row["code"],
                text=row["text"],
                max_points=row["max_points"],
                evidence_required=row["evidence_required"],
                order=c_order,
            )
            CriterionLevel.objects.bulk_create(
                CriterionLevel(criterion=criterion, label=label, points=points, order=i)
                for i, (label, points) in enumerate(row["levels"])
            )
    bump_ministry_year(ministry_id=table.ministry_id, year=table.year)
    audit_record(
        actor=actor,
        action="scoring_table_import",
        obj=table,
        after={
            "year": year,
            "groups": len(groups),
            "criteria": sum(len(g["criteria"]) for g in groups),
        },
    )
    return table
