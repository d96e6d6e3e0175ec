"""A real Celery worker (own process, Redis, PostgreSQL) builds a report end to end; the
leader asks for it in a real browser, watches it being built and downloads it."""

import shutil
import time
from importlib import import_module
from pathlib import Path

import pytest
from django.apps import apps as django_apps
from django.core.files.storage import default_storage
from django.db import transaction

from emulation.models import LegalRegime, ReportVersion
from emulation.reports import services
from tests.emulation.reports.conftest import HEAD_NAME, pdf_text
from tests.factories import PASSWORD

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def legal_regimes(transactional_db):
    """Transactional tests flush the tables after each test, including the legal regimes and
    award catalogue the migrations load (``serialized_rollback`` cannot restore them once
    Playwright's event loop owns the connection): load them again."""
    if not LegalRegime.objects.exists():
        import_module("emulation.migrations.0003_award_catalogue").load(django_apps, None)


@pytest.fixture
def private_media():
    """The worker process writes to the configured private storage: use it here too and
    remove the folders the test created."""
    reports = Path(default_storage.location) / "reports"
    before = set(reports.iterdir()) if reports.exists() else set()
    yield default_storage.location
    for folder in (set(reports.iterdir()) if reports.exists() else set()) - before:
        shutil.rmtree(folder)


def _wait_until_final(version, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        version.refresh_from_db()
        if version.is_final:
            return version
        time.sleep(0.2)
    pytest.fail(f"version still {version.status} after {seconds} s")


def test_a_real_worker_builds_the_report(
    celery_worker_process, legal_regimes, world, cluster2, tmp_path
):
    with transaction.atomic():
        version = services.report_version_request(actor=world.users.leader, report=cluster2.report)
        assert version.status == ReportVersion.Status.QUEUED

    _wait_until_final(version)

    assert version.status == ReportVersion.Status.READY, version.error_message
    with version.file.open("rb") as handle:
        content = handle.read()
    assert content.startswith(b"%PDF-")
    text = pdf_text(content, tmp_path)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert HEAD_NAME in text


@pytest.mark.browser
def test_leader_asks_for_the_2020_report_waits_and_downloads_it(
    celery_worker_process, legal_regimes, world, cluster2, live_server, page, tmp_path
):
    world.users.leader.set_password(PASSWORD)
    world.users.leader.save()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", world.users.leader.username)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.goto(f"{live_server.url}/clusters/{world.cluster.pk}/?year=2020")

    page.click("text=Mở báo cáo tổng kết")
    page.click("#generate-report")
    assert page.locator(".report-version").count() == 1
    link = page.locator("a.download-link")
    link.wait_for(timeout=60_000)  # htmx polls the versions list every 2 s
    with page.expect_download() as download_info:
        link.click()

    target = tmp_path / "downloaded.pdf"
    download_info.value.save_as(target)
    assert target.read_bytes()[:5] == b"%PDF-"
    assert "Cụm thi đua số 2" in " ".join(pdf_text(target, tmp_path).split())
    assert page.locator(".report-version[data-status=ready]").count() == 1
