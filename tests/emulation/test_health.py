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
def test_health_with_worker_sends_a_task_through_a_real_worker(
    client, celery_worker_process, settings
):
    settings.HEALTH_WORKER_TOKEN = "s3cret-monitoring-token"
    response = client.get(
        "/health/?worker=1", headers={"X-Health-Token": "s3cret-monitoring-token"}
    )

    assert (response.status_code, response.json()) == (200, {"status": "ok"})


def test_the_worker_probe_is_refused_to_anonymous_and_to_a_wrong_token(client, db, settings):
    settings.HEALTH_WORKER_TOKEN = "s3cret-monitoring-token"
    assert client.get("/health/?worker=1").status_code == 403
    wrong = client.get("/health/?worker=1", headers={"X-Health-Token": "guess"})
    assert (wrong.status_code, wrong.json()) == (403, {"status": "forbidden"})
    settings.HEALTH_WORKER_TOKEN = ""
    assert client.get("/health/?worker=1", headers={"X-Health-Token": ""}).status_code == 403


def test_the_worker_probe_answers_the_token_and_staff_accounts_only(
    client, client_as, world, settings, django_user_model
):
    settings.HEALTH_WORKER_TOKEN = "s3cret-monitoring-token"
    ok = client.get("/health/?worker=1", headers={"X-Health-Token": "s3cret-monitoring-token"})
    assert (ok.status_code, ok.json()) == (200, {"status": "ok"})
    # Ministry staff of the application are not operators: 403.
    assert client_as("staff").get("/health/?worker=1").status_code == 403
    operator = django_user_model.objects.create_user("vanhanh", password="x", is_staff=True)
    client.force_login(operator)
    assert client.get("/health/?worker=1").status_code == 200
