"""Shared fixtures: one small world with every role, and the switches for tests that need a
real browser or a real Celery worker (skipped outside CI with the reason printed; a failure
under REQUIRE_SERVICES=1, as in .ci/run)."""

import os
import shutil
import socket
import subprocess
import sys
import time
import uuid
from types import SimpleNamespace
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.test import Client
from django.utils import translation

from emulation.roles import Role
from tests.factories import (
    ClusterFactory,
    MinistryFactory,
    UnitFactory,
    UserFactory,
    cluster_year_with_units,
    grant,
)

# Playwright's sync API runs an event loop in the test thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
REQUIRE_SERVICES = os.environ.get("REQUIRE_SERVICES") == "1"
YEAR = 2021


def _missing_services(item):
    if item.get_closest_marker("browser") and not shutil.which(CHROMIUM):
        yield f"needs {CHROMIUM} (apt-get install chromium)"
    if item.get_closest_marker("worker"):
        if not os.environ.get("CELERY_BROKER_URL"):
            yield "needs a Celery broker: set CELERY_BROKER_URL (redis://127.0.0.1:6379/0)"
        if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
            yield "needs a database a worker process can share: set DATABASE_URL (PostgreSQL)"


def pytest_runtest_setup(item):
    reasons = list(_missing_services(item))
    if reasons:
        if REQUIRE_SERVICES:
            pytest.fail("REQUIRE_SERVICES=1 but this test " + "; ".join(reasons))
        pytest.skip("; ".join(reasons))


def _is_transactional(item):
    marker = item.get_closest_marker("django_db")
    return bool(marker and marker.kwargs.get("transaction")) or bool(
        {"live_server", "transactional_db"} & set(item.fixturenames)
    )


SLOW_TEST_TIMEOUT = 300  # seconds, for a browser or worker test; the rest: pyproject's 120


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Transactional tests run last. pytest-django orders them so, but pytest then groups
    tests by Playwright's session-wide ``browser_name`` parameter and can pull them forward;
    their flush would empty what the migrations load (the legal regimes) for later tests.

    A browser or a worker test starts a browser or a process: it gets a longer limit."""
    items.sort(key=_is_transactional)
    for item in items:
        slow = item.get_closest_marker("browser") or item.get_closest_marker("worker")
        if slow and not item.get_closest_marker("timeout"):
            item.add_marker(pytest.mark.timeout(SLOW_TEST_TIMEOUT))


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture
def world(db, catalogue):
    """A ministry with two clusters of three units each (year 2021) and one user per role,
    plus staff of another ministry."""
    ministry = MinistryFactory(name="Bộ Tư pháp thử nghiệm")
    cluster = ClusterFactory(ministry=ministry, number=2, name="Cụm thi đua số 2")
    other_cluster = ClusterFactory(ministry=ministry, number=1, name="Cụm thi đua số 1")
    units = [UnitFactory(ministry=ministry, name=f"Trường số {i}") for i in range(1, 4)]
    other_units = [UnitFactory(ministry=ministry, name=f"Cục số {i}") for i in range(1, 4)]
    cluster_year = cluster_year_with_units(cluster, YEAR, units)
    other_cluster_year = cluster_year_with_units(other_cluster, YEAR, other_units)
    other_ministry = MinistryFactory(name="Bộ Khác")
    users = SimpleNamespace(
        secretary=grant(UserFactory(username="thuky"), Role.CLUSTER_SECRETARY, ministry, cluster),
        other_secretary=grant(
            UserFactory(username="thuky.khac"), Role.CLUSTER_SECRETARY, ministry, other_cluster
        ),
        staff=grant(UserFactory(username="vu"), Role.MINISTRY_STAFF, ministry),
        leader=grant(UserFactory(username="lanhdao"), Role.LEADER, ministry),
        foreign_staff=grant(UserFactory(username="vu.khac"), Role.MINISTRY_STAFF, other_ministry),
    )
    return SimpleNamespace(
        ministry=ministry,
        other_ministry=other_ministry,
        cluster=cluster,
        other_cluster=other_cluster,
        cluster_year=cluster_year,
        other_cluster_year=other_cluster_year,
        units=units,
        other_units=other_units,
        year=YEAR,
        users=users,
    )


@pytest.fixture
def client_as(world):
    """``client_as("staff")`` is a test client logged in as that role; ``client_as(None)``
    is anonymous."""

    def make(role):
        client = Client()
        if role == "national_admin" and not hasattr(world.users, role):
            # the national award catalogue's administrator: a superuser, made when asked for
            world.users.national_admin = UserFactory(username="quantri", is_superuser=True)
        if role is not None:
            client.force_login(getattr(world.users, role))
        return client

    return make


@pytest.fixture(autouse=True)
def _vietnamese_at_the_start():
    """Every test starts in Vietnamese: a request in English (the language switch) leaves
    English active in the thread, and a later test's messages would then be English."""
    translation.activate("vi")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Every test starts with an empty cache: cached fragments are keyed by ids and data
    versions, which a rolled-back test's database gives out again."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Fixtures hash several passwords per test; the real hasher costs ~0.3 s each."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _no_signing_certificate(settings):
    """No test signs with a certificate it did not make (the demo one under var/signing/, one
    named by the environment): tests that sign ask for tests/documents' ``signing_certificate``."""
    settings.SIGNING_P12_PATH = ""
    settings.SIGNING_P12_PASSPHRASE = ""
    settings.SIGNING_P12_PASSPHRASE_FILE = ""
    settings.SIGNING_TRUST_ROOTS = []


