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
import dataclasses
import datetime
import decimal
import io
import math
import os
import zipfile

from django.conf import settings
from django.utils.translation import gettext as _

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


# Reading ----------------------------------------------------------------------------------
#
# One reader for every import. An .xlsx is a zip of XML parts. Before openpyxl sees it the
# reader checks the upload's size and, from the zip's directory alone, each part's
# uncompressed size, their total and their compression ratio (a 500 KB file can hold a 500 MB
# shared-strings part). Rows are then streamed one at a time, at most ``max_rows`` rows of the
# sheet; a cell openpyxl cannot read (a number that is not one, a bad date, an infinite
# number, a shared string that does not exist) becomes a ``BadCell`` naming why instead of an
# exception. A .csv (the ministry's lists only) is bounded by the same size and row limits.
#
# The limits come in two sizes, side by side in settings: ``page`` for a file read while the
# page waits (the score grid, the scoring table: ``SPREADSHEET_MAX_*``), ``worker`` for a
# ministry's lists, streamed by the Celery worker a chunk at a time
# (``SPREADSHEET_WORKER_MAX_*``: 200,000 people-year rows are about 8 MB, 60 MB unpacked).


class SpreadsheetError(Exception):
    """A file that cannot be imported; ``errors`` lists every problem in Vietnamese."""

    def __init__(self, errors):
        super().__init__(errors[0] if errors else "")
        self.errors = list(errors)


@dataclasses.dataclass(frozen=True)
class BadCell:
    """A cell that could not be read; ``reason`` says why, in Vietnamese."""

    reason: str

    def __str__(self):
        return self.reason


MAX_ERRORS = 50
KINDS = ("page", "worker")


def limits(kind="page"):
    """The limits of one kind of import, read from settings when asked (tests change them)."""
    if kind not in KINDS:
        raise ValueError(kind)
    prefix = "SPREADSHEET_" if kind == "page" else "SPREADSHEET_WORKER_"
    return {
        "max_bytes": getattr(settings, prefix + "MAX_BYTES"),
        "max_uncompressed": getattr(settings, prefix + "MAX_UNCOMPRESSED_BYTES"),
        "max_rows": getattr(settings, prefix + "MAX_ROWS"),
    }


def _mb(size):
    return f"{size / (1024 * 1024):.0f}"


def _size_of(file):
    size = getattr(file, "size", None)
    if size is None:
        position = file.tell()
        size = file.seek(0, os.SEEK_END)
        file.seek(position)
    return size


def check_size(size, *, max_bytes):
    if size > max_bytes:
        raise SpreadsheetError(
            [_("Tệp lớn hơn %(mb)s MB, mức tối đa được nhận.") % {"mb": _mb(max_bytes)}]
        )


def check_archive(file, *, max_bytes=None, max_uncompressed=None, max_ratio=None, kind="page"):
    """Refuse a file too large, not a zip, or whose parts unpack too large or too
    compressed; only the zip's directory is read."""
    bounds = limits(kind)
    max_bytes = max_bytes or bounds["max_bytes"]
    max_uncompressed = max_uncompressed or bounds["max_uncompressed"]
    max_ratio = max_ratio or settings.SPREADSHEET_MAX_RATIO
    check_size(_size_of(file), max_bytes=max_bytes)
    try:
        file.seek(0)
        members = zipfile.ZipFile(file).infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise SpreadsheetError([_("Không đọc được tệp Excel (.xlsx).")]) from None
    total = 0
    for member in members:
        total += member.file_size
        ratio = member.file_size / max(member.compress_size, 1)
        if ratio > max_ratio and member.file_size > 1024 * 1024:
            raise SpreadsheetError(
                [
                    _(
                        "Tệp bị nén bất thường (phần “%(name)s” giải nén lớn gấp %(ratio)s lần); "
                        "không đọc tệp này."
                    )
                    % {"name": member.filename[:100], "ratio": int(ratio)}
                ]
            )
    if total > max_uncompressed:
        raise SpreadsheetError(
            [
                _("Nội dung tệp khi giải nén lớn hơn %(mb)s MB, mức tối đa được nhận.")
                % {"mb": _mb(max_uncompressed)}
            ]
        )
    file.seek(0)


