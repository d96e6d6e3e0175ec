"""Spreadsheets in and out: the one place that writes exports safely and reads imports within
bounds.

Writing: a text starting with ``= + - @``, a tab or a carriage return would be read by Excel
or LibreOffice as a formula (``=HYPERLINK(…)``, ``@SUM(…)``, DDE). Every export goes through
``xlsx_bytes`` or ``csv_text``: in .xlsx every text is stored as a text cell (never a formula)
and those starting like a formula carry Excel's text marker (``quotePrefix``, the apostrophe
typed before a value) so that editing the cell does not turn it into one either; in CSV, which
has no types, such a field is written with a leading apostrophe (OWASP, "CSV Injection").
"""

import csv
import datetime
import decimal
import io

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def starts_like_formula(value):
    return isinstance(value, str) and value.startswith(FORMULA_TRIGGERS)


def csv_field(value):
    """One CSV field as text that no spreadsheet evaluates."""
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, int | float | decimal.Decimal):
        value = value.isoformat() if isinstance(value, datetime.date) else str(value)
        return "'" + value if starts_like_formula(value) else value
    return value


def csv_text(header, rows):
    """A CSV document (with a BOM, so Excel reads the Vietnamese text correctly)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in [header, *rows]:
        writer.writerow([csv_field(value) for value in row])
    return "\ufeff" + buffer.getvalue()


def xlsx_append(sheet, values, *, bold=False):
    """Append a row to an openpyxl sheet with every text stored as text, never a formula."""
    from openpyxl.styles import Font

    row = sheet.max_row + 1 if sheet.max_row > 1 or sheet.cell(1, 1).value is not None else 1
    for column, value in enumerate(values, start=1):
        cell = sheet.cell(row=row, column=column)
        if isinstance(value, str):
            cell.value = value
            cell.data_type = "s"  # openpyxl would otherwise store "=…" as a formula
            if starts_like_formula(value):
                cell.quotePrefix = True
        else:
            cell.value = value
        if bold:
            cell.font = Font(bold=True)


def xlsx_bytes(sheets):
    """An .xlsx file from ``[(title, header, rows, widths or None), …]``."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for title, header, rows, widths in sheets:
        sheet = book.create_sheet(title[:31])
        xlsx_append(sheet, [str(label) for label in header], bold=True)
        for values in rows:
            xlsx_append(sheet, values)
        for index, width in enumerate(widths or (), start=1):
            sheet.column_dimensions[sheet.cell(1, index).column_letter].width = width
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
