"""The template of each list, empty, filled with an example or with the ministry's records
(the export): the same columns, Vietnamese headers and Excel data validation, so a file
exported, corrected in Excel and imported back changes only what was corrected.

Written with openpyxl's write-only mode, so an export of 200,000 rows streams to disk."""

import csv
import io
import tempfile

from django.utils import translation
from django.utils.translation import gettext as _

from emulation.bounds import year_bounds
from emulation.imports.engine import TEMPLATE_NOTE, column_letter

LAST_ROW = 1_048_576
LISTS_SHEET = "Danh mục"


def _validation(column, letter, list_ref):
    from openpyxl.worksheet.datavalidation import DataValidation

    first, last = year_bounds()

    kinds = {
        "int": {"type": "whole", "operator": "between", "formula1": "0", "formula2": "10000000"},
        "year": {
            "type": "whole",
            "operator": "between",
            "formula1": str(first),
            "formula2": str(last),
        },
        "date": {"type": "date", "operator": "greaterThan", "formula1": "1"},
        "text": {"type": "textLength", "operator": "lessThanOrEqual"},
        "choice": {"type": "list", "formula1": list_ref},
        "bool": {"type": "list", "formula1": '"x"'},
    }
    options = dict(kinds[column.kind])
    if column.kind == "text":
        options["formula1"] = str(column.max_length)
    validation = DataValidation(
        allow_blank=not column.required,
        showErrorMessage=True,
        errorTitle=_("Giá trị không hợp lệ")[:32],
        error=str(column.note or column.header)[:255],
        promptTitle=str(column.header)[:32],
        prompt=str(column.note)[:255] if column.note else None,
        showInputMessage=bool(column.note),
        **options,
    )
    validation.add(f"{letter}2:{letter}{LAST_ROW}")
    return validation


FORMULA_STARTS = ("=", "+", "@")


def _cell(sheet, value):
    """A text that starts like a formula stays text: a name typed as ``=HYPERLINK(…)`` must
    not become a live formula in the exported file."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        return cell
    return value


def sheet_xlsx(*, spec, rows):
    """``rows``: an iterable of {column key: stored value}. Returns the file's bytes. The
    template is Vietnamese whatever the page's language, so that any file imports back."""
    with translation.override("vi"):
        return _sheet_xlsx(spec=spec, rows=rows)


def _sheet_xlsx(*, spec, rows):
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    sheet = book.create_sheet(spec.sheet_title[:31])
    lists = book.create_sheet(LISTS_SHEET)
    lists.sheet_state = "hidden"
    list_refs, list_columns = {}, []
    for column in spec.columns:
        if column.kind == "choice":
            letter = column_letter(len(list_columns))
            labels = [str(label) for _value, label in column.choices if str(label)]
            list_refs[column.key] = f"'{LISTS_SHEET}'!${letter}$2:${letter}${len(labels) + 1}"
            list_columns.append([str(column.header), *labels])
    for index, column in enumerate(spec.columns):
        letter = column_letter(index)
        sheet.column_dimensions[letter].width = column.width
        sheet.data_validations.append(_validation(column, letter, list_refs.get(column.key)))
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for column in spec.columns:
        cell = WriteOnlyCell(sheet, value=str(column.header) + (" *" if column.required else ""))
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for values in rows:
        sheet.append(
            [_cell(sheet, column.render(values.get(column.key))) for column in spec.columns]
        )
    height = max((len(c) for c in list_columns), default=0)
    for i in range(height):
        lists.append([c[i] if i < len(c) else None for c in list_columns])
    notes = book.create_sheet(_("Hướng dẫn")[:31])
    notes.append([str(spec.title)])
    notes.append([str(TEMPLATE_NOTE)])
    notes.append([_("Cột có dấu * là bắt buộc. Cột tùy chọn bỏ đi thì giữ nguyên giá trị cũ.")])
    for column in spec.columns:
        notes.append([str(column.header), str(column.note or "")])
    with tempfile.TemporaryFile() as out:
        book.save(out)
        out.seek(0)
        return out.read()


def sheet_csv(*, spec, rows):
    with translation.override("vi"):
        return _sheet_csv(spec=spec, rows=rows)


def _sheet_csv(*, spec, rows):
    header = [str(column.header) for column in spec.columns]
    return csv_bytes(
        [header]
        + [
            [_csv_text(column.render(values.get(column.key))) for column in spec.columns]
            for values in rows
        ]
    )


def _csv_text(value):
    """In CSV a leading apostrophe keeps Excel from running a text as a formula; the import
    drops it again (``Column.parse``)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_bytes(rows):
    """Rows → UTF-8 CSV with a byte-order mark, which Excel opens with the accents intact."""
    out = io.StringIO()
    writer = csv.writer(out)
    for row in rows:
        writer.writerow(["" if value is None else value for value in row])
    return ("\ufeff" + out.getvalue()).encode()
