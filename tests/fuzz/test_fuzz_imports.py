"""Hypothesis feeds the score-grid and scoring-table imports generated workbooks (any cell of
any type where a number, a code or a text is expected), damaged .xlsx files and random bytes:
the reader raises nothing but its own error, and the pages never answer a server error."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from clusters.models import Score
from emulation.spreadsheets import SpreadsheetError, read_sheet
from tests.fuzz.conftest import RULES_BROKEN, record
from tests.fuzz.strategies import text

CELL = st.one_of(
    st.none(),
    text(),
    st.integers(min_value=-(2**63), max_value=2**63),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.dates(min_value=datetime.date(1900, 3, 1)),
    st.sampled_from(["Số TT", "I", "II.", "1", "-", "a)", "x", "Điểm thưởng", "Điểm trừ"]),
)
ROWS = st.lists(st.lists(CELL, max_size=10), max_size=30)


def _workbook(rows, header):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    if header:
        sheet.append(header)
    for row in rows:
        sheet.append([_safe(value) for value in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _safe(value):
    """openpyxl refuses some characters in a cell; a user's file could not hold them either."""
    if isinstance(value, str):
        return "".join(c for c in value if c.isprintable() or c in "\t\n")[:32767]
    return value


@st.composite
def upload(draw, header):
    kind = draw(st.sampled_from(["workbook", "workbook", "damaged", "bytes"]))
    if kind == "bytes":
        return draw(st.binary(max_size=2000))
    content = bytearray(_workbook(draw(ROWS), header if draw(st.booleans()) else None))
    if kind == "damaged":
        # Positions as fractions: the workbook's length varies (openpyxl dates it), and the
        # draws must not depend on it (Hypothesis replays them).
        for _ in range(draw(st.integers(1, 8))):
            position = draw(st.integers(0, 10**6)) * (len(content) - 1) // 10**6
            content[position] = draw(st.integers(0, 255))
    return bytes(content)


GRID_HEADER = ["Mã đơn vị", "Đơn vị", "Mã tiêu chí", "Số TT", "Tiêu chí", "Điểm tối đa"]
TABLE_HEADER = ["Số TT", "Tiêu chí", "Điểm chuẩn", "Minh chứng"]


@given(upload(GRID_HEADER))
def test_the_reader_raises_only_its_own_error(content):
    try:
        rows = read_sheet(io.BytesIO(content), columns=9)
    except SpreadsheetError as error:
        assert error.errors and all(isinstance(message, str) for message in error.errors)
    else:
        assert all(len(values) == 9 for _number, values in rows)


@pytest.mark.parametrize("target", ["score_import", "scoring_table_import"])
def test_no_import_answers_a_server_error(client_as, fuzz_world, target):
    world = fuzz_world.world
    if target == "score_import":
        client = client_as("secretary")
        url = reverse("clusters:score_import", args=[world.cluster.pk, world.year])
        header, fields = GRID_HEADER, {}
    else:
        client = client_as("staff")
        url = reverse("clusters:scoring_table_import")
        header = TABLE_HEADER
        fields = {"ministry": world.ministry.pk, "year": 2022, "cluster": "", "name": "Bảng"}
    client.raise_request_exception = False

    @given(upload(header), st.integers(0, 2**32))
    def submit(content, seed):
        payload = {**fields, "file": SimpleUploadedFile(f"tep-{seed}.xlsx", content)}
        response = client.post(url, payload)
        record(target, response.status_code)
        assert response.status_code < 500, content[:200]

    submit()

    over = [
        score
        for score in Score.objects.select_related("criterion")
        if any(
            value is not None and not 0 <= value <= score.criterion.max_points
            for value in (score.self_score, score.agreed_score)
        )
    ]
    if over:
        RULES_BROKEN[target] += len(over)
    assert over == []
