import pytest


def test_health_is_public_and_asks_the_database_once(client, db, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get("/health/")

    assert (response.status_code, response.json()) == (200, {"status": "ok"})


def test_health_answers_503_when_the_broker_is_unreachable(client, db, settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"

    response = client.get("/health/")

    assert response.status_code == 503
    assert response.json() == {"status": "error", "broker": "unavailable"}


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_health_with_worker_sends_a_task_through_a_real_worker(client, celery_worker_process):
    response = client.get("/health/?worker=1")

    assert (response.status_code, response.json()) == (200, {"status": "ok"})
