"""Requesting and building a version: enqueued after commit, idempotent, failures told."""

import datetime
import hashlib

import pytest
from celery.exceptions import SoftTimeLimitExceeded
from django.db import OperationalError
from django.utils import timezone

from documents.models import ReportVersion
from documents.reports import build, services
from documents.reports.data import report_data_version
from documents.tasks import build_report_version
from emulation.models import AuditEntry

Status = ReportVersion.Status


def _files(root):
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def test_a_requested_version_is_built_only_after_the_request_commits(
    cluster2, world, django_capture_on_commit_callbacks, private_media
):
    with django_capture_on_commit_callbacks() as callbacks:
        version = services.report_version_request(actor=world.users.leader, report=cluster2.report)
        version.refresh_from_db()
        assert version.status == Status.QUEUED
    assert len(callbacks) == 1

    callbacks[0]()

    version.refresh_from_db()
    content = version.file.read()
    assert version.status == Status.READY
    assert content.startswith(b"%PDF-")
    assert version.sha256 == hashlib.sha256(content).hexdigest()
    assert version.size == len(content)
    assert version.data_version == report_data_version(cluster2.report)
    assert version.generated_at is not None
    assert version.requested_by == world.users.leader
    assert _files(private_media) == [f"reports/{cluster2.report.pk}/{version.request_id}.pdf"]


def test_a_second_request_while_one_is_pending_returns_the_pending_one(
    cluster2, world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        first = services.report_version_request(actor=world.users.leader, report=cluster2.report)
        second = services.report_version_request(actor=world.users.staff, report=cluster2.report)

    assert second == first
    assert len(callbacks) == 1
    assert ReportVersion.objects.count() == 1


def test_running_the_task_twice_leaves_one_file(cluster2, world, private_media):
    version = ReportVersion.objects.create(report=cluster2.report, requested_by=world.users.leader)

    build_report_version.apply(args=[version.pk])
    version.refresh_from_db()
    first = (version.sha256, version.generated_at, version.file.name)
    build_report_version.apply(args=[version.pk])
    version.refresh_from_db()

    assert (version.sha256, version.generated_at, version.file.name) == first
    assert _files(private_media) == [version.file.name]


@pytest.mark.parametrize("status", [Status.BUILDING, Status.READY, Status.FAILED])
def test_a_delivery_of_a_version_not_queued_does_nothing(cluster2, private_media, status):
    version = ReportVersion.objects.create(report=cluster2.report, status=status)

    build_report_version.apply(args=[version.pk])

    version.refresh_from_db()
    assert (version.status, version.file.name, version.sha256) == (status, "", "")
    assert _files(private_media) == []


def test_a_rendering_error_marks_the_version_failed_with_a_message(
    cluster2, private_media, monkeypatch
):
    def broken(context, **kwargs):
        raise RuntimeError("pango exploded")

    monkeypatch.setattr(build.pdf, "report_pdf", broken)
    version = ReportVersion.objects.create(report=cluster2.report)

    build_report_version.apply(args=[version.pk])

    version.refresh_from_db()
    assert version.status == Status.FAILED
    assert version.error_message == (
        "Không tạo được tệp PDF do lỗi hệ thống. Hãy bấm “Tạo lại”; nếu vẫn lỗi, "
        "báo cho quản trị viên."
    )
    assert (version.file.name, version.sha256) == ("", "")
    assert _files(private_media) == []


def test_a_transient_database_error_is_retried_and_then_succeeds(cluster2, monkeypatch):
    real = build.report_context
    failures = []

    def flaky(report):
        if not failures:
            failures.append(1)
            raise OperationalError("server closed the connection unexpectedly")
        return real(report)

    monkeypatch.setattr(build, "report_context", flaky)
    version = ReportVersion.objects.create(report=cluster2.report)

    # Eagerly, Celery runs the retry inline when told not to re-raise the Retry.
    build_report_version.apply(args=[version.pk], throw=False)

    version.refresh_from_db()
    assert failures == [1]
    assert version.status == Status.READY


def test_a_database_error_on_the_last_attempt_marks_the_version_failed(cluster2, monkeypatch):
    def down(report):
        raise OperationalError("could not connect to server")

    monkeypatch.setattr(build, "report_context", down)
    version = ReportVersion.objects.create(report=cluster2.report)

    with pytest.raises(OperationalError):
        build.report_version_build(version_id=version.pk, last_attempt=True)

    version.refresh_from_db()
    assert version.status == Status.FAILED
    assert version.error_message.startswith("Cơ sở dữ liệu tạm thời không truy cập được")


def test_a_version_stalled_for_long_is_failed_and_no_longer_blocks_a_new_request(
    cluster2, world, django_capture_on_commit_callbacks
):
    stalled = ReportVersion.objects.create(report=cluster2.report, status=Status.BUILDING)
    ReportVersion.objects.filter(pk=stalled.pk).update(
        requested_at=timezone.now() - services.stalled_after() - datetime.timedelta(seconds=1)
    )

    with django_capture_on_commit_callbacks() as callbacks:
        version = services.report_version_request(actor=world.users.leader, report=cluster2.report)

    stalled.refresh_from_db()
    assert version != stalled
    assert len(callbacks) == 1
    assert stalled.status == Status.FAILED
    assert stalled.error_message == (
        "Bản này không được tạo xong (máy xử lý bị gián đoạn). Hãy bấm “Tạo lại bản PDF”."
    )


def test_a_report_over_the_soft_time_limit_fails_with_a_message(cluster2, monkeypatch):
    def too_slow(context, **kwargs):
        raise SoftTimeLimitExceeded()

    monkeypatch.setattr(build.pdf, "report_pdf", too_slow)
    version = ReportVersion.objects.create(report=cluster2.report)

    build_report_version.apply(args=[version.pk])

    version.refresh_from_db()
    assert version.status == Status.FAILED
    assert version.error_message == (
        "Báo cáo quá dài nên không tạo xong trong thời gian cho phép. Hãy thử lại sau."
    )


def test_requesting_a_version_is_audited(cluster2, world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks():
        version = services.report_version_request(actor=world.users.staff, report=cluster2.report)

    entry = AuditEntry.objects.get(action="report_version_request")
    assert (entry.actor, entry.object_id) == (world.users.staff, str(version.pk))
