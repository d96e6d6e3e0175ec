"""The home page of each role, signing in and out, changing a password, the language
switch and the health check."""

import re

import pytest
from django.test import Client
from django.utils import timezone

from tests.factories import PASSWORD
from tests.html import field_errors, input_value, link_texts

CLUSTER_LINK = r"/clusters/\d+/\?year="


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("secretary", ["Cụm thi đua số 2"]),
        ("other_secretary", ["Cụm thi đua số 1"]),
        ("staff", ["Cụm thi đua số 1", "Cụm thi đua số 2"]),
        ("leader", ["Cụm thi đua số 1", "Cụm thi đua số 2"]),
        ("foreign_staff", []),
    ],
)
def test_home_lists_the_clusters_in_scope_for_the_year(client_as, role, expected):
    response = client_as(role).get("/?year=2021")
    assert response.status_code == 200
    assert link_texts(response, CLUSTER_LINK) == expected


def test_home_links_each_cluster_to_the_selected_year_with_its_member_count(client_as, world):
    html = client_as("staff").get("/?year=2021").content.decode()
    assert f'<a href="/clusters/{world.cluster.pk}/?year=2021">Cụm thi đua số 2</a>' in html
    assert '<td class="text-end">3</td>' in html


def test_home_names_the_role_of_the_user(client_as):
    html = client_as("secretary").get("/?year=2021").content.decode()
    assert '<span class="badge text-bg-secondary me-1">Thư ký cụm</span>' in html


def test_home_says_so_when_no_cluster_is_in_scope(client_as):
    html = client_as("foreign_staff").get("/?year=2021").content.decode()
    assert "Không có cụm thi đua nào trong phạm vi của bạn cho năm 2021." in html


def test_home_of_an_account_without_role_explains_what_to_do(world):
    from tests.factories import UserFactory

    client = Client()
    client.force_login(UserFactory(username="moi"))
    html = client.get("/").content.decode()
    assert "Tài khoản chưa được phân quyền. Hãy liên hệ Vụ Thi đua - Khen thưởng." in html


def test_home_defaults_to_the_current_year(client_as):
    year = timezone.localdate().year
    html = client_as("staff").get("/").content.decode()
    assert f"Các cụm thi đua năm {year}" in html


def test_home_sends_anonymous_users_to_login(client_as):
    response = client_as(None).get("/")
    assert (response.status_code, response.url) == (302, "/accounts/login/?next=/")


# --- signing in and out --------------------------------------------------------------------


def test_login_page_is_in_vietnamese(client, db):
    html = client.get("/accounts/login/").content.decode()
    assert '<html lang="vi">' in html
    assert '<h1 class="h3 mb-3">Đăng nhập</h1>' in html
    assert "Tên đăng nhập" in html


def test_signing_in_leads_to_the_page_asked_for(world):
    client = Client()
    response = client.post(
        "/accounts/login/", {"username": "thuky", "password": PASSWORD, "next": "/units/"}
    )
    assert (response.status_code, response.url) == (302, "/units/")
    assert client.get("/units/").status_code == 200


def test_signing_in_without_next_leads_home(world):
    response = Client().post("/accounts/login/", {"username": "vu", "password": PASSWORD})
    assert (response.status_code, response.url) == (302, "/")


def test_a_wrong_password_is_refused_in_vietnamese_and_the_username_kept(world):
    response = Client().post("/accounts/login/", {"username": "thuky", "password": "sai"})
    assert response.status_code == 200
    assert "Vui lòng điền vào Tên đăng nhập và mật khẩu chính xác." in " ".join(
        response.content.decode().split()
    )
    assert input_value(response, "username") == "thuky"


def test_login_refuses_to_redirect_to_another_site(world):
    response = Client().post(
        "/accounts/login/",
        {"username": "thuky", "password": PASSWORD, "next": "https://evil.example/"},
    )
    assert (response.status_code, response.url) == (302, "/")


