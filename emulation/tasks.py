from celery import shared_task
from django.db import OperationalError

from emulation.imports.tasks import check_import, commit_import  # noqa: F401 (registered)
from emulation.reports.build import report_version_build

MAX_RETRIES = 5


@shared_task(
    bind=True,
    name="emulation.build_report_version",
    autoretry_for=(OperationalError,),
    retry_backoff=5,
    retry_backoff_max=120,
    retry_jitter=True,
    max_retries=MAX_RETRIES,
    soft_time_limit=240,
    time_limit=300,
    acks_late=True,
    reject_on_worker_lost=True,
)
def build_report_version(self, version_id):
    """Build one report version's PDF (idempotent: a second delivery does nothing).
    Transient database errors are retried with backoff; the last attempt records failure."""
    report_version_build(version_id=version_id, last_attempt=self.request.retries >= MAX_RETRIES)
