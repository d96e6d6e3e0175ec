"""What the health check looks at: the database always, the Celery broker when one is
configured, and (on request) a round trip through a worker. Each check answers "ok" or the
kind of error, never the error's text (the endpoint is public)."""

from celery.exceptions import TimeoutError as CeleryTimeout
from django.conf import settings
from django.db import DatabaseError, connection

from config.celery import app, ping

TIMEOUT = 2  # seconds: a load balancer's check must not hang


def check_database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return "error"
    return "ok"


def check_broker():
    if not settings.CELERY_BROKER_URL:
        return "not configured"
    try:
        with app.connection_for_write(settings.CELERY_BROKER_URL) as conn:
            conn.ensure_connection(max_retries=1, timeout=TIMEOUT)
    except Exception:  # any transport error means "unreachable"
        return "error"
    return "ok"


def check_worker():
    if not settings.CELERY_BROKER_URL:
        return "not configured"
    try:
        return "ok" if ping.delay().get(timeout=TIMEOUT) == "pong" else "error"
    except CeleryTimeout:
        return "timeout"
    except Exception:  # the broker or result backend is down
        return "error"


def health_report(*, worker=False):
    checks = {"database": check_database(), "broker": check_broker()}
    if worker:
        checks["worker"] = check_worker()
    healthy = all(value in ("ok", "not configured") for value in checks.values())
    return healthy, {"status": "ok" if healthy else "error", **checks}
