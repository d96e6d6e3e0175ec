"""Helpers: build a spreadsheet as a ministry would, upload it as staff, confirm it."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from emulation.models import ImportBatch


def xlsx(rows):
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def read_xlsx(content):
    """The first sheet's rows as lists (trailing empty cells dropped)."""
    sheet = load_workbook(io.BytesIO(content), read_only=True).worksheets[0]
    rows = []
    for row in sheet.iter_rows(values_only=True):
        values = list(row)
        while values and values[-1] in (None, ""):
            values.pop()
        rows.append(values)
    return rows


def upload(client, kind, content, *, ministry, name="ds.xlsx", capture):
    with capture(execute=True):
        response = client.post(
            reverse("import_upload", args=[kind]),
            {"ministry": ministry.pk, "file": SimpleUploadedFile(name, content)},
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    return ImportBatch.objects.latest("id")


def confirm(client, batch, *, capture):
    with capture(execute=True):
        response = client.post(reverse("import_confirm", args=[batch.pk]))
    assert response.status_code == 302
    batch.refresh_from_db()
    return batch


def load(client, kind, content, *, ministry, capture, name="ds.xlsx"):
    """Upload and, when the preview refuses nothing, confirm. Returns the batch."""
    batch = upload(client, kind, content, ministry=ministry, name=name, capture=capture)
    batch.refresh_from_db()
    if batch.status == ImportBatch.Status.CHECKED and (
        batch.counts["new"] or batch.counts["changed"]
    ):
        batch = confirm(client, batch, capture=capture)
    return batch


def export(client, kind, ministry, fmt="xlsx"):
    url = reverse("import_export", args=[kind, ministry.pk])
    response = client.get(url + ("?format=csv" if fmt == "csv" else ""))
    assert response.status_code == 200
    return response.content
