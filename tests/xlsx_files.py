"""Hand-made .xlsx files for the import tests: parts replaced, raw cells, bombs."""

import datetime
import io
import zipfile

from tests.clusters.evaluation.excel import xlsx

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def book(rows=(("a",),)):
    return xlsx(rows).read()


def replace_parts(content, parts):
    """The .xlsx ``content`` with some of its parts replaced (name → bytes)."""
    source = zipfile.ZipFile(io.BytesIO(content))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item.filename, parts.get(item.filename, source.read(item.filename)))
        for name, data in parts.items():
            if name not in source.namelist():
                target.writestr(name, data)
    return out.getvalue()


def with_rows(rows_xml, styles=None):
    sheet = (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}">'
        f"<sheetData>{rows_xml}</sheetData></worksheet>"
    ).encode()
    parts = {"xl/worksheets/sheet1.xml": sheet}
    if styles:
        parts["xl/styles.xml"] = styles
    return replace_parts(book(), parts)


def bomb(size=3 * 1024 * 1024):
    """A 3 MB shared-strings part that compresses to a few kilobytes."""
    strings = (
        f'<?xml version="1.0"?><sst xmlns="{MAIN}" count="1" uniqueCount="1"><si><t>'
        + "A" * size
        + "</t></si></sst>"
    ).encode()
    return replace_parts(book(), {"xl/sharedStrings.xml": strings})


def _date_styles():
    """openpyxl's styles for a book with a date in A1: style 1 is the date format."""
    content = xlsx([(datetime.date(2021, 1, 1),)]).read()
    return zipfile.ZipFile(io.BytesIO(content)).read("xl/styles.xml")


DATE_STYLES = _date_styles()

MALFORMED = {
    "non-numeric number": (
        '<c r="C3" t="n"><v>mười</v></c>',
        "Dòng 3, cột C: “mười” không phải là số.",
    ),
    "bad ISO date": (
        '<c r="C3" t="d"><v>2021-13-45</v></c>',
        "Dòng 3, cột C: “2021-13-45” không phải là ngày hợp lệ.",
    ),
    "date serial out of range": (
        '<c r="C3" s="1"><v>99999999</v></c>',
        "Dòng 3, cột C: ô có giá trị lỗi (#VALUE!), ví dụ một ngày ngoài khoảng cho phép.",
    ),
    "1e999": ('<c r="C3"><v>1e999</v></c>', "Dòng 3, cột C: “inf” là số quá lớn."),
    "shared string out of range": (
        '<c r="C3" t="s"><v>999</v></c>',
        "Dòng 3, cột C: tham chiếu tới một chuỗi không có trong tệp (“999”).",
    ),
    "bad boolean": (
        '<c r="C3" t="b"><v>có</v></c>',
        "Dòng 3, cột C: “có” không phải là giá trị đúng/sai.",
    ),
}
