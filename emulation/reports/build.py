"""Building one ``ReportVersion``'s PDF. Called by the Celery task; safe to call twice."""

import hashlib
import logging

from celery.exceptions import SoftTimeLimitExceeded
from django.core.files.base import ContentFile
from django.db import OperationalError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from emulation import pdf
from emulation.models import ReportVersion
from emulation.reports.data import data_version_of, report_context

logger = logging.getLogger(__name__)
Status = ReportVersion.Status
UNAVAILABLE = _(
    "Cơ sở dữ liệu tạm thời không truy cập được nên chưa tạo được báo cáo. Hãy thử lại sau ít phút."
)


def _claim(version_id):
    """queued -> building, under a row lock; None when another delivery already has it."""
    with transaction.atomic():
        version = (
            ReportVersion.objects.select_for_update(of=("self",))
            .select_related("report__ministry", "report__cluster_year__cluster__ministry")
            .filter(pk=version_id)
            .first()
        )
        if version is None or version.status != Status.QUEUED:
            return None
        version.status = Status.BUILDING
        version.save(update_fields=["status"])
        return version


def _set_status(version, status, message=""):
    ReportVersion.objects.filter(pk=version.pk, status=Status.BUILDING).update(
        status=status, error_message=message
    )


def report_version_build(*, version_id, last_attempt=True):
    """Render the report and store the file, its checksum and the data version."""
    version = _claim(version_id)
    if version is None:
        return None
    try:
        context = report_context(version.report)
        content = pdf.report_pdf(context)
        name = f"{version.report_id}/{version.request_id}.pdf"
        storage = version.file.storage
        path = version.file.field.generate_filename(version, name)
        if storage.exists(path):  # left by an attempt that died before recording it
            storage.delete(path)
        with transaction.atomic():
            version.file.save(name, ContentFile(content), save=False)
            version.sha256 = hashlib.sha256(content).hexdigest()
            version.size = len(content)
            version.data_version = data_version_of(context)
            version.generated_at = timezone.now()
            version.status = Status.READY
            version.error_message = ""
            version.save()
    except OperationalError:
        # Transient (database unreachable, deadlock…): put it back so the retry claims it.
        if last_attempt:
            _set_status(version, Status.FAILED, UNAVAILABLE)
        else:
            _set_status(version, Status.QUEUED)
        raise
    except SoftTimeLimitExceeded:
        _set_status(
            version,
            Status.FAILED,
            _("Báo cáo quá dài nên không tạo xong trong thời gian cho phép. Hãy thử lại sau."),
        )
    except Exception:
        logger.exception("Report version %s failed", version_id)
        _set_status(
            version,
            Status.FAILED,
            _(
                "Không tạo được tệp PDF do lỗi hệ thống. Hãy bấm “Tạo lại”; nếu vẫn lỗi, "
                "báo cho quản trị viên."
            ),
        )
    return version