def check_file(file, *, extension=".xlsx", kind="page"):
    """What can be refused before reading a row: the size, and for .xlsx the zip's
    directory. For an upload, at once in the request; the reader checks again."""
    if extension == ".csv":
        check_size(_size_of(file), max_bytes=limits(kind)["max_bytes"])
    else:
        check_archive(file, kind=kind)


def _cell_reason(element):
    kind = element.get("t", "n")
    raw = (element.findtext(_VALUE_TAG) or "")[:50]
    if kind == "s":
        return _("tham chiếu tới một chuỗi không có trong tệp (“%(v)s”).") % {"v": raw}
    if kind == "d":
        return _("“%(v)s” không phải là ngày hợp lệ.") % {"v": raw}
    if kind == "b":
        return _("“%(v)s” không phải là giá trị đúng/sai.") % {"v": raw}
    return _("“%(v)s” không phải là số.") % {"v": raw}


_VALUE_TAG = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}v"


def _parser_class():
    # openpyxl's read-only sheet parses its rows with WorkSheetParser; reading through a
    # subclass of it (and the sheet's ``_get_source``, ``_shared_strings``) relies on
    # openpyxl 3.1's internals: the version is pinned, and tests/emulation/test_spreadsheets.py
    # fails if an upgrade changes them.
    from openpyxl.utils.cell import coordinate_to_tuple
    from openpyxl.worksheet._reader import WorkSheetParser

    class CellParser(WorkSheetParser):
        """openpyxl's parser, except that a cell it cannot read becomes a ``BadCell``."""

        def parse_cell(self, element):
            try:
                cell = super().parse_cell(element)
            except Exception:
                try:
                    row, column = coordinate_to_tuple(element.get("r") or "")
                except Exception:
                    row, column = self.row_counter, self.col_counter
                return {
                    "row": row,
                    "column": column,
                    "value": BadCell(_cell_reason(element)),
                    "data_type": "e",
                    "style_id": 0,
                }
            value = cell["value"]
            if isinstance(value, float) and not math.isfinite(value):
                cell["value"] = BadCell(_("“%(v)s” là số quá lớn.") % {"v": value})
            elif cell["data_type"] == "e":
                cell["value"] = BadCell(
                    _("ô có giá trị lỗi (%(v)s), ví dụ một ngày ngoài khoảng cho phép.")
                    % {"v": str(value)[:20]}
                )
            return cell

    return CellParser


def _too_many(max_rows):
    return SpreadsheetError([_("Tệp có hơn %(n)s dòng, mức tối đa được nhận.") % {"n": max_rows}])


def _blank(values):
    return all(value in (None, "") for value in values)


def _xlsx_rows(file, *, max_rows, columns=None, on_open=None):
    """(row number, values) of the first sheet's rows that are not empty, streamed; values
    padded to ``columns`` (or as many as the row has). ``on_open(sheet)`` is told the sheet
    before the first row. The archive is checked by the caller."""
    import warnings

    from openpyxl import load_workbook

    last = 0
    book = None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = load_workbook(file, read_only=True, data_only=True)
            if not book.worksheets:
                raise SpreadsheetError([_("Tệp Excel không có trang tính nào.")])
            sheet = book.worksheets[0]
            if on_open:
                on_open(sheet)
            with sheet._get_source() as source:
                parser = _parser_class()(
                    source,
                    sheet._shared_strings,
                    data_only=True,
                    epoch=book.epoch,
                    date_formats=book._date_formats,
                    timedelta_formats=book._timedelta_formats,
                )
                for number, cells in parser.parse():
                    last = number
                    if number > max_rows:
                        raise _too_many(max_rows)
                    width = columns or max((cell["column"] for cell in cells), default=0)
                    values = [None] * width
                    for cell in cells:
                        if 1 <= cell["column"] <= width:
                            values[cell["column"] - 1] = cell["value"]
                    if not _blank(values):
                        yield number, values
    except SpreadsheetError:
        raise
    except Exception:
        raise SpreadsheetError(
            [
                _(
                    "Không đọc được tệp Excel (.xlsx) sau dòng %(row)s: tệp bị hỏng hoặc "
                    "không đúng định dạng."
                )
                % {"row": last}
                if last
                else _("Không đọc được tệp Excel (.xlsx).")
            ]
        ) from None
    finally:
        if book is not None:
            book.close()


