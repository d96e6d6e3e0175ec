"""A real Celery worker (own process, Redis, PostgreSQL) builds a report end to end; the
leader asks for it in a real browser, watches it being built and downloads it."""

import os
import shutil
import signal
import time
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.db import transaction

from documents.models import ReportVersion
from documents.reports import services
from tests.documents.reports.conftest import HEAD_NAME, pdf_text
from tests.factories import PASSWORD

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


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
    celery_worker_process, catalogue, world, cluster2, tmp_path
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
    celery_worker_process, catalogue, world, cluster2, live_server, page, tmp_path
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


LONG_RESULTS = "\n\n".join(
    f"Đoạn {n}: các đơn vị trong cụm đã hoàn thành xuất sắc nhiệm vụ chính trị được giao, "
    + "đẩy mạnh phong trào thi đua yêu nước, " * 12
    for n in range(1, 161)
)


def _request_a_long_report(world, cluster2):
    report = cluster2.report
    report.results = LONG_RESULTS
    report.save()
    with transaction.atomic():
        return services.report_version_request(actor=world.users.leader, report=report)


def _wait_until_building(version, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        version.refresh_from_db()
        if version.status == ReportVersion.Status.BUILDING and version.lease_holder:
            return int(version.lease_holder.rpartition(":")[2])
        if version.is_final:
            pytest.fail(f"the build ended ({version.status}) before it could be interrupted")
        time.sleep(0.02)
    pytest.fail(f"version still {version.status} after {seconds} s")


def _report_files(private_media, version):
    folder = Path(private_media) / "reports" / str(version.report_id)
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_a_report_survives_kill_9_of_the_worker_child_within_60_s(
    celery_workers, catalogue, world, cluster2, private_media
):
    worker = celery_workers.start(pool="prefork", concurrency=1)
    version = _request_a_long_report(world, cluster2)
    child = _wait_until_building(version)
    assert child != worker.pid  # the lease names the pool child doing the work

    os.kill(child, signal.SIGKILL)
    _wait_until_final(version, seconds=60)

    assert version.status == ReportVersion.Status.READY, version.error_message
    assert version.attempts == 2
    assert not version.lease_holder.endswith(f":{child}")
    assert ReportVersion.objects.count() == 1
    assert _report_files(private_media, version) == [f"{version.request_id}.pdf"]


def test_a_report_survives_kill_9_of_the_whole_worker_and_a_restart(
    celery_workers, catalogue, world, cluster2, private_media
):
    short = {"CELERY_VISIBILITY_TIMEOUT": "20"}
    worker = celery_workers.start(pool="prefork", concurrency=1, extra_env=short)
    version = _request_a_long_report(world, cluster2)
    _wait_until_building(version)

    os.killpg(worker.pid, signal.SIGKILL)
    worker.wait(timeout=10)
    time.sleep(1)
    version.refresh_from_db()
    assert version.status == ReportVersion.Status.BUILDING  # nobody left to finish it

    celery_workers.start(pool="prefork", concurrency=1, extra_env=short)
    _wait_until_final(version, seconds=20 + 40)

    assert version.status == ReportVersion.Status.READY, version.error_message
    assert version.attempts == 2
    assert ReportVersion.objects.count() == 1
    assert _report_files(private_media, version) == [f"{version.request_id}.pdf"]
