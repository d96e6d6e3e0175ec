import os

from celery import Celery
from celery.signals import worker_process_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("thidua")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()  # each app's tasks.py
app.autodiscover_tasks(["emulation.imports"])  # and the staff imports' own


@worker_process_init.connect
def warm_up_reports(**_kwargs):
    """Each worker child loads WeasyPrint and the report fonts, pyHanko and the signing key as
    it starts, not during the first report it builds or paper it signs (docs/scaling.md)."""
    from documents import signing
    from documents.pdf import warm_up

    warm_up()
    signing.warm_up()


@app.task(name="thidua.ping", ignore_result=False)
def ping():
    """Round trip used by the health check and the worker test."""
    return "pong"