@pytest.fixture(autouse=True)
def _celery_eager_unless_worker(request, settings):
    """Tasks run in-process, except in tests marked ``worker``, which use the real one."""
    from config.celery import app

    eager = request.node.get_closest_marker("worker") is None
    previous = app.conf.task_always_eager
    app.conf.task_always_eager = eager
    yield
    app.conf.task_always_eager = previous


def _worker_env(queue, extra_env=None):
    from django.conf import settings

    parts = urlsplit(os.environ["DATABASE_URL"])
    test_db = settings.DATABASES["default"]["NAME"]
    return {
        **os.environ,
        "DATABASE_URL": urlunsplit(parts._replace(path="/" + test_db)),
        "CELERY_TASK_DEFAULT_QUEUE": queue,
        **(extra_env or {}),
    }


def _start_worker(queue, *, pool="solo", concurrency=1, extra_env=None):
    """Start ``celery worker`` on ``queue`` (in a session of its own, so the test can kill the
    whole worker with its children) and wait until it answers a ping."""
    from config.celery import app

    node = f"{queue}-{uuid.uuid4().hex[:6]}@{socket.gethostname()}"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "config",
            "worker",
            f"--pool={pool}",
            f"--concurrency={concurrency}",
            "--without-gossip",
            "--without-mingle",
            "-Q",
            queue,
            "-n",
            node,
            "--loglevel=WARNING",
        ],
        env=_worker_env(queue, extra_env),
        start_new_session=True,
    )
    deadline = time.monotonic() + 30
    while True:
        if process.poll() is not None:
            pytest.fail("the Celery worker exited at start-up")
        if app.control.ping(timeout=0.5, destination=[node]):
            return process
        if time.monotonic() > deadline:
            process.kill()
            pytest.fail("the Celery worker did not answer within 30 s")


def _stop_worker(process):
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 9)
            process.wait(timeout=5)


@pytest.fixture(scope="session")
def celery_worker_process(django_db_setup, django_db_blocker):
    """A real ``celery worker`` process on the test database and a queue of its own.

    Tests using it must use ``transactional_db`` so the worker sees committed rows."""
    from config.celery import app

    queue = f"thidua-test-{uuid.uuid4().hex[:8]}"
    previous_queue = app.conf.task_default_queue
    app.conf.task_default_queue = queue
    process = None
    try:
        process = _start_worker(queue)
        yield process
    finally:
        app.conf.task_default_queue = previous_queue
        if process is not None:
            _stop_worker(process)


@pytest.fixture
def celery_workers(django_db_setup):
    """Start real workers on a queue of this test's own: ``celery_workers.start(pool=…,
    extra_env=…)``; every worker started is stopped at the end (``kill -9`` may come first)."""
    from config.celery import app

    queue = f"thidua-test-{uuid.uuid4().hex[:8]}"
    started = []
    previous_queue = app.conf.task_default_queue
    app.conf.task_default_queue = queue

    def start(**kwargs):
        started.append(_start_worker(queue, **kwargs))
        return started[-1]

    try:
        yield SimpleNamespace(start=start, queue=queue)
    finally:
        app.conf.task_default_queue = previous_queue
        for process in started:
            _stop_worker(process)


# The apps whose tables the migrations fill with data (regimes, the award catalogue, base
# salaries…); Django recreates its own (content types, permissions) after a flush.
PROJECT_APPS = ("emulation", "units", "clusters", "awards", "documents")


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database, migrated; and a copy of the rows the migrations loaded into the
    project's tables, taken before any test runs (``catalogue`` puts them back)."""
    from django.apps import apps
    from django.core import serializers

    with django_db_blocker.unblock():
        models = serializers.sort_dependencies(
            [(apps.get_app_config(label), None) for label in PROJECT_APPS]
        )
        rows = [row for model in models for row in model._default_manager.order_by("pk")]
        MIGRATED_ROWS.append(serializers.serialize("json", rows))


MIGRATED_ROWS = []


@pytest.fixture
def catalogue(db):
    """The legal regimes, award catalogue and base salaries the migrations load.

    A transactional test (browser, worker) ends with a flush that empties them; one that
    needs them asks for this fixture, which puts back the rows the migrations had loaded
    (read from the migrated database before the first test, not from the migrations)."""
    from django.core import serializers
    from django.db import connection

    from emulation.models import LegalRegime

    if not LegalRegime.objects.exists():
        with connection.constraint_checks_disabled():
            for row in serializers.deserialize("json", MIGRATED_ROWS[0]):
                row.save()
