"""No text a user typed reaches a spreadsheet as a formula: every export (the staff's queue,
the decisions, the score grid, the proposal's audit CSV) with every prefix a spreadsheet reads
as the start of a formula."""

import io
import zipfile

import pytest
from django.urls import reverse

from awards.models import Award, Decision, Nomination
from clusters.models import Score
from emulation.audit import audit_record
from emulation.spreadsheets import FORMULA_TRIGGERS, csv_field
from tests.clusters.evaluation.conftest import build_table
from units.models import Unit

PREFIXES = ["=", "+", "-", "@", "\t", "\r"]


def _payload(prefix, what):
    return f'{prefix}HYPERLINK("http://evil.example/{what}","Bấm")'


def _newlines(text):
    """XML reads a carriage return back as a line feed."""
    return text.replace("\r", "\n")


def _text_cells(content):
    """Every cell of every sheet: (value, type, text marker); and whether any formula exists."""
    from openpyxl import load_workbook

    archive = zipfile.ZipFile(io.BytesIO(content))
    formulas = any(
        b"<f>" in archive.read(name) or b"<f " in archive.read(name)
        for name in archive.namelist()
        if name.startswith("xl/worksheets/")
    )
    book = load_workbook(io.BytesIO(content))
    cells = {
        _newlines(cell.value): (cell.data_type, bool(cell.quotePrefix))
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str)
    }
    return cells, formulas


@pytest.fixture
def poisoned(world, decided):
    """Every user-typed field the exports show starts with ``prefix``."""

    def poison(prefix):
        unit = world.units[0]
        Unit.objects.filter(pk=unit.pk).update(name=_payload(prefix, "unit"))
        Nomination.objects.update(outcome_reason=_payload(prefix, "reason"))
        Decision.objects.update(signer_name=_payload(prefix, "signer"))
        Award.objects.update(revoked_reason=_payload(prefix, "revoked"))
        table = build_table(world.ministry, world.year, criteria=1)
        criterion = table.groups.get().criteria.get()
        Score.objects.create(
            cluster_year=world.cluster_year,
            unit=unit,
            criterion=criterion,
            comment=_payload(prefix, "comment"),
        )
        audit_record(
            actor=world.users.staff,
            action="proposal_return",
            obj=decided,
            reason=_payload(prefix, "audit"),
        )
        return decided

    return poison


@pytest.mark.parametrize("prefix", PREFIXES, ids=[repr(p) for p in PREFIXES])
def test_every_xlsx_export_stores_formula_like_text_as_text(client_as, poisoned, world, prefix):
    poisoned(prefix)
    exports = {
        "queue": (
            client_as("staff").get(reverse("awards:queue_export")),
            ["unit", "reason"],
        ),
        "decisions": (
            client_as("staff").get(reverse("awards:decisions_export")),
            ["unit", "signer", "revoked"],
        ),
        "grid": (
            client_as("secretary").get(
                reverse("clusters:score_export", args=[world.cluster.pk, world.year])
            ),
            ["unit", "comment"],
        ),
    }
    for name, (response, fields) in exports.items():
        assert response.status_code == 200, name
        cells, formulas = _text_cells(response.content)
        assert formulas is False, name
        for field in fields:
            value = _newlines(_payload(prefix, field))
            assert cells.get(value) == ("s", True), (name, field, cells.keys())


@pytest.mark.parametrize("prefix", PREFIXES, ids=[repr(p) for p in PREFIXES])
def test_the_audit_csv_writes_formula_like_text_with_a_leading_apostrophe(
    client_as, poisoned, prefix
):
    import csv

    proposal = poisoned(prefix)
    response = client_as("staff").get(reverse("awards:audit_export", args=[proposal.pk]))

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"), newline="")))
    reasons = [row[6] for row in rows[1:]]
    assert "'" + _payload(prefix, "audit") in reasons
    assert not any(field.startswith(FORMULA_TRIGGERS) for row in rows for field in row)


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("=1+1", "'=1+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("-5", "'-5"),
        (" =1", " =1"),
        ("a=b", "a=b"),
        ("", ""),
        (None, ""),
        (-5, -5),
        ({"a": "=1"}, "{'a': '=1'}"),
    ],
)
def test_a_csv_field_is_escaped_only_when_it_starts_like_a_formula(value, written):
    assert csv_field(value) == written
