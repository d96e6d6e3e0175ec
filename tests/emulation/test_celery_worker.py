import pytest

from config.celery import ping

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def test_a_real_worker_runs_a_task_and_answers(celery_worker_process):
    assert ping.delay().get(timeout=20) == "pong"
