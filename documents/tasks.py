import logging

from celery import shared_task
from celery.signals import worker_ready
from django.conf import settings
from django.db import OperationalError

from documents import issuing
from documents.reports.build import report_version_build, versions_to_resume

MAX_RETRIES = 5
logger = logging.getLogger(__name__)

# A build of a PDF: transient database errors retried with backoff, within the time limits;
# acknowledged once done, so a worker's death leaves the message to the next worker.
BUILD = {
    "bind": True,
    "autoretry_for": (OperationalError,),
    "retry_backoff": 5,
    "retry_backoff_max": 120,
    "retry_jitter": True,
    "max_retries": MAX_RETRIES,
    "soft_time_limit": settings.REPORT_BUILD_SOFT_TIME_LIMIT,
    "time_limit": settings.REPORT_BUILD_TIME_LIMIT,
    "acks_late": True,
    "reject_on_worker_lost": True,
}


@shared_task(name="documents.build_report_version", **BUILD)
def build_report_version(self, version_id):
    """Build one report version's PDF (idempotent: a second delivery does nothing while a
    live build holds the version, and takes over one whose worker died).
    Transient database errors are retried with backoff; the last attempt records failure."""
    report_version_build(version_id=version_id, last_attempt=self.request.retries >= MAX_RETRIES)


@shared_task(name="documents.sweep_report_versions", ignore_result=True)
def sweep_report_versions():
    """Send again the builds that were lost (their worker died, their message vanished); each
    delivery claims its version under the lease, so a version is never built twice."""
    return _resume(versions_to_resume(), build_report_version, "Report")


@shared_task(name="documents.build_paper_version", **BUILD)
def build_paper_version(self, version_id):
    """Build one paper version (PDF, DOCX, signature), as ``build_report_version`` does."""
    issuing.paper_version_build(
        version_id=version_id, last_attempt=self.request.retries >= MAX_RETRIES
    )


@shared_task(name="documents.sweep_paper_versions", ignore_result=True)
def sweep_paper_versions():
    """The papers' builds that were lost, sent again (see ``sweep_report_versions``)."""
    return _resume(issuing.versions_to_resume(), build_paper_version, "Paper")


def _resume(versions, build, kind):
    resumed = [version.pk for version in versions]
    for version_id in resumed:
        build.delay(version_id)
    if resumed:
        logger.warning("%s versions resumed: %s", kind, resumed)
    return resumed


@worker_ready.connect
def resume_lost_builds_at_start(sender=None, **kwargs):
    """A worker restarted after a crash resumes its dead builds at once instead of waiting for
    the broker's visibility timeout."""
    try:
        sweep_report_versions.delay()
        sweep_paper_versions.delay()
    except Exception:  # the broker is down: beat's sweep will do it
        logger.exception("Could not queue the report sweep at worker start")
