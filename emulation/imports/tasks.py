"""Thin Celery tasks: ids in, the service does the work (idempotent: a second delivery finds
the batch no longer waiting and does nothing)."""

from celery import shared_task
from django.db import OperationalError

from emulation.imports.services import import_check, import_commit

OPTIONS = {
    "autoretry_for": (OperationalError,),
    "retry_backoff": 5,
    "max_retries": 3,
    # 200,000 people-year rows took 16 min to check and 21 to write on two busy cores
    # (bench/results_onboard.md); the broker's visibility timeout (2 h) stays longer.
    "soft_time_limit": 3000,
    "time_limit": 3300,
    "acks_late": True,
    "reject_on_worker_lost": True,
}


@shared_task(name="emulation.check_import", **OPTIONS)
def check_import(batch_id):
    import_check(batch_id=batch_id)


@shared_task(name="emulation.commit_import", **OPTIONS)
def commit_import(batch_id):
    import_commit(batch_id=batch_id)
