"""The score-grid and scoring-table imports read through the shared bounded reader: a
malformed cell, an over-long code or a zip bomb is a message on the page, never a 500, and
nothing is stored."""

import io
import re
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from clusters.models import Score, ScoringTable
from tests.clusters.evaluation.excel import PAPER_TABLE, xlsx
from tests.xlsx_files import DATE_STYLES, MALFORMED, bomb, replace_parts, with_rows


def _grid_file(world, client, cell):
    """The grid's export with ``cell`` (written for C3) put in G3 (Điểm tự chấm)."""
    exported = client.get(reverse("clusters:score_export", args=[world.cluster.pk, world.year]))
    sheet = zipfile.ZipFile(io.BytesIO(exported.content)).read("xl/worksheets/sheet1.xml")
    sheet = re.sub(rb'<c r="G3"[^>]*?(/>|>.*?</c>)', b"", sheet)
    row = re.search(rb'<row r="3"[^>]*>.*?</row>', sheet).group(0)
    sheet = sheet.replace(
        row, row[: -len(b"</row>")] + cell.replace("C3", "G3").encode() + b"</row>"
    )
    return replace_parts(exported.content, {"xl/worksheets/sheet1.xml": sheet})


@pytest.mark.parametrize(("cell", "message"), MALFORMED.values(), ids=MALFORMED.keys())
def test_the_grid_import_tells_a_malformed_cell_and_stores_nothing(
    client_as, world, table, cell, message
):
    client = client_as("secretary")
    content = _grid_file(world, client, cell)
    if "s=" in cell:  # the export's own styles: make style 1 a date
        content = replace_parts(content, {"xl/styles.xml": DATE_STYLES})
    response = client.post(
        reverse("clusters:score_import", args=[world.cluster.pk, world.year]),
        {"file": SimpleUploadedFile("bang.xlsx", content)},
    )
    assert response.status_code == 200
    assert message.replace("cột C", "cột G") in response.content.decode()
    assert Score.objects.count() == 0


@pytest.mark.parametrize(("cell", "message"), MALFORMED.values(), ids=MALFORMED.keys())
def test_the_table_import_tells_a_malformed_cell_and_stores_nothing(
    client_as, world, cell, message
):
    rows = "".join(
        f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>{a}</t></is></c>'
        f'<c r="B{n}" t="inlineStr"><is><t>{b}</t></is></c>'
        + (f'<c r="C{n}"><v>{c}</v></c>' if n != 3 else cell)
        + "</row>"
        for n, (a, b, c) in enumerate(
            [("Số TT", "Tiêu chí", ""), ("I", "Chuyên môn", 10), ("1", "Kế hoạch", 10)], start=1
        )
    )
    response = client_as("staff").post(
        reverse("clusters:scoring_table_import"),
        {
            "ministry": world.ministry.pk,
            "year": 2022,
            "cluster": "",
            "name": "Bảng 2022",
            "file": SimpleUploadedFile("bang.xlsx", with_rows(rows, styles=DATE_STYLES)),
        },
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert ScoringTable.objects.count() == 0


@pytest.mark.parametrize(
    ("code", "accepted"), [("1" * 9, True), ("1" * 10, True), ("1" * 11, False)]
)
def test_the_table_import_refuses_a_code_over_ten_characters(client_as, world, code, accepted):
    rows = [*PAPER_TABLE[:4], (code, "Tiêu chí có số TT dài", 10)]
    response = client_as("staff").post(
        reverse("clusters:scoring_table_import"),
        {
            "ministry": world.ministry.pk,
            "year": 2022,
            "cluster": "",
            "name": "Bảng 2022",
            "file": xlsx(rows),
        },
    )
    assert ScoringTable.objects.count() == (1 if accepted else 0)
    if not accepted:
        assert response.status_code == 200
        assert "Dòng 5, cột A (Số TT): tối đa 10 ký tự, tệp có 11." in response.content.decode()


def test_the_grid_import_refuses_a_bomb_with_a_message(client_as, world, table):
    response = client_as("secretary").post(
        reverse("clusters:score_import", args=[world.cluster.pk, world.year]),
        {"file": SimpleUploadedFile("bang.xlsx", bomb())},
    )
    assert response.status_code == 200
    assert "Tệp bị nén bất thường" in response.content.decode()
