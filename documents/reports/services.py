"""Writes on year-end reports: the narrative and settings, and requests for a new PDF."""

import contextlib
import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from documents.models import ReportVersion, YearEndReport
from documents.reports.access import sees_report, writes_report
from documents.reports.data import (
    DOCUMENT_FIELDS,
    NARRATIVE_FIELDS,
    report_data_version,
)
from emulation.audit import audit_record
from emulation.concurrency import claim_version
from emulation.errors import DomainError, StaleEditError

EDITABLE_FIELDS = NARRATIVE_FIELDS + DOCUMENT_FIELDS


def stalled_after():
    """A version still waiting or building this long after it was asked for was lost for good
    (no worker has run since, or every attempt died): it no longer blocks a new request. A
    lost build is normally resumed far sooner, by the sweep (documents.tasks)."""
    return datetime.timedelta(
        seconds=settings.CELERY_VISIBILITY_TIMEOUT
        + settings.REPORT_BUILD_LEASE_SECONDS * settings.REPORT_BUILD_MAX_ATTEMPTS
    )


STALLED_MESSAGE = _lazy(
    "Bản này không được tạo xong (máy xử lý bị gián đoạn). Hãy bấm “Tạo lại bản PDF”."
)


def _snapshot(report):
    return {name: getattr(report, name) for name in EDITABLE_FIELDS}


def _ensure_saved(report):
    """Create the report row the first time it is needed; a concurrent creation wins."""
    if report.pk is not None:
        return report
    lookup = (
        {"cluster_year": report.cluster_year}
        if report.kind == YearEndReport.Kind.CLUSTER
        else {"kind": report.kind, "ministry": report.ministry, "year": report.year}
    )
    try:
        with transaction.atomic():
            report.save()
    except IntegrityError:
        existing = YearEndReport.objects.get(**lookup)
        report.pk, report.version = existing.pk, existing.version
        raise StaleEditError(
            _("Báo cáo này vừa được người khác tạo. Hãy tải lại trang rồi nhập lại.")
        ) from None
    return report


@transaction.atomic
def year_end_report_save(*, actor, report, expected_version, changes):
    """Save the narrative and document settings (optimistic locking on ``version``)."""
    if not writes_report(actor, report):
        raise DomainError(_("Bạn không có quyền sửa báo cáo này."))
    before = _snapshot(report) if report.pk else None
    if report.pk is None:
        for name in EDITABLE_FIELDS:
            setattr(report, name, changes[name])
        _ensure_saved(report)
    else:
        claim_version(report, expected_version)
        for name in EDITABLE_FIELDS:
            setattr(report, name, changes[name])
        report.save()
    audit_record(
        actor=actor,
        action="report_update",
        obj=report,
        before=before,
        after=_snapshot(report),
    )
    return report


@transaction.atomic
def report_version_request(*, actor, report):
    """Ask for a PDF of the report as it is now. The build starts once this transaction
    commits; a request while one is still waiting or being built returns that one, and a
    request when nothing changed since the latest ready PDF returns that PDF (check
    ``is_ready``) instead of building an identical copy."""
    from documents.tasks import build_report_version

    if not sees_report(actor, report):
        raise DomainError(_("Bạn không có quyền xem báo cáo này."))
    if report.pk is None:
        # Created meanwhile by someone else: ask for a version of that one.
        with contextlib.suppress(StaleEditError):
            _ensure_saved(report)
    YearEndReport.objects.select_for_update().get(pk=report.pk)
    pending = report.versions.exclude(status__in=ReportVersion.FINAL)
    stalled = pending.filter(requested_at__lt=timezone.now() - stalled_after())
    stalled.update(status=ReportVersion.Status.FAILED, error_message=STALLED_MESSAGE)
    current = pending.first()
    if current is not None:
        return current
    ready = report.versions.filter(status=ReportVersion.Status.READY).first()
    if ready is not None and ready.data_version == report_data_version(report):
        return ready  # nothing changed since: that PDF is the same document
    version = ReportVersion.objects.create(
        report=report, requested_by=actor, requested_by_name=actor.get_full_name() or actor.username
    )
    audit_record(actor=actor, action="report_version_request", obj=version)
    transaction.on_commit(lambda: build_report_version.delay(version.pk))
    return version
