"""Every action the code writes to the audit trail reads as Vietnamese, not as its code."""

import ast
from pathlib import Path

from django.conf import settings
from django.utils import translation

from awards.services.upward import ANSWERS
from clusters.models import Pledge
from emulation.audit import ACTION_LABELS, action_label

APPS = ("accounts", "awards", "clusters", "documents", "emulation", "units")

# The calls that write an action to the audit trail, and the actions a call naming
# ``action`` writes (save_record: the record created or updated).
WRITERS = {
    "audit_record": lambda action: {action},
    "save_version": lambda action: {action},
    "save_record": lambda action: {f"{action}_create", f"{action}_update"},
}

# Actions built at run time, by the file that builds them.
DYNAMIC = {
    # save_version and save_record pass their caller's action on to audit_record.
    "emulation/audit.py": set(),
    "units/people_services.py": {
        f"{kind}_{verb}"
        for kind in ("person", "person_year", "unit_year")
        for verb in ("create", "update")
    },
    "clusters/year_start/pledge.py": {f"pledge_{state}" for state in Pledge.State.values},
    "awards/services/review.py": {"nomination_approve", "nomination_reject", "nomination_reopen"},
    "awards/services/upward.py": set(ANSWERS),
    "emulation/auth.py": {"login", "logout", "password_change"},
}


def _written_actions():
    codes, dynamic_files = set(), set()
    root = Path(settings.BASE_DIR)
    for app in APPS:
        for path in (root / app).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text())):
                func = getattr(node, "func", None)
                writer = WRITERS.get(getattr(func, "id", getattr(func, "attr", "")))
                if not isinstance(node, ast.Call) or writer is None:
                    continue
                for keyword in node.keywords:
                    if keyword.arg != "action":
                        continue
                    value = keyword.value
                    branches = (
                        [value.body, value.orelse] if isinstance(value, ast.IfExp) else [value]
                    )
                    if all(isinstance(branch, ast.Constant) for branch in branches):
                        codes |= {code for branch in branches for code in writer(branch.value)}
                    else:
                        dynamic_files.add(path.relative_to(root).as_posix())
    return codes, dynamic_files


def test_every_action_written_to_the_audit_trail_has_a_readable_label():
    codes, dynamic_files = _written_actions()
    assert dynamic_files == set(DYNAMIC)
    for built in DYNAMIC.values():
        codes |= built
    assert "pledge_signed" in codes and "proposal_submit" in codes
    assert sorted(code for code in codes if code not in ACTION_LABELS) == []


def test_the_audit_trail_shows_the_label_in_each_language():
    with translation.override("vi"):
        assert action_label("pledge_signed") == "Giao ước đã ký đủ"
        assert action_label("nomination_approve") == "Đồng ý dòng đề nghị"
    with translation.override("en"):
        assert str(action_label("nomination_approve")) == "Nomination approved"
        assert str(action_label("nomination_create")) == "Nomination added"


def test_events_dated_stamps_the_audit_and_services_then_returns_to_now(db):
    import datetime

    from django.utils import timezone

    from emulation.audit import audit_record, event_now, events_dated
    from emulation.models import Ministry

    ministry = Ministry.objects.create(name="Bộ thử")
    with events_dated(datetime.date(2020, 12, 14)) as moment:
        entry = audit_record(actor=None, action="cluster_create", obj=ministry)
        assert event_now() == moment
    assert timezone.localtime(entry.at) == timezone.make_aware(
        datetime.datetime(2020, 12, 14, 9, 0)
    )
    afternoon = timezone.make_aware(datetime.datetime(2020, 12, 14, 15, 0))
    with events_dated(afternoon):
        assert audit_record(actor=None, action="cluster_update", obj=ministry).at == afternoon
    before = timezone.now()
    later = audit_record(actor=None, action="cluster_update", obj=ministry)
    assert before <= later.at <= timezone.now()
    assert before <= event_now() <= timezone.now()
