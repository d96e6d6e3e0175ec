"""Decree 30/2020/NĐ-CP: a leading zero on days 1–9 and months 1–2 only."""

import datetime

import pytest

from documents.templatetags.reports import document_date as document_date_filter
from emulation.dates import document_date


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (datetime.date(2021, 1, 5), "ngày 05 tháng 01 năm 2021"),
        (datetime.date(2021, 2, 9), "ngày 09 tháng 02 năm 2021"),
        (datetime.date(2021, 1, 10), "ngày 10 tháng 01 năm 2021"),
        (datetime.date(2021, 2, 28), "ngày 28 tháng 02 năm 2021"),
        (datetime.date(2021, 3, 1), "ngày 01 tháng 3 năm 2021"),
        (datetime.date(2021, 3, 14), "ngày 14 tháng 3 năm 2021"),
        (datetime.date(2021, 6, 29), "ngày 29 tháng 6 năm 2021"),
        (datetime.date(2021, 9, 9), "ngày 09 tháng 9 năm 2021"),
        (datetime.date(2021, 10, 10), "ngày 10 tháng 10 năm 2021"),
        (datetime.date(2020, 12, 14), "ngày 14 tháng 12 năm 2020"),
        (datetime.date(2020, 12, 31), "ngày 31 tháng 12 năm 2020"),
    ],
)
def test_days_below_ten_and_months_one_and_two_take_a_leading_zero(day, text):
    assert document_date(day) == text
    assert document_date_filter(day) == text


def test_a_missing_date_leaves_room_to_write_it_by_hand():
    blank = "\u00a0" * 6
    assert document_date(None, 2020) == f"ngày{blank}tháng{blank}năm 2020"
    assert document_date(None) == f"ngày{blank}tháng{blank}năm"
