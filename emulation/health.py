"""What the health check looks at: the database always, the Celery broker when one is
configured, and (on request) a round trip through a worker. A check answers None when all is
well, else a one-word reason; never an error's text (the endpoint is public)."""

import hmac

from celery.exceptions import TimeoutError as CeleryTimeout
from django.conf import settings
from django.db import DatabaseError, connection

from config.celery import app, ping

TIMEOUT = 2  # seconds: a load balancer's check must not hang
UNAVAILABLE = "unavailable"


def check_database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return UNAVAILABLE
    return None


def check_broker():
    if not settings.CELERY_BROKER_URL:
        return None  # development: tasks run in-process
    try:
        with app.connection_for_write(settings.CELERY_BROKER_URL) as conn:
            conn.ensure_connection(max_retries=1, timeout=TIMEOUT)
    except Exception:  # any transport error means "unreachable"
        return UNAVAILABLE
    return None


def check_worker():
    if not settings.CELERY_BROKER_URL:
        return None
    try:
        return None if ping.delay().get(timeout=TIMEOUT) == "pong" else UNAVAILABLE
    except CeleryTimeout:
        return "timeout"
    except Exception:  # the broker or the result backend is down
        return UNAVAILABLE


def may_probe_worker(request):
    token = settings.HEALTH_WORKER_TOKEN
    given = request.headers.get("X-Health-Token", "")
    if token and given and hmac.compare_digest(token.encode(), given.encode()):
        return True
    return request.user.is_authenticated and request.user.is_staff


def health_report(*, worker=False):
    """``{"status": "ok"}``, or ``{"status": "error"}`` with each failing check's reason."""
    checks = {"database": check_database, "broker": check_broker}
    if worker:
        checks["worker"] = check_worker
    failures = {name: reason for name, check in checks.items() if (reason := check())}
    if failures:
        return False, {"status": "error", **failures}
    return True, {"status": "ok"}
