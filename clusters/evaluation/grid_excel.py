"""The score grid as an Excel sheet in the grid's own shape, and back.

Export: one sheet, criteria down and units across, three blocks of unit columns (self
scores, agreed scores, comments) so that a block copied from the sheet pastes into the grid
as it is; panes frozen on the criteria and the unit names; every score cell validated by
Excel (a number from 0 to the criterion's maximum, column D); the ids that tie the sheet to
the grid (criterion ids in column A, unit and block codes in row 1) hidden.

Import: ``grid_import_preview`` reads a filled-in export and lists the cells that differ
from the grid (old → new) without storing anything; the cells are then saved, once the
secretary confirms, by the one ``scores_save`` (all or nothing, one audit entry). The file
is checked first and every error named by row and column."""

from dataclasses import dataclass
from io import BytesIO

from django.utils.translation import gettext as _

from clusters.evaluation.scores import (
    COMMENT_MAX,
    CellInput,
    cell_prefix,
    grid_layout,
    grid_scores,
    parse_score,
    scores_errors,
)
from emulation.bounds import check_text
from emulation.errors import DomainError
from emulation.numbers import format_decimal
from emulation.spreadsheets import SpreadsheetError, read_sheet

FIELDS = ("self", "agreed", "comment")
FIRST_UNIT_COLUMN = 5  # E: after the ids, the number, the criterion and its maximum
FIRST_ROW = 4  # after the hidden codes, the block titles and the unit names
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class GridImportError(DomainError):
    def __init__(self, errors):
        super().__init__(_("Tệp có %(n)s lỗi; chưa lưu gì.") % {"n": len(errors)}, field="file")
        self.errors = errors


def _block_titles():
    return {
        "self": _("Điểm tự chấm"),
        "agreed": _("Điểm cụm chấm"),
        "comment": _("Nhận xét"),
    }


def _text(cell, value):
    """A text stored as text, never read by Excel as a formula."""
    cell.value = value
    cell.data_type = "s"
    if value.startswith(FORMULA_START):
        cell.quotePrefix = True


def grid_export(*, cluster_year):
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    layout = grid_layout(cluster_year=cluster_year)
    scores = grid_scores(cluster_year=cluster_year)
    units = layout.units
    book = Workbook()
    sheet = book.active
    sheet.title = _("Bảng điểm")[:31]
    bold = Font(bold=True)
    _text(sheet.cell(1, 1), "thidua-grid")
    for column, title in ((2, _("Số TT")), (3, _("Tiêu chí")), (4, _("Điểm chuẩn"))):
        _text(sheet.cell(2, column), str(title))
        sheet.cell(2, column).font = bold
    for block, (field, title) in enumerate(_block_titles().items()):
        start = FIRST_UNIT_COLUMN + block * len(units)
        _text(sheet.cell(2, start), str(title))
        sheet.cell(2, start).font = bold
        if len(units) > 1:
            sheet.merge_cells(
                start_row=2, start_column=start, end_row=2, end_column=start + len(units) - 1
            )
        for offset, unit in enumerate(units):
            _text(sheet.cell(1, start + offset), f"{field}:{unit.pk}")
            _text(sheet.cell(3, start + offset), unit.short_name or unit.name)
            sheet.cell(3, start + offset).font = bold
            sheet.cell(3, start + offset).alignment = Alignment(wrap_text=True)
            width = 30 if field == "comment" else 11
            sheet.column_dimensions[get_column_letter(start + offset)].width = width
    criteria = list(layout.criteria.values())
    for index, criterion in enumerate(criteria):
        row = FIRST_ROW + index
        sheet.cell(row, 1).value = criterion.pk
        _text(sheet.cell(row, 2), f"{criterion.group.code}.{criterion.code}")
        _text(sheet.cell(row, 3), criterion.text)
        sheet.cell(row, 4).value = float(criterion.max_points)
        for offset, unit in enumerate(units):
            score = scores.get((unit.pk, criterion.pk))
            if score is None:
                continue
            for block, value in enumerate((score.self_score, score.agreed_score)):
                if value is not None:
                    cell = sheet.cell(row, FIRST_UNIT_COLUMN + block * len(units) + offset)
                    cell.value = float(value)
            if score.comment:
                _text(sheet.cell(row, FIRST_UNIT_COLUMN + 2 * len(units) + offset), score.comment)
    last_row = FIRST_ROW + len(criteria) - 1
    if units and criteria:
        first = get_column_letter(FIRST_UNIT_COLUMN)
        last = get_column_letter(FIRST_UNIT_COLUMN + 2 * len(units) - 1)
        validation = DataValidation(
            type="decimal",
            operator="between",
            formula1="0",
            formula2=f"$D{FIRST_ROW}",  # relative row: each cell takes its own criterion's max
            allow_blank=True,
            showErrorMessage=True,
            errorTitle=_("Điểm không hợp lệ"),
            error=_("Điểm phải là số từ 0 đến điểm chuẩn của tiêu chí (cột D)."),
        )
        validation.add(f"{first}{FIRST_ROW}:{last}{last_row}")
        sheet.add_data_validation(validation)
    sheet.column_dimensions["A"].hidden = True
    sheet.row_dimensions[1].hidden = True
    sheet.column_dimensions["B"].width = 7
    sheet.column_dimensions["C"].width = 50
    sheet.column_dimensions["D"].width = 10
    sheet.freeze_panes = sheet.cell(FIRST_ROW, FIRST_UNIT_COLUMN)
    out = BytesIO()
    book.save(out)
    return out.getvalue()


