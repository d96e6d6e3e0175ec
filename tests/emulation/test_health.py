import pytest


def test_health_is_public_and_reports_the_database_and_broker(client, db, settings):
    response = client.get("/health/")

    assert response.status_code == 200
    expected_broker = "ok" if settings.CELERY_BROKER_URL else "not configured"
    assert response.json() == {"status": "ok", "database": "ok", "broker": expected_broker}


def test_health_answers_503_when_the_broker_is_unreachable(client, db, settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"

    response = client.get("/health/")

    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "ok", "broker": "error"}


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_health_with_worker_sends_a_task_through_a_real_worker(client, celery_worker_process):
    response = client.get("/health/?worker=1")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "broker": "ok", "worker": "ok"}
