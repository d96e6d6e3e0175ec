"""Dates as official documents print them (Decree 30/2020/NĐ-CP, annex I, part I, item 5:
"đối với những số chỉ ngày nhỏ hơn 10 và tháng 1, 2 thì phải ghi thêm số 0 ở trước").

The one function every printed document date goes through: the PDF header's place and date,
and every document a document cites (decisions, the pledge's conference, the minutes)."""

from django.utils import formats

BLANK = "\u00a0" * 6


def short_date(value):
    """A date in a message or on a page, in the active language's short format: 14/12/2020
    in Vietnamese, as every list and form shows it."""
    return formats.date_format(value, "SHORT_DATE_FORMAT")


def document_day_month(value):
    """``("05", "01")``, ``("29", "6")``, ``("14", "12")``: a leading zero on days 1–9 and on
    months 1 and 2 only, never "tháng 03"."""
    day = f"{value.day:02d}" if value.day < 10 else str(value.day)
    month = f"{value.month:02d}" if value.month <= 2 else str(value.month)
    return day, month


def document_date(value, year=None):
    """``ngày 05 tháng 01 năm 2021``; a missing date leaves room to write it by hand
    (``ngày      tháng      năm 2021``)."""
    if value is None:
        return f"ngày{BLANK}tháng{BLANK}năm {year or ''}".rstrip()
    day, month = document_day_month(value)
    return f"ngày {day} tháng {month} năm {value.year}"