@dataclass
class CellChange:
    unit: object
    criterion: object
    field: str  # self / agreed / comment
    old: str
    new: str

    @property
    def field_label(self):
        return _block_titles()[self.field]


@dataclass
class ImportPreview:
    changes: list  # CellChange, in the grid's order
    cells: dict  # (unit id, criterion id) -> CellInput of every changed cell
    versions: dict  # (unit id, criterion id) -> the stored version (0 for a new cell)

    def hidden_fields(self):
        """The confirm form: every changed cell as the grid would post it."""
        fields = []
        for (unit_id, criterion_id), cell in self.cells.items():
            prefix = cell_prefix(unit_id, criterion_id)
            fields += [
                (f"{prefix}-self", cell.raw["self"]),
                (f"{prefix}-agreed", cell.raw["agreed"]),
                (f"{prefix}-comment", cell.raw["comment"]),
                (f"{prefix}-v", self.versions[(unit_id, criterion_id)]),
            ]
        return fields


def _number_text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _whole(value):
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return int(value) if float(value).is_integer() else None


def _cell_value(field, value, criterion):
    """``(raw, None)``: the cell as the grid takes it; ``(raw, message)`` when it is refused
    (a comment too long is refused, never cut; a score must be one the criterion allows)."""
    if field == "comment":
        raw = "" if value is None else str(value).strip()
        try:
            check_text(raw, max_length=COMMENT_MAX)
        except DomainError as error:
            return raw, error.message
        return raw, None
    raw = _number_text(value)
    try:
        parse_score(raw, criterion.max_points)
    except ValueError as error:
        return raw, error
    return raw, None


def _read_rows(file, columns):
    """``[(row number, [value × columns]), …]`` of the first sheet, empty rows left out; the
    file bounded and every unreadable cell named (``emulation.spreadsheets.read_sheet``)."""
    try:
        return read_sheet(file, columns=columns)
    except SpreadsheetError as error:
        raise GridImportError(error.errors) from None


