"""A build holds a lease on its version: a second delivery leaves a live build alone, takes
over one whose lease lapsed or whose process died, and never stores two results."""

import datetime
import os
import socket
import subprocess
import sys
import uuid

import pytest
from django.db import OperationalError
from django.utils import timezone

from documents.models import ReportVersion
from documents.reports import build
from documents.tasks import build_report_version, sweep_report_versions

Status = ReportVersion.Status


@pytest.fixture
def dead_holder():
    """``host:pid`` of a process of this host that has exited."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return f"{socket.gethostname()}:{child.pid}"


def _building(report, *, holder, expires_in, attempts=1):
    now = timezone.now()
    return ReportVersion.objects.create(
        report=report,
        status=Status.BUILDING,
        lease_holder=holder,
        lease_token=uuid.uuid4(),
        leased_at=now - datetime.timedelta(seconds=30),
        lease_expires_at=now + datetime.timedelta(seconds=expires_in),
        attempts=attempts,
    )


def _files(root):
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def test_a_build_records_who_holds_it_and_since_when(cluster2, settings, monkeypatch):
    seen = {}
    real = build.pdf.report_pdf

    def spy(context, **kwargs):
        version = ReportVersion.objects.get()
        seen.update(
            status=version.status,
            holder=version.lease_holder,
            span=version.lease_expires_at - version.leased_at,
            attempts=version.attempts,
        )
        return real(context, **kwargs)

    monkeypatch.setattr(build.pdf, "report_pdf", spy)
    version = ReportVersion.objects.create(report=cluster2.report)

    build_report_version.apply(args=[version.pk])

    assert seen == {
        "status": Status.BUILDING,
        "holder": f"{socket.gethostname()}:{os.getpid()}",
        "span": datetime.timedelta(seconds=settings.REPORT_BUILD_LEASE_SECONDS),
        "attempts": 1,
    }
    version.refresh_from_db()
    assert (version.status, version.lease_token) == (Status.READY, None)


def test_a_redelivery_takes_over_a_build_whose_process_died(cluster2, dead_holder, private_media):
    version = _building(cluster2.report, holder=dead_holder, expires_in=300)

    build_report_version.apply(args=[version.pk])

    version.refresh_from_db()
    assert (version.status, version.attempts) == (Status.READY, 2)
    assert version.lease_holder == f"{socket.gethostname()}:{os.getpid()}"
    assert ReportVersion.objects.count() == 1
    assert _files(private_media) == [version.file.name]


@pytest.mark.parametrize("holder", ["this-process", "another-host:1", "another-host:999999"])
def test_a_redelivery_leaves_a_live_build_alone(cluster2, private_media, holder):
    if holder == "this-process":
        holder = f"{socket.gethostname()}:{os.getpid()}"
    version = _building(cluster2.report, holder=holder, expires_in=1)

    build_report_version.apply(args=[version.pk])

    version.refresh_from_db()
    assert (version.status, version.attempts, version.lease_holder) == (
        Status.BUILDING,
        1,
        holder,
    )
    assert _files(private_media) == []


@pytest.mark.parametrize(("expires_in", "taken_over"), [(1, False), (0, True), (-1, True)])
def test_a_lease_of_another_host_is_taken_over_once_it_expires(cluster2, expires_in, taken_over):
    version = _building(cluster2.report, holder="another-host:1", expires_in=expires_in)

    build_report_version.apply(args=[version.pk])

    version.refresh_from_db()
    assert version.status == (Status.READY if taken_over else Status.BUILDING)


def test_after_the_last_attempt_dies_the_version_fails_with_a_message(
    cluster2, dead_holder, settings
):
    version = _building(
        cluster2.report,
        holder=dead_holder,
        expires_in=300,
        attempts=settings.REPORT_BUILD_MAX_ATTEMPTS,
    )

    build_report_version.apply(args=[version.pk])

    version.refresh_from_db()
    assert version.status == Status.FAILED
    assert version.error_message == (
        "Máy xử lý bị gián đoạn nhiều lần khi tạo bản này nên hệ thống đã dừng lại. "
        "Hãy bấm “Tạo lại bản PDF”; nếu vẫn lỗi, báo cho quản trị viên."
    )


def test_a_build_that_lost_its_lease_stores_nothing(cluster2, monkeypatch, private_media):
    real = build.pdf.report_pdf
    successor = uuid.uuid4()

    def overtaken(context, **kwargs):
        ReportVersion.objects.update(lease_token=successor, lease_holder="another-host:7")
        return real(context, **kwargs)

    monkeypatch.setattr(build.pdf, "report_pdf", overtaken)
    version = ReportVersion.objects.create(report=cluster2.report)

    build_report_version.apply(args=[version.pk])

    version.refresh_from_db()
    assert (version.status, version.lease_token, version.file.name) == (
        Status.BUILDING,
        successor,
        "",
    )
    assert _files(private_media) == []


def test_a_database_outage_does_not_use_up_the_attempts(cluster2, monkeypatch, settings):
    real = build.report_context
    version = ReportVersion.objects.create(report=cluster2.report)

    def down(report):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(build, "report_context", down)
    for _attempt in range(settings.REPORT_BUILD_MAX_ATTEMPTS + 1):
        with pytest.raises(OperationalError):
            build.report_version_build(version_id=version.pk, last_attempt=False)
    monkeypatch.setattr(build, "report_context", real)
    build.report_version_build(version_id=version.pk, last_attempt=False)

    version.refresh_from_db()
    assert (version.status, version.attempts) == (Status.READY, 1)


def test_the_sweep_resends_lost_builds_only(cluster2, dead_holder, settings):
    now = timezone.now()
    dead = _building(cluster2.report, holder=dead_holder, expires_in=300)
    expired = _building(cluster2.report, holder="another-host:1", expires_in=-1)
    live = _building(cluster2.report, holder="another-host:2", expires_in=300)
    lost, fresh = (
        ReportVersion.objects.create(report=cluster2.report),
        ReportVersion.objects.create(report=cluster2.report),
    )
    timeout = datetime.timedelta(seconds=settings.CELERY_VISIBILITY_TIMEOUT)
    ReportVersion.objects.filter(pk=lost.pk).update(
        requested_at=now - timeout - datetime.timedelta(seconds=1)
    )
    ReportVersion.objects.filter(pk=fresh.pk).update(
        requested_at=now - timeout + datetime.timedelta(seconds=5)
    )

    resumed = sweep_report_versions.apply().get()

    assert resumed == [dead.pk, expired.pk, lost.pk]
    statuses = dict(ReportVersion.objects.values_list("pk", "status"))
    assert statuses == {
        dead.pk: Status.READY,
        expired.pk: Status.READY,
        live.pk: Status.BUILDING,
        lost.pk: Status.READY,
        fresh.pk: Status.QUEUED,
    }
