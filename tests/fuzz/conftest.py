"""The fuzzer's world and budget.

Budget: the Hypothesis profile ``ci`` (the default: a few examples per form, part of every test
run) or ``fuzz`` (``make fuzz``: ``FUZZ_EXAMPLES`` per form, 300 unless set). With
``FUZZ_REPORT=path`` the run writes its figures there: submissions and HTTP 500s per target."""

import json
import os
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, settings

from clusters.models import Minutes, Vote
from tests.awards.conftest import close_vote, draft, flag, sign_minutes  # noqa: F401
from tests.clusters.evaluation.conftest import build_table
from units.models import Person

settings.register_profile(
    "ci",
    max_examples=3,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.register_profile(
    "fuzz",
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "300")),
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
# A fuzz test posts its whole budget: past pytest-timeout's default when the budget is long.
FUZZ_TIMEOUT = 120 if settings.default.max_examples <= 10 else 3600


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/fuzz/" in item.nodeid and not item.get_closest_marker("timeout"):
            item.add_marker(pytest.mark.timeout(FUZZ_TIMEOUT))


SUBMISSIONS = Counter()
SERVER_ERRORS = Counter()
RULES_BROKEN = Counter()


def record(target, status):
    SUBMISSIONS[target] += 1
    if status >= 500:
        SERVER_ERRORS[target] += 1


def pytest_sessionfinish(session, exitstatus):
    path = os.environ.get("FUZZ_REPORT")
    if not path or not SUBMISSIONS:
        return
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    report = {
        "profile": os.environ.get("HYPOTHESIS_PROFILE", "ci"),
        "submissions": sum(SUBMISSIONS.values()),
        "http_500": sum(SERVER_ERRORS.values()),
        "rules_broken": sum(RULES_BROKEN.values()),
        "targets": {
            target: {"submissions": n, "http_500": SERVER_ERRORS[target]}
            for target, n in sorted(SUBMISSIONS.items())
        },
    }
    Path(path).write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "private")},
        },
    }


@pytest.fixture
def fuzz_world(world, draft):  # noqa: F811
    """The world with something behind every form: a scoring table, a closed and an open
    vote, signed minutes, a person, a draft proposal with a line."""
    table = build_table(world.ministry, world.year, criteria=2)
    person = Person.objects.create(
        unit=world.units[0], full_name="Trần Thị Bình", position="Giảng viên", gender="female"
    )
    open_vote = Vote.objects.exclude(state=Vote.State.CLOSED).first()
    return SimpleNamespace(
        world=world,
        table=table,
        criterion=table.groups.get().criteria.first(),
        person=person,
        proposal=draft,
        line=draft.nominations.get(),
        vote=open_vote or Vote.objects.first(),
        minutes=Minutes.objects.get(cluster_year=world.cluster_year),
    )
