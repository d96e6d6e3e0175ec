"""Password reset by e-mail, every password message in Vietnamese, dates and times in the
language's format, plural forms in English, a title's subject said once."""

import datetime
import re

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone, translation
from django.utils.formats import date_format

from emulation.models import AwardTitle
from tests.html import field_errors


@pytest.fixture
def secretary_with_email(world):
    user = world.users.secretary
    user.email = "thuky@example.vn"
    user.save()
    return user


def test_the_login_page_offers_a_password_reset(db):
    html = Client().get("/accounts/login/").content.decode()
    assert '<a class="btn btn-link" href="/accounts/password/reset/">Quên mật khẩu?</a>' in html


def test_a_password_is_reset_through_the_link_in_the_email(secretary_with_email):
    client = Client()
    response = client.post("/accounts/password/reset/", {"email": "thuky@example.vn"}, follow=True)
    assert response.redirect_chain[-1][0] == "/accounts/password/reset/sent/"
    assert "Hãy kiểm tra hộp thư" in response.content.decode()

    (message,) = mail.outbox
    assert (message.to, message.subject) == (["thuky@example.vn"], "Đặt lại mật khẩu thidua")
    assert "Tên đăng nhập của bạn: thuky" in message.body
    link = re.search(r"http://testserver(/accounts/password/reset/\S+/)", message.body)[1]

    form_page = client.get(link, follow=True)
    assert "Đặt mật khẩu mới" in form_page.content.decode()
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "Mat-khau-moi-2026", "new_password2": "Mat-khau-moi-2026"},
        follow=True,
    )
    assert done.redirect_chain[-1][0] == "/accounts/password/reset/complete/"
    secretary_with_email.refresh_from_db()
    assert secretary_with_email.check_password("Mat-khau-moi-2026")

    again = client.get(link, follow=True).content.decode()
    assert "Đường dẫn đặt lại mật khẩu không còn dùng được" in again


def test_an_unknown_address_gets_the_same_answer_and_no_email(world):
    response = Client().post("/accounts/password/reset/", {"email": "ai@khong.vn"}, follow=True)
    assert "Hãy kiểm tra hộp thư" in response.content.decode()
    assert mail.outbox == []


@pytest.mark.parametrize(("password", "too_short"), [("Ab-1234", True), ("Ab-12345", False)])
def test_a_short_password_is_refused_in_vietnamese_at_and_above_the_minimum(
    client_as, world, password, too_short
):
    from tests.factories import PASSWORD

    response = client_as("secretary").post(
        "/accounts/password/",
        {"old_password": PASSWORD, "new_password1": password, "new_password2": password},
    )
    errors = field_errors(response, "new_password2")
    message = "Mật khẩu này quá ngắn: cần ít nhất 8 ký tự."
    assert (message in errors) is too_short
    assert not any("This password" in error for error in errors)


def test_the_password_rules_are_listed_in_vietnamese(client_as):
    html = client_as("secretary").get("/accounts/password/").content.decode()
    assert "Mật khẩu của bạn phải có ít nhất 8 ký tự." in html
    assert "Your password" not in html


def test_english_dates_and_times_are_day_first_on_a_24_hour_clock():
    moment = timezone.make_aware(datetime.datetime(2026, 11, 29, 14, 2))
    with translation.override("en"):
        assert date_format(moment, "SHORT_DATETIME_FORMAT") == "29 Nov 2026, 14:02"
        assert date_format(moment.date(), "SHORT_DATE_FORMAT") == "29 Nov 2026"
    with translation.override("vi"):
        assert date_format(moment, "SHORT_DATETIME_FORMAT") == "29/11/2026 14:02"


def test_a_title_that_names_its_subject_says_it_once(catalogue):
    titles = AwardTitle.objects.filter(code__in=["bang-khen-bo-tap-the", "co-thi-dua-bo"])
    names = sorted({t.name_with_subject for t in titles})
    assert "Bằng khen của Bộ trưởng (tập thể)" in names
    assert "Cờ thi đua cấp Bộ (tập thể)" in names
    assert not any("(tập thể) (tập thể)" in name for name in names)


@pytest.mark.parametrize(("n", "english"), [(1, "1 day"), (2, "2 days")])
def test_english_plurals_follow_the_count(n, english):
    with translation.override("en"):
        said = translation.ngettext("%(n)s ngày", "%(n)s ngày", n) % {"n": n}
    assert said == english
