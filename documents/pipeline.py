"""Building one version of a document (a ``BuildVersion``: a year-end report's or a paper's).
Called by the Celery tasks; safe to call twice.

A build holds a lease on its version (who: ``host:pid``; since when; until when). Another
delivery of the same task, or the sweep, takes the version over only when that lease has
lapsed or its holder is a process of this host that no longer exists (a worker killed with
``kill -9``); the build's result is stored only while it still holds the lease, so a version
never gets two files and a taken-over build cannot overwrite its successor."""

import dataclasses
import datetime
import hashlib
import logging
import os
import socket
import uuid

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import OperationalError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from documents.models.builds import BuildVersion

logger = logging.getLogger(__name__)
Status = BuildVersion.Status
UNAVAILABLE = _(
    "Cơ sở dữ liệu tạm thời không truy cập được nên chưa tạo được báo cáo. Hãy thử lại sau ít phút."
)
GAVE_UP = _(
    "Máy xử lý bị gián đoạn nhiều lần khi tạo bản này nên hệ thống đã dừng lại. "
    "Hãy bấm “Tạo lại bản PDF”; nếu vẫn lỗi, báo cho quản trị viên."
)
TOO_LONG = _("Báo cáo quá dài nên không tạo xong trong thời gian cho phép. Hãy thử lại sau.")
BROKEN = _(
    "Không tạo được tệp PDF do lỗi hệ thống. Hãy bấm “Tạo lại”; nếu vẫn lỗi, báo cho quản trị viên."
)


@dataclasses.dataclass
class Built:
    """What a render step returns: the files by field name (the PDF in ``file``, whose
    checksum is recorded), the data version it was built from, other fields to store."""

    files: dict  # field name -> (file name, bytes)
    data_version: str
    fields: dict = dataclasses.field(default_factory=dict)


def current_holder():
    """Who holds a lease: this process, as ``host:pid``."""
    return f"{socket.gethostname()}:{os.getpid()}"


def holder_is_dead(holder):
    """True only when ``holder`` names a process of this host that no longer runs."""
    host, _sep, pid = holder.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except (PermissionError, OverflowError):
        return False
    return False


def lease_lapsed(version, now=None):
    """A build in progress may be taken over: its lease expired or its holder died."""
    if version.status != Status.BUILDING:
        return False
    now = now or timezone.now()
    if version.lease_expires_at is not None and version.lease_expires_at <= now:
        return True
    if version.lease_expires_at is None:
        # Built before leases existed: its request time stands for the lease's start.
        return version.requested_at + _lease_length() <= now
    return holder_is_dead(version.lease_holder)


def _lease_length():
    return datetime.timedelta(seconds=settings.REPORT_BUILD_LEASE_SECONDS)


def claim(model, version_id, related=()):
    """queued (or building under a lapsed lease) -> building under a new lease, with the row
    locked; None when the version is final or another live build holds it."""
    with transaction.atomic():
        version = (
            model.objects.select_for_update(of=("self",))
            .select_related(*related)
            .filter(pk=version_id)
            .first()
        )
        if version is None:
            return None
        now = timezone.now()
        if version.status == Status.BUILDING and lease_lapsed(version, now):
            logger.warning(
                "%s %s: taking over the lease of %s (since %s)",
                model.__name__,
                version.pk,
                version.lease_holder or "?",
                version.leased_at,
            )
        elif version.status != Status.QUEUED:
            return None
        if version.attempts >= settings.REPORT_BUILD_MAX_ATTEMPTS:
            version.status = Status.FAILED
            version.error_message = str(GAVE_UP)
            version.lease_token = None
            version.save(update_fields=["status", "error_message", "lease_token"])
            return None
        version.status = Status.BUILDING
        version.lease_holder = current_holder()
        version.lease_token = uuid.uuid4()
        version.leased_at = now
        version.lease_expires_at = now + _lease_length()
        version.attempts += 1
        version.save(
            update_fields=[
                "status",
                "lease_holder",
                "lease_token",
                "leased_at",
                "lease_expires_at",
                "attempts",
            ]
        )
        return version


def held(version):
    """The version's row, still building under this build's lease."""
    return type(version).objects.filter(
        pk=version.pk, status=Status.BUILDING, lease_token=version.lease_token
    )


def _set_status(version, status, message=""):
    held(version).update(status=status, error_message=message, lease_token=None)


def versions_to_resume(model, now=None):
    """Versions whose build was lost: building under a lapsed lease, or queued for longer
    than the broker's visibility timeout (the message itself was lost)."""
    now = now or timezone.now()
    queued_before = now - datetime.timedelta(seconds=settings.CELERY_VISIBILITY_TIMEOUT)
    candidates = model.objects.filter(
        Q(status=Status.BUILDING) | Q(status=Status.QUEUED, requested_at__lt=queued_before)
    ).order_by("pk")
    return [
        version
        for version in candidates
        if version.status == Status.QUEUED or lease_lapsed(version, now)
    ]


def _store(version, built):
    """Save the files and mark the version ready, only while the lease still holds."""
    storage_names = {}
    with transaction.atomic():
        if not held(version).select_for_update().exists():
            logger.warning(
                "%s %s: lease lost, result discarded", type(version).__name__, version.pk
            )
            return False
        for field_name, (name, content) in built.files.items():
            field_file = getattr(version, field_name)
            path = field_file.field.generate_filename(version, name)
            if field_file.storage.exists(path):  # left by an attempt that died before recording
                field_file.storage.delete(path)
            field_file.save(name, ContentFile(content), save=False)
            storage_names[field_name] = field_file.name
        pdf = built.files["file"][1]
        held(version).update(
            **storage_names,
            **built.fields,
            sha256=hashlib.sha256(pdf).hexdigest(),
            size=len(pdf),
            data_version=built.data_version,
            generated_at=timezone.now(),
            status=Status.READY,
            error_message="",
            lease_token=None,
        )
    return True


def build(model, *, version_id, render, related=(), last_attempt=True):
    """Claim the version, ``render(version) -> Built``, store the result; the version after."""
    version = claim(model, version_id, related)
    if version is None:
        return None
    try:
        built = render(version)
        if not _store(version, built):
            return None
    except OperationalError:
        # Transient (database unreachable, deadlock…): put it back so the retry claims it.
        if last_attempt:
            _set_status(version, Status.FAILED, UNAVAILABLE)
        else:  # the retry claims it again; an outage is not the build's fault
            held(version).update(status=Status.QUEUED, lease_token=None, attempts=F("attempts") - 1)
        raise
    except SoftTimeLimitExceeded:
        _set_status(version, Status.FAILED, TOO_LONG)
    except Exception:
        logger.exception("%s %s failed", model.__name__, version_id)
        _set_status(version, Status.FAILED, BROKEN)
    version.refresh_from_db()
    return version
