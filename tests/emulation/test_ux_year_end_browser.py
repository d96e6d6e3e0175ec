"""scripts/ux_measure.py's year-end keeps working: the secretary's whole year-end, driven
from the task list in the browser only, on a cluster of 5 units and a table of 4 criteria
(the script measures 10 × 40), ends with the pledge locked, every agreed score stored, the
vote closed, the minutes signed and the proposal sent, within 150 page loads."""

import contextlib
import importlib.util
import io
import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from awards.models import Nomination, Proposal
from clusters.models import Minutes, Pledge, Score, Vote

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "ux_measure.py"
UNITS, CRITERIA = 5, 4


def _script():
    spec = importlib.util.spec_from_file_location("ux_measure", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_measured_year_end_runs_from_the_pledge_to_the_sent_proposal(
    live_server, browser, catalogue, tmp_path, settings
):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "media")},
        },
    }
    ux = _script()
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):  # the script's own world, made here
        exec(ux.SETUP % {"units": UNITS, "groups": 1, "criteria": CRITERIA}, {})
    world = json.loads(printed.getvalue().strip().splitlines()[-1])
    server = SimpleNamespace(url=live_server.url, units=UNITS, criteria=CRITERIA)
    session = ux.Session(browser, server)

    steps = ux.year_end(session, world, tmp_path)

    assert Pledge.objects.get().state == Pledge.State.LOCKED
    assert Score.objects.filter(agreed_score__isnull=False).count() == UNITS * CRITERIA
    assert Vote.objects.get().state == Vote.State.CLOSED
    assert Minutes.objects.get().is_signed
    proposal = Proposal.objects.get()
    assert proposal.state == Proposal.State.SUBMITTED
    line = Nomination.objects.get(proposal=proposal)
    assert (line.unit.name, line.award_title.code) == ("Đơn vị 01", "co-thi-dua-bo")
    assert [row["step"] for row in steps] == [
        "pledge: create, write, open for signing",
        "pledge: registrations and signatures",
        "pledge: lock",
        "grid (paste)",
        "vote",
        "minutes",
        "proposal",
    ]
    assert sum(row["page_loads"] for row in steps) <= 150
    assert sum(row["files"] for row in steps) == 2  # the tờ trình and one report
