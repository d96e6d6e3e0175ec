import datetime

import pytest
from django.conf import settings
from django.core import mail

from awards.models import SentReminder
from awards.notifications import send_deadline_reminders
from awards.tasks import send_deadline_reminders as reminder_task
from clusters.models import Pledge

TODAY = datetime.date(2021, 12, 10)


@pytest.fixture
def deadlines(world):
    for user in (world.users.secretary, world.users.other_secretary):
        user.email = f"{user.username}@example.org"
        user.save()
    emulation_year = world.cluster_year.emulation_year
    emulation_year.pledge_deadline = TODAY + datetime.timedelta(days=7)
    emulation_year.proposals_deadline = TODAY + datetime.timedelta(days=8)  # not yet due
    emulation_year.save()
    return emulation_year


def test_secretaries_are_reminded_a_week_before_an_unmet_deadline(world, deadlines):
    assert send_deadline_reminders(today=TODAY) == 2
    assert sorted(m.to[0] for m in mail.outbox) == [
        "thuky.khac@example.org",
        "thuky@example.org",
    ]
    assert mail.outbox[0].subject.startswith("Nhắc hạn: Ký giao ước")
    assert "là 17/12/2021" in mail.outbox[0].body


def test_a_reminder_is_never_sent_twice(world, deadlines):
    send_deadline_reminders(today=TODAY)
    assert send_deadline_reminders(today=TODAY) == 0
    # The next day the proposal deadline comes within a week: only that one is new.
    assert send_deadline_reminders(today=TODAY + datetime.timedelta(days=1)) == 2
    assert len(mail.outbox) == 4
    assert sorted(SentReminder.objects.values_list("kind", flat=True)) == [
        "pledge",
        "pledge",
        "proposal",
        "proposal",
    ]


def test_a_met_deadline_is_not_reminded(world, deadlines):
    Pledge.objects.create(cluster_year=world.cluster_year, state=Pledge.State.SIGNED)
    send_deadline_reminders(today=TODAY)
    assert [m.to for m in mail.outbox] == [["thuky.khac@example.org"]]


def test_nothing_is_sent_more_than_a_week_before(world, deadlines):
    assert send_deadline_reminders(today=TODAY - datetime.timedelta(days=1)) == 0


def test_the_reminder_task_is_on_the_beat_schedule(world, deadlines):
    entry = settings.CELERY_BEAT_SCHEDULE["awards-deadline-reminders"]
    assert entry["task"] == "awards.tasks.send_deadline_reminders"
    assert reminder_task.soft_time_limit == 120
    assert reminder_task.time_limit == 180
