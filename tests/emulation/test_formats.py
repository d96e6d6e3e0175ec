"""Dates and numbers follow the language: 14/12/2020 and 1.234.567,5 in Vietnamese,
14 Dec 2020 and 1,234,567.5 in English (day first, 24-hour clock: never the US month-first
"12/14/2020 9:30 a.m."); dates are read day first in both languages."""

import datetime

import pytest
from django import forms
from django.contrib.auth import get_user_model
from django.template import Context, Template
from django.utils import timezone, translation

CONFERENCE = datetime.date(2020, 12, 14)


def render(source, **context):
    return Template("{% load l10n %}" + source).render(Context(context))


@pytest.mark.parametrize(
    ("language", "expected"),
    [("vi", "14/12/2020 · ngày 14 tháng 12 năm 2020"), ("en", "14 Dec 2020 · 14 December 2020")],
)
def test_dates_follow_the_language(language, expected):
    with translation.override(language):
        rendered = render(
            '{{ d|date:"SHORT_DATE_FORMAT" }} · {{ d|date:"DATE_FORMAT" }}', d=CONFERENCE
        )
    assert rendered == expected


@pytest.mark.parametrize(
    ("language", "expected"), [("vi", "2.340.000 · 0,3"), ("en", "2,340,000 · 0.3")]
)
def test_numbers_follow_the_language(language, expected):
    with translation.override(language):
        rendered = render("{{ n|floatformat:'0g' }} · {{ x }}", n=2340000, x=0.3)
    assert rendered == expected


def test_a_vietnamese_date_is_read_day_first():
    field = forms.DateField()
    with translation.override("vi"):
        assert field.clean("01/02/2021") == datetime.date(2021, 2, 1)
        assert field.clean("14/12/2020") == CONFERENCE
    with translation.override("en"):
        assert field.clean("2020-12-14") == CONFERENCE
        assert field.clean("14/12/2020") == CONFERENCE


def test_the_account_list_shows_the_last_login_in_the_users_language(client_as, world):
    moment = timezone.make_aware(datetime.datetime(2020, 12, 14, 9, 30))
    get_user_model().objects.filter(pk=world.users.secretary.pk).update(last_login=moment)
    client = client_as("staff")
    assert '<td class="nowrap">14/12/2020 09:30</td>' in client.get("/accounts/").content.decode()
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert '<td class="nowrap">14 Dec 2020, 09:30</td>' in client.get("/accounts/").content.decode()


@pytest.mark.parametrize(("language", "expected"), [("vi", "05/01/2021"), ("en", "05 Jan 2021")])
def test_a_date_in_a_message_follows_the_language(language, expected):
    from emulation.dates import short_date

    with translation.override(language):
        assert short_date(datetime.date(2021, 1, 5)) == expected
