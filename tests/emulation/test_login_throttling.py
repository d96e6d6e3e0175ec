"""Logins are throttled per account and per address (django-axes), every failure is recorded,
and logins, logouts and password changes are in the audit trail."""

import datetime

import pytest
from axes.models import AccessAttempt, AccessFailureLog
from django.test import Client

from emulation.models import AuditEntry
from tests.factories import PASSWORD

LOCKED = "Tài khoản hoặc địa chỉ mạng này đã nhập sai mật khẩu 5 lần"


def _login(username, password, address="10.0.0.1", client=None, **headers):
    client = client or Client()
    response = client.post(
        "/accounts/login/",
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        **headers,
    )
    return client, response


def _fail(times, username="thuky", address="10.0.0.1"):
    for n in range(times):
        _login(username, f"sai-{n}", address)


@pytest.mark.parametrize(("failures", "locked"), [(4, False), (5, True), (6, True)])
def test_the_account_is_locked_after_five_failures(world, failures, locked):
    _fail(failures)

    client, response = _login("thuky", PASSWORD)

    if locked:
        assert response.status_code == 429
        assert LOCKED in response.content.decode()
        assert "Hãy thử lại sau 15 phút" in response.content.decode()
        assert client.get("/").status_code == 302  # not logged in
    else:
        assert response.status_code == 302
        assert client.get("/").status_code == 200


def test_a_locked_account_stays_locked_from_another_address(world):
    _fail(5, address="10.0.0.1")

    _client, response = _login("thuky", PASSWORD, address="10.9.9.9")

    assert response.status_code == 429


def test_an_address_is_locked_after_five_failures_over_several_accounts(world):
    for n, username in enumerate(["a", "b", "c", "d", "e"]):
        _login(username, f"sai-{n}", "10.0.0.7")

    _client, locked = _login("thuky", PASSWORD, address="10.0.0.7")
    _client, elsewhere = _login("thuky", PASSWORD, address="10.0.0.8")

    assert locked.status_code == 429
    assert elsewhere.status_code == 302


def test_the_lock_lifts_after_the_cool_off(world, settings):
    _fail(5)
    AccessAttempt.objects.update(
        attempt_time=datetime.datetime.now(datetime.UTC)
        - settings.AXES_COOLOFF_TIME
        - datetime.timedelta(seconds=1)
    )

    _client, response = _login("thuky", PASSWORD)

    assert response.status_code == 302


def test_a_success_below_the_limit_starts_the_count_again(world):
    _fail(4)
    _login("thuky", PASSWORD)
    _fail(4)

    _client, response = _login("thuky", PASSWORD)

    assert response.status_code == 302


def test_every_failed_login_is_recorded_with_account_and_address(world):
    _fail(2, address="10.0.0.3")
    _login("khong-ton-tai", "sai", "10.0.0.4")

    assert sorted(AccessFailureLog.objects.values_list("username", "ip_address")) == [
        ("khong-ton-tai", "10.0.0.4"),
        ("thuky", "10.0.0.3"),
        ("thuky", "10.0.0.3"),
    ]
    assert AuditEntry.objects.count() == 0  # a failure changes nothing


def test_behind_the_proxy_the_address_comes_from_its_header(world, settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    for n in range(5):
        _login("x", f"sai-{n}", "127.0.0.1", HTTP_X_REAL_IP="203.0.113.5")

    _client, proxied_other = _login("thuky", PASSWORD, "127.0.0.1", HTTP_X_REAL_IP="203.0.113.6")
    _client, proxied_same = _login("thuky", PASSWORD, "127.0.0.1", HTTP_X_REAL_IP="203.0.113.5")

    assert proxied_other.status_code == 302
    assert proxied_same.status_code == 429


def _entries():
    return list(AuditEntry.objects.order_by("id").values_list("action", "actor__username", "after"))


def test_login_logout_and_password_change_are_in_the_audit_trail(world):
    client, _response = _login("thuky", PASSWORD, "10.0.0.1")
    client.post(
        "/accounts/password/",
        {
            "old_password": PASSWORD,
            "new_password1": "Mat-khau-moi-2026",
            "new_password2": "Mat-khau-moi-2026",
        },
        REMOTE_ADDR="10.0.0.1",
    )
    client.post("/accounts/logout/", REMOTE_ADDR="10.0.0.2")

    assert _entries() == [
        ("login", "thuky", {"ip": "10.0.0.1"}),
        ("password_change", "thuky", {"ip": "10.0.0.1"}),
        ("logout", "thuky", {"ip": "10.0.0.2"}),
    ]


def test_a_refused_password_change_is_not_audited(world):
    client, _response = _login("thuky", PASSWORD)
    client.post(
        "/accounts/password/",
        {"old_password": "sai", "new_password1": "x", "new_password2": "x"},
    )

    assert [action for action, _user, _after in _entries()] == ["login"]


def test_an_anonymous_logout_is_not_audited(db):
    Client().post("/accounts/logout/")

    assert _entries() == []


def test_the_admin_login_is_throttled_and_audited_too(world):
    world.users.staff.is_staff = True
    world.users.staff.save()
    client = Client()
    client.post(
        "/admin/login/?next=/admin/",
        {"username": "vu", "password": PASSWORD},
        REMOTE_ADDR="10.1.1.1",
    )
    for n in range(5):
        Client().post("/admin/login/", {"username": "vu", "password": f"sai-{n}"})

    locked = Client().post("/admin/login/", {"username": "vu", "password": PASSWORD})

    assert client.get("/admin/").status_code == 200
    assert _entries() == [("login", "vu", {"ip": "10.1.1.1"})]
    assert locked.status_code == 429


def test_a_test_client_force_login_is_not_an_audited_login(client_as):
    client_as("staff").logout()

    assert _entries() == []
