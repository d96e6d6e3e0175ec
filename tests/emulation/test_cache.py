"""The cache fails open: with Redis unreachable the pages render, sessions come from the
database, the verification page answers; and a cached session never outlives
SESSION_CACHE_SECONDS."""

import time

import pytest
from django.contrib.sessions.backends.cached_db import KEY_PREFIX
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from tests.factories import PASSWORD

CLOSED = "redis://127.0.0.1:1/0"  # nothing listens on port 1


@pytest.fixture
def cache_down(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "emulation.cache.FailOpenRedisCache",
            "LOCATION": CLOSED,
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
        }
    }
    settings.SESSION_ENGINE = "emulation.sessions"


def test_an_unreachable_cache_holds_nothing_and_raises_nothing(cache_down):
    assert cache.get("key", "default") == "default"
    assert cache.get("key", default=7) == 7
    cache.set("key", "value")
    assert cache.add("key", "value") is False
    assert cache.get_many(["key"]) == {}
    assert cache.set_many({"a": 1, "b": 2}) == ["a", "b"]
    assert cache.has_key("key") is False
    cache.delete("key")
    with pytest.raises(ValueError):
        cache.incr("key")
    # After a failure the process leaves Redis alone for a while: no connection attempt.
    started = time.monotonic()
    for _ in range(100):
        cache.get("key")
    assert time.monotonic() - started < 0.5


def test_signing_in_and_reading_the_year_work_with_the_cache_down(cache_down, world):
    client = Client()
    response = client.post("/accounts/login/", {"username": "thuky", "password": PASSWORD})
    assert response.status_code == 302
    cluster_page = f"{reverse('clusters:detail', args=[world.cluster.pk])}?year={world.year}"
    for url in (
        cluster_page,
        reverse("clusters:ranking", args=[world.cluster.pk, world.year]),
        reverse("clusters:scores", args=[world.cluster.pk, world.year]),
        reverse("reports:cluster", args=[world.cluster.pk, world.year]),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
    body = client.get(cluster_page).content.decode()
    assert 'id="leadership-panel"' in body
    assert 'id="evaluation-panel"' in body
    assert body.count('<li class="list-group-item">') == 3  # the members
    client.post("/accounts/logout/")
    assert client.get(cluster_page).status_code == 302  # signed out: to the login page


def test_the_verification_page_answers_with_the_cache_down(cache_down, db):
    response = Client().get(reverse("verify:home"))
    assert response.status_code == 200


def test_a_cached_session_lives_at_most_session_cache_seconds(settings, world):
    settings.SESSION_ENGINE = "emulation.sessions"  # with the local cache of the tests
    client = Client()
    client.post("/accounts/login/", {"username": "thuky", "password": PASSWORD})
    key = cache.make_key(KEY_PREFIX + client.session.session_key)
    assert 0 < cache._expire_info[key] - time.time() <= settings.SESSION_CACHE_SECONDS
    assert client.get("/").status_code == 200
