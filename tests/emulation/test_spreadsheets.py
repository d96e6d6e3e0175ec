"""The shared spreadsheet reader: bounded before parsing (upload size, unpacked size and
ratio, rows) and every malformed cell told by row and column, in the score-grid and
scoring-table imports alike."""

import io
import zipfile

import pytest

from emulation.spreadsheets import SpreadsheetError, read_sheet
from tests.clusters.evaluation.excel import xlsx
from tests.xlsx_files import DATE_STYLES, MAIN, MALFORMED, bomb, book, replace_parts, with_rows


def _read(content, **kwargs):
    return read_sheet(io.BytesIO(content), columns=4, **kwargs)


def _errors(content, **kwargs):
    with pytest.raises(SpreadsheetError) as caught:
        _read(content, **kwargs)
    return caught.value.errors


def test_a_plain_sheet_reads_as_numbered_rows_without_the_empty_ones():
    content = xlsx([("Số TT", "Tiêu chí"), (), ("I", "Chuyên môn", 40)]).read()
    assert _read(content) == [
        (1, ["Số TT", "Tiêu chí", None, None]),
        (3, ["I", "Chuyên môn", 40, None]),
    ]


# -- limits checked before parsing ------------------------------------------------------------


def test_the_upload_size_is_limited_at_the_byte(settings):
    content = book()
    settings.SPREADSHEET_MAX_BYTES = len(content)
    assert _read(content)
    settings.SPREADSHEET_MAX_BYTES = len(content) - 1
    assert _errors(content) == ["Tệp lớn hơn 0 MB, mức tối đa được nhận."]


def _ratio(content, name="xl/sharedStrings.xml"):
    info = zipfile.ZipFile(io.BytesIO(content)).getinfo(name)
    return info.file_size / info.compress_size


def test_a_part_compressed_beyond_the_ratio_is_refused_before_parsing(settings):
    content = bomb()
    ratio = _ratio(content)
    settings.SPREADSHEET_MAX_RATIO = ratio + 1
    assert _read(content)
    settings.SPREADSHEET_MAX_RATIO = ratio - 1
    assert _errors(content) == [
        f"Tệp bị nén bất thường (phần “xl/sharedStrings.xml” giải nén lớn gấp {int(ratio)} lần); "
        "không đọc tệp này."
    ]
    assert ratio > 100  # the default refuses it


def test_the_total_unpacked_size_is_limited_at_the_byte(settings):
    content = bomb()
    settings.SPREADSHEET_MAX_RATIO = 10**6
    total = sum(i.file_size for i in zipfile.ZipFile(io.BytesIO(content)).infolist())
    settings.SPREADSHEET_MAX_UNCOMPRESSED_BYTES = total
    assert _read(content)
    settings.SPREADSHEET_MAX_UNCOMPRESSED_BYTES = total - 1
    assert _errors(content) == ["Nội dung tệp khi giải nén lớn hơn 3 MB, mức tối đa được nhận."]


@pytest.mark.parametrize(("max_rows", "accepted"), [(6, True), (5, False), (7, True)])
def test_the_row_count_is_limited(max_rows, accepted):
    content = xlsx([(n,) for n in range(1, 7)]).read()
    if accepted:
        assert len(_read(content, max_rows=max_rows)) == 6
    else:
        assert _errors(content, max_rows=max_rows) == ["Tệp có hơn 5 dòng, mức tối đa được nhận."]


def test_a_sheet_with_a_row_far_below_the_limit_stops_there_without_reading_on(settings):
    content = with_rows('<row r="1048576"><c r="A1048576"><v>1</v></c></row>')
    assert _errors(content) == ["Tệp có hơn 5000 dòng, mức tối đa được nhận."]


@pytest.mark.parametrize(
    "content",
    [b"", b"not a zip at all", b"PK\x03\x04broken", replace_parts(b"", {}) if False else b"PK"],
    ids=["empty", "text", "broken zip", "signature only"],
)
def test_a_file_that_is_not_xlsx_is_told_so(content):
    assert _errors(content) == ["Không đọc được tệp Excel (.xlsx)."]


def test_a_zip_that_is_not_a_workbook_is_told_so():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("hello.txt", "xin chào")
    assert _errors(out.getvalue()) == ["Không đọc được tệp Excel (.xlsx)."]


def test_broken_sheet_xml_is_told_as_unreadable():
    content = replace_parts(
        book(),
        {
            "xl/worksheets/sheet1.xml": (
                f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row>'
                '<row r="2"><c r="A2"><v>2'
            ).encode()
        },
    )
    assert _errors(content) == ["Không đọc được tệp Excel (.xlsx)."]


def test_a_broken_row_names_the_last_row_read():
    content = with_rows('<row r="1"><c r="A1"><v>1</v></c></row><row r="hai"><c><v>2</v></c></row>')
    assert _errors(content) == [
        "Không đọc được tệp Excel (.xlsx) sau dòng 1: tệp bị hỏng hoặc không đúng định dạng."
    ]


# -- malformed cells: a message naming row and column ---------------------------------------


@pytest.mark.parametrize(("cell", "message"), MALFORMED.values(), ids=MALFORMED.keys())
def test_a_malformed_cell_is_named_by_row_and_column(cell, message):
    content = with_rows(f'<row r="3">{cell}</row>', styles=DATE_STYLES)
    assert _errors(content) == [message]


def test_a_malformed_cell_beyond_the_columns_read_is_ignored():
    content = with_rows('<row r="3"><c r="A3"><v>1</v></c><c r="Z3" t="s"><v>999</v></c></row>')
    assert _read(content) == [(3, [1, None, None, None])]
