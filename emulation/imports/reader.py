"""A bounded reader for uploaded spreadsheets (.xlsx streamed with openpyxl's read-only mode,
or .csv): refuses a file too large, a zip that would unpack too large (a "zip bomb") and a
sheet with too many rows, before or while reading, never after loading it whole."""

import csv
import io
import os
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

from emulation.errors import DomainError

XLSX_SIGNATURE = b"PK\x03\x04"


def _limits():
    return (
        settings.SHEET_IMPORT_MAX_BYTES,
        settings.SHEET_IMPORT_MAX_UNCOMPRESSED_BYTES,
        settings.SHEET_IMPORT_MAX_ROWS,
    )


def check_upload(upload):
    """Refuse at once what cannot be read: wrong type, too large. Returns the extension."""
    max_bytes, _unpacked, _rows = _limits()
    extension = os.path.splitext(upload.name or "")[1].lower()
    if extension not in (".xlsx", ".csv"):
        raise DomainError(_("Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv)."), field="file")
    if upload.size > max_bytes:
        raise DomainError(
            _("Tệp quá lớn: tối đa %(mb)s MB.") % {"mb": max_bytes // (1024 * 1024)}, field="file"
        )
    upload.seek(0)
    head = upload.read(4)
    upload.seek(0)
    if extension == ".xlsx" and head != XLSX_SIGNATURE:
        raise DomainError(_("Nội dung tệp không phải Excel (.xlsx)."), field="file")
    return extension


@dataclass
class OpenSheet:
    headers: list  # the first row, as text
    rows: object  # iterator of (row number, tuple of values), from the second row
    total: int  # rows below the header, as far as the file says (0 when unknown)
    close: object


def bounded_open(path, *, extension):
    """Open ``path`` for reading rows, within the configured limits."""
    max_bytes, max_unpacked, max_rows = _limits()
    if os.path.getsize(path) > max_bytes:
        raise DomainError(_("Tệp quá lớn: tối đa %(mb)s MB.") % {"mb": max_bytes // 1048576})
    if extension == ".csv":
        return _open_csv(path, max_rows)
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError) as exc:
        raise DomainError(_("Không đọc được tệp Excel (.xlsx).")) from exc
    if unpacked > max_unpacked:
        raise DomainError(
            _("Tệp Excel giải nén ra quá lớn (tối đa %(mb)s MB).") % {"mb": max_unpacked // 1048576}
        )
    return _open_xlsx(path, max_rows)


def _too_many(max_rows):
    return DomainError(_("Tệp có quá nhiều dòng: tối đa %(n)s dòng.") % {"n": f"{max_rows:,}"})


def _limited(rows, max_rows, first_number):
    count = 0
    for number, row in enumerate(rows, start=first_number):
        if all(value in (None, "") for value in row):
            continue
        count += 1
        if count > max_rows:
            raise _too_many(max_rows)
        yield number, row


def _open_xlsx(path, max_rows):
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
        sheet = book.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        header = next(rows, ())
    except DomainError:
        raise
    except Exception as exc:  # openpyxl raises many types on a file that is not xlsx
        raise DomainError(_("Không đọc được tệp Excel (.xlsx).")) from exc
    total = max((sheet.max_row or 1) - 1, 0)
    if total > max_rows * 2:  # the sheet says so itself; empty rows are skipped below
        book.close()
        raise _too_many(max_rows)
    headers = ["" if value is None else str(value).strip() for value in header]
    return OpenSheet(headers, _limited(rows, max_rows, 2), total, book.close)


def _open_csv(path, max_rows):
    handle = open(path, encoding="utf-8-sig", newline="")  # noqa: SIM115 closed by OpenSheet
    try:
        sample = handle.read(4096)
        handle.seek(0)
        total = sum(1 for _line in handle) - 1
        handle.seek(0)
    except UnicodeDecodeError as exc:
        handle.close()
        raise DomainError(_("Tệp CSV phải được lưu với mã UTF-8.")) from exc
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    reader = csv.reader(handle, delimiter=delimiter)

    def rows():
        try:
            yield from reader
        except (UnicodeDecodeError, csv.Error) as exc:
            raise DomainError(_("Không đọc được tệp CSV (UTF-8).")) from exc

    iterator = rows()
    header = next(iterator, [])
    return OpenSheet(
        [value.strip() for value in header],
        _limited(iterator, max_rows, 2),
        max(total, 0),
        handle.close,
    )


def csv_bytes(rows):
    """Rows → UTF-8 CSV with a byte-order mark, which Excel opens with the accents intact."""
    out = io.StringIO()
    writer = csv.writer(out)
    for row in rows:
        writer.writerow(["" if value is None else value for value in row])
    return ("\ufeff" + out.getvalue()).encode()