def _csv_rows(handle, *, max_rows):
    """(row number, values) of a UTF-8 CSV's rows that are not empty (``,`` or ``;``)."""
    try:
        sample = handle.read(4096)
        handle.seek(0)
        delimiter = ";" if sample.count(";") > sample.count(",") else ","
        for number, values in enumerate(csv.reader(handle, delimiter=delimiter), start=1):
            if number > max_rows:
                raise _too_many(max_rows)
            if not _blank(values):
                yield number, values
    except UnicodeDecodeError:
        raise SpreadsheetError([_("Tệp CSV phải được lưu với mã UTF-8.")]) from None
    except csv.Error:
        raise SpreadsheetError([_("Không đọc được tệp CSV (UTF-8).")]) from None


def read_sheet(file, *, columns, max_rows=None, **bounds):
    """Rows of the first sheet as ``[(row number, [value × columns]), …]``, empty rows left
    out. A value is what Excel shows (a number, a text, a date, None) or a ``BadCell``.
    Raise ``SpreadsheetError`` for a file that is too large, unreadable, has more than
    ``max_rows`` rows, or any cell that cannot be read (each named by row and column). For a
    file read while the page waits: the whole sheet is in memory, within the page's limits."""
    from openpyxl.utils import get_column_letter

    max_rows = max_rows or limits("page")["max_rows"]
    check_archive(file, **bounds)
    rows = list(_xlsx_rows(file, max_rows=max_rows, columns=columns))
    errors = [
        _("Dòng %(row)s, cột %(col)s: %(reason)s")
        % {"row": number, "col": get_column_letter(index), "reason": value.reason}
        for number, values in rows
        for index, value in enumerate(values, start=1)
        if isinstance(value, BadCell)
    ]
    if errors:
        raise SpreadsheetError(errors[:MAX_ERRORS])
    return rows


@dataclasses.dataclass
class SheetStream:
    """An open sheet read a row at a time (``open_sheet``)."""

    headers: list  # the first row that is not empty, as text
    rows: object  # iterator of (row number, values) after it; a value may be a BadCell
    total: int  # rows below the header as far as the file says (0 when unknown)
    close: object


def open_sheet(path, *, extension, kind="worker"):
    """Open the file at ``path`` (.xlsx or .csv) to stream its rows within ``kind``'s
    limits: for a sheet too large to hold, read by the worker. Raise ``SpreadsheetError``
    for what is wrong before the first row; the rows iterator raises it for what is found
    later (too many rows, a broken file)."""
    bounds = limits(kind)
    handle = (
        open(path, encoding="utf-8-sig", newline="")  # noqa: SIM115 closed by close()
        if extension == ".csv"
        else open(path, "rb")  # noqa: SIM115 closed by close()
    )
    try:
        if extension == ".csv":
            check_size(os.path.getsize(path), max_bytes=bounds["max_bytes"])
            try:
                total = max(sum(1 for _line in handle) - 1, 0)
            except UnicodeDecodeError:
                raise SpreadsheetError([_("Tệp CSV phải được lưu với mã UTF-8.")]) from None
            handle.seek(0)
            rows = _csv_rows(handle, max_rows=bounds["max_rows"])
        else:
            check_archive(handle, kind=kind)
            declared = {}
            rows = _xlsx_rows(
                handle,
                max_rows=bounds["max_rows"],
                on_open=lambda sheet: declared.setdefault("rows", sheet.max_row or 0),
            )
        first = next(rows, None)
        if extension != ".csv":
            total = max(declared.get("rows", 0) - 1, 0)
    except BaseException:
        handle.close()
        raise
    headers = ["" if value is None else str(value).strip() for value in (first or (0, []))[1]]

    def close():
        rows.close()
        handle.close()

    return SheetStream(headers, rows, total, close)
