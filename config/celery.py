import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("thidua")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.task(name="thidua.ping", ignore_result=False)
def ping():
    """Round trip used by the health check and the worker test."""
    return "pong"
