"""Thin Celery tasks: ids in, the service does the work (idempotent: a second delivery finds
the batch no longer waiting and does nothing)."""

from celery import shared_task
from django.db import OperationalError

from emulation.imports.services import import_check, import_commit

OPTIONS = {
    "autoretry_for": (OperationalError,),
    "retry_backoff": 5,
    "max_retries": 3,
    # A national ministry's 200,000 rows take a few minutes on two cores.
    "soft_time_limit": 1500,
    "time_limit": 1800,
    "acks_late": True,
    "reject_on_worker_lost": True,
}


@shared_task(name="emulation.check_import", **OPTIONS)
def check_import(batch_id):
    import_check(batch_id=batch_id)


@shared_task(name="emulation.commit_import", **OPTIONS)
def commit_import(batch_id):
    import_commit(batch_id=batch_id)
