from celery import shared_task
from django.db import OperationalError

from emulation.reports.build import report_version_build


@shared_task(
    name="emulation.build_report_version",
    autoretry_for=(OperationalError,),
    retry_backoff=5,
    retry_backoff_max=120,
    retry_jitter=True,
    max_retries=5,
    soft_time_limit=240,
    time_limit=300,
    acks_late=True,
    reject_on_worker_lost=True,
)
def build_report_version(version_id):
    """Build one report version's PDF (idempotent: a second delivery does nothing)."""
    report_version_build(version_id=version_id)