def grid_import_preview(*, cluster_year, file):
    """The cells of a filled-in export that differ from the grid; nothing is stored.
    GridImportError lists every problem by row and column."""
    from openpyxl.utils import get_column_letter

    layout = grid_layout(cluster_year=cluster_year)
    units = {unit.pk: unit for unit in layout.units}
    rows = _read_rows(file, FIRST_UNIT_COLUMN - 1 + 3 * max(len(units), 1) + 3)
    codes = dict(enumerate(rows[0][1])) if rows and rows[0][0] == 1 else {}
    if codes.get(0) != "thidua-grid":
        raise GridImportError(
            [_("Tệp không phải bảng điểm xuất từ trang này (thiếu dòng mã ẩn). Hãy xuất lại.")]
        )
    errors, columns = [], {}  # column index -> (field, unit id)
    for index, code in codes.items():
        if index < FIRST_UNIT_COLUMN - 1 or code in (None, ""):
            continue
        field, _sep, unit_id = str(code).partition(":")
        if field not in FIELDS or not unit_id.isdigit() or int(unit_id) not in units:
            errors.append(
                _("Cột %(col)s: không phải đơn vị thành viên của cụm năm nay.")
                % {"col": get_column_letter(index + 1)}
            )
            continue
        columns[index] = (field, int(unit_id))
    existing = grid_scores(cluster_year=cluster_year)
    found = {}  # key -> {field: raw text}
    seen_rows = {}
    for number, values in rows:
        if number < FIRST_ROW:
            continue
        criterion_id = _whole(values[0])
        if criterion_id not in layout.criteria:
            errors.append(
                _("Dòng %(row)s, cột A (ẩn): mã tiêu chí không có trong bảng năm nay.")
                % {"row": number}
            )
            continue
        if criterion_id in seen_rows:
            errors.append(
                _("Dòng %(row)s: trùng tiêu chí với dòng %(other)s.")
                % {"row": number, "other": seen_rows[criterion_id]}
            )
            continue
        seen_rows[criterion_id] = number
        criterion = layout.criteria[criterion_id]
        for index, (field, unit_id) in columns.items():
            value = values[index] if index < len(values) else None
            raw, problem = _cell_value(field, value, criterion)
            if problem is not None:
                errors.append(
                    _("Dòng %(row)s, cột %(col)s (%(label)s, %(unit)s): %(msg)s")
                    % {
                        "row": number,
                        "col": get_column_letter(index + 1),
                        "label": _block_titles()[field],
                        "unit": units[unit_id].name,
                        "msg": problem,
                    }
                )
                continue
            found.setdefault((unit_id, criterion_id), {})[field] = raw
    if errors:
        raise GridImportError(errors)
    changes, cells, versions = [], {}, {}
    order = {pk: i for i, pk in enumerate(layout.criteria)}
    for key in sorted(found, key=lambda k: (order[k[1]], list(units).index(k[0]))):
        score = existing.get(key)
        stored = {
            "self": format_decimal(score.self_score, grouping=False) if score else "",
            "agreed": format_decimal(score.agreed_score, grouping=False) if score else "",
            "comment": score.comment if score else "",
        }
        typed = {**stored, **found[key]}
        criterion = layout.criteria[key[1]]
        changed = []
        for field in FIELDS:
            if field == "comment":
                differs = typed[field] != stored[field]
            else:
                new = parse_score(typed[field], criterion.max_points)
                old = getattr(score, f"{field}_score", None)
                differs = new != old
                typed[field] = format_decimal(new, grouping=False)
            if differs:
                changed.append(
                    CellChange(units[key[0]], criterion, field, stored[field], typed[field])
                )
        if not changed:
            continue
        changes += changed
        cells[key] = CellInput(
            self_score=parse_score(typed["self"], criterion.max_points),
            agreed_score=parse_score(typed["agreed"], criterion.max_points),
            comment=typed["comment"],
            version=score.version if score else 0,
            raw=typed,
        )
        versions[key] = score.version if score else 0
    refused = scores_errors(cluster_year=cluster_year, cells=cells, layout=layout)
    if refused:
        raise GridImportError(
            [
                _("Dòng %(row)s (%(unit)s): %(msg)s")
                % {"row": seen_rows[key[1]], "unit": units[key[0]].name, "msg": message}
                for key in sorted(refused, key=lambda k: (seen_rows[k[1]], list(units).index(k[0])))
                for message in refused[key]
            ]
        )
    return ImportPreview(changes, cells, versions)
