"""Error pages speak Vietnamese (English when chosen), and the 500 page needs nothing that
could itself be broken: no request context, no database."""

import pytest
from django.test import Client, RequestFactory
from django.utils import translation
from django.views.defaults import server_error


def test_not_found_page_is_in_vietnamese(client_as):
    response = client_as("secretary").get("/clusters/999999/")
    html = response.content.decode()
    assert response.status_code == 404
    assert '<h1 class="h3 mb-3">Không tìm thấy trang</h1>' in html
    assert "Trang bạn tìm không có, đã bị xóa hoặc nằm ngoài phạm vi của bạn." in html


def test_a_cluster_out_of_scope_looks_like_a_missing_one(client_as, world):
    response = client_as("other_secretary").get(f"/clusters/{world.cluster.pk}/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_forbidden_page_is_in_vietnamese(client_as):
    response = client_as("leader").get("/clusters/new/")
    html = response.content.decode()
    assert response.status_code == 403
    assert '<h1 class="h3 mb-3">Không có quyền truy cập</h1>' in html
    assert '<a class="btn btn-primary" href="/">Về trang chủ</a>' in html


def test_a_form_without_csrf_token_gets_a_vietnamese_explanation(world):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/accounts/login/", {"username": "thuky", "password": "x"})
    html = response.content.decode()
    assert response.status_code == 403
    assert '<h1 class="h3 mb-3">Biểu mẫu đã hết hạn</h1>' in html
    assert '<html lang="vi">' in html


def test_server_error_page_renders_without_database_or_context_processors():
    """No ``db`` fixture: any query here would fail the test."""
    with translation.override("vi"):
        response = server_error(RequestFactory().get("/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert '<h1 class="h3 mb-3">Lỗi hệ thống</h1>' in html
    assert '<html lang="vi">' in html


def test_server_error_page_follows_the_language():
    with translation.override("en"):
        html = server_error(RequestFactory().get("/")).content.decode()
    assert '<html lang="en">' in html


@pytest.mark.urls("tests.emulation.failing_urls")
def test_a_crash_shows_the_server_error_page(client_as):
    client = client_as("staff")
    client.raise_request_exception = False
    response = client.get("/broken/")
    assert response.status_code == 500
    assert "Hệ thống gặp sự cố và chưa xử lý được yêu cầu của bạn." in response.content.decode()