def test_signing_out_ends_the_session(client_as):
    client = client_as("secretary")
    response = client.post("/accounts/logout/")
    assert (response.status_code, response.url) == (302, "/accounts/login/")
    assert client.get("/").status_code == 302


def test_signing_out_needs_a_post(client_as):
    client = client_as("secretary")
    assert client.get("/accounts/logout/").status_code == 405
    assert client.get("/").status_code == 200


def test_every_page_has_a_sign_out_button_and_a_password_link(client_as):
    html = client_as("leader").get("/").content.decode()
    assert '<form method="post" action="/accounts/logout/">' in html
    assert '<a class="dropdown-item" href="/accounts/password/">Đổi mật khẩu</a>' in html


# --- changing a password -------------------------------------------------------------------


def test_password_change_sends_anonymous_users_to_login(client):
    response = client.get("/accounts/password/")
    assert (response.status_code, response.url) == (
        302,
        "/accounts/login/?next=/accounts/password/",
    )


def test_a_user_changes_their_password(client_as, world):
    client = client_as("secretary")
    assert client.get("/accounts/password/").status_code == 200
    response = client.post(
        "/accounts/password/",
        {
            "old_password": PASSWORD,
            "new_password1": "Mat-khau-moi-2026",
            "new_password2": "Mat-khau-moi-2026",
        },
        follow=True,
    )
    assert response.redirect_chain == [("/accounts/password/done/", 302)]
    assert "Mật khẩu của bạn đã được đổi." in response.content.decode()
    assert client.get("/").status_code == 200
    assert Client().login(username="thuky", password="Mat-khau-moi-2026")
    assert not Client().login(username="thuky", password=PASSWORD)


def test_a_wrong_old_password_is_refused_next_to_the_field(client_as, world):
    response = client_as("secretary").post(
        "/accounts/password/",
        {
            "old_password": "sai",
            "new_password1": "Mat-khau-moi-2026",
            "new_password2": "Mat-khau-moi-2026",
        },
    )
    assert response.status_code == 200
    assert field_errors(response, "old_password") == [
        "Mật khẩu cũ không chính xác. Hãy nhập lại lần nữa"
    ]
    assert Client().login(username="thuky", password=PASSWORD)


def test_mismatched_new_passwords_are_refused_next_to_the_field(client_as, world):
    response = client_as("secretary").post(
        "/accounts/password/",
        {"old_password": PASSWORD, "new_password1": "Mat-khau-moi-2026", "new_password2": "khac"},
    )
    assert field_errors(response, "new_password2") == ["Hai trường mật khẩu không giống nhau."]


# --- language and health -------------------------------------------------------------------


def test_the_language_switch_turns_pages_english_and_back(client_as):
    client = client_as("staff")
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/units/"})
    assert (response.status_code, response.url) == (302, "/units/")
    assert '<html lang="en">' in client.get("/units/").content.decode()
    client.post("/i18n/setlang/", {"language": "vi", "next": "/units/"})
    assert '<html lang="vi">' in client.get("/units/").content.decode()


def test_anonymous_users_can_switch_the_language_of_the_login_page(client, db):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/accounts/login/"})
    assert (response.status_code, response.url) == (302, "/accounts/login/")
    html = client.get("/accounts/login/").content.decode()
    assert '<html lang="en">' in html
    pressed = re.findall(r'value="(\w+)" lang="\w+"\s+class="[^"]*"\s+aria-current="true"', html)
    assert pressed == ["en"]


def test_the_language_switch_ignores_an_unknown_language(client, db):
    client.post("/i18n/setlang/", {"language": "xx", "next": "/accounts/login/"})
    assert '<html lang="vi">' in client.get("/accounts/login/").content.decode()


def test_health_answers_without_login_after_asking_the_database(
    client, db, django_assert_num_queries
):
    with django_assert_num_queries(1):
        response = client.get("/health/")
    assert (response.status_code, response.json()) == (200, {"status": "ok"})
