"""Through a real Celery worker on PostgreSQL: the check and the write run in the worker (the
write's progress counter goes through a second connection without waiting on the write)."""

import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from emulation.models import ImportBatch
from emulation.roles import Role
from tests.emulation.imports.sheets import xlsx
from tests.factories import MinistryFactory, UserFactory, grant
from units.models import Unit

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def wait_for(batch, statuses, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        batch.refresh_from_db()
        if batch.status in statuses:
            return batch
        time.sleep(0.2)
    pytest.fail(f"the batch stayed {batch.status}")


def test_the_worker_checks_then_writes_a_file(celery_worker_process, catalogue):
    ministry = MinistryFactory(name="Bộ Có Worker")
    client = Client()
    client.force_login(grant(UserFactory(), Role.MINISTRY_STAFF, ministry))
    rows = [["Mã đơn vị", "Tên đơn vị", "Loại hình"]] + [
        [f"W-{i:04d}", f"Viện số {i:04d}", "Viện"] for i in range(2500)
    ]
    response = client.post(
        reverse("import_upload", args=["units"]),
        {"ministry": ministry.pk, "file": SimpleUploadedFile("w.xlsx", xlsx(rows))},
    )
    batch = ImportBatch.objects.get()
    assert response.url == reverse("import_batch", args=[batch.pk])
    batch = wait_for(batch, {ImportBatch.Status.CHECKED})
    assert batch.counts == {"new": 2500, "changed": 0, "unchanged": 0, "refused": 0}
    client.post(reverse("import_confirm", args=[batch.pk]))
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        batch.refresh_from_db()
        if batch.status == ImportBatch.Status.DONE:
            break
        time.sleep(0.05)
    assert batch.status == ImportBatch.Status.DONE
    assert Unit.objects.filter(ministry=ministry).count() == 2500
    assert batch.processed_rows == 2500
    page = client.get(reverse("import_batch", args=[batch.pk])).content.decode()
    assert "Đã ghi lúc" in page
