"""Numbers as Vietnamese people type and read them: "4,5" is four and a half, never 45."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from awards.rules.money import reward_amount
from clusters.evaluation.scores import parse_score
from emulation.catalogue_forms import AwardTitleForm
from emulation.models import AwardTitle
from emulation.numbers import (
    VietnameseDecimalField,
    decimal_formatter,
    format_decimal,
    format_share,
    parse_decimal,
)


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("4,5", Decimal("4.5")),
        ("4.5", Decimal("4.5")),
        ("4,50", Decimal("4.5")),
        ("1.234,5", Decimal("1234.5")),
        ("1,234.5", Decimal("1234.5")),
        ("2.340.000", Decimal(2340000)),
        ("1 234,5", Decimal("1234.5")),
        ("\u00a01\u202f234,5 ", Decimal("1234.5")),
        (" 7 ", Decimal(7)),
        ("0,05", Decimal("0.05")),
        (",5", Decimal("0.5")),
        ("", None),
        ("   ", None),
        (None, None),
    ],
)
def test_a_typed_number_is_read_with_the_comma_or_the_point_as_decimal_mark(typed, value):
    assert parse_decimal(typed) == value


def test_the_typed_scale_is_kept():
    assert str(parse_decimal("4,50")) == "4.50"


@pytest.mark.parametrize(
    "typed",
    ["abc", "4,5,6", "1.2.3", "1,23.4", "4,5.6", "1.234.5,6,7", "1e3", "NaN", "Infinity", "4 5"],
)
def test_what_is_not_a_number_is_refused_with_the_vietnamese_message(typed):
    with pytest.raises(ValueError) as caught:
        parse_decimal(typed)
    assert str(caught.value) == f"“{typed}” không phải là số."


@pytest.mark.parametrize(
    ("value", "vietnamese", "english"),
    [
        (Decimal("4.50"), "4,5", "4.5"),
        (Decimal("1.5"), "1,5", "1.5"),
        (Decimal("6.00"), "6", "6"),
        (Decimal("1234.5"), "1.234,5", "1,234.5"),
        (2340000, "2.340.000", "2,340,000"),
        (None, "", ""),
    ],
)
def test_numbers_are_shown_with_the_language_s_marks(value, vietnamese, english):
    with translation.override("vi"):
        assert format_decimal(value) == vietnamese
    with translation.override("en"):
        assert format_decimal(value) == english


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_grid_s_formatter_shows_what_format_decimal_shows(language):
    values = [None, Decimal("4.50"), Decimal("6.00"), Decimal("0.25"), Decimal("0"), 10, 1234]
    values += [Decimal(n) / 4 for n in range(0, 401)]
    with translation.override(language):
        format_one = decimal_formatter()
        assert [format_one(v) for v in values] == [
            format_decimal(v, grouping=False) for v in values
        ]


@pytest.mark.parametrize(
    ("value", "vietnamese", "english"),
    [
        (Decimal("66.6666"), "66,7", "66.7"),
        (Decimal("50.05"), "50,1", "50.1"),  # half up, as the vote share
        (Decimal("50.04"), "50,0", "50.0"),
        (70, "70,0", "70.0"),
    ],
)
def test_a_share_in_a_message_reads_with_the_language_s_decimal_mark(value, vietnamese, english):
    with translation.override("vi"):
        assert format_share(value) == vietnamese
    with translation.override("en"):
        assert format_share(value) == english


def test_a_score_is_checked_at_below_and_above_its_limits():
    six = Decimal(6)
    assert parse_score("0", six) == 0
    assert parse_score("6", six) == 6
    assert parse_score("5,99", six) == Decimal("5.99")
    for typed in ("6,01", "-0,01"):
        with pytest.raises(ValueError) as caught:
            parse_score(typed, six)
        assert str(caught.value) == "Điểm phải từ 0 đến 6."
    with pytest.raises(ValueError) as caught:
        parse_score("4,555", six)
    assert str(caught.value) == "Điểm chỉ có tối đa 2 chữ số thập phân."
    with pytest.raises(ValueError) as caught:
        parse_score("4,5", Decimal("4.25"))
    assert str(caught.value) == "Điểm phải từ 0 đến 4,25."


def test_a_decimal_form_field_is_a_text_input_that_keeps_the_comma():
    field = VietnameseDecimalField(max_digits=5, decimal_places=2, min_value=0)
    assert field.clean("1,5") == Decimal("1.5")
    assert field.clean("4.5") == Decimal("4.5")
    html = field.widget.render("x", field.prepare_value(Decimal("1.50")))
    assert html == '<input type="text" name="x" value="1,5" inputmode="decimal" autocomplete="off">'
    with pytest.raises(ValidationError) as caught:
        field.clean("một rưỡi")
    assert caught.value.messages == ["Hãy nhập một số, ví dụ 4,5."]
    with pytest.raises(ValidationError) as caught:
        field.clean("1,555")
    assert len(caught.value.messages) == 1  # Django's "at most 2 decimal places"


def test_the_reward_multiplier_is_typed_and_shown_with_a_comma(db):
    title = AwardTitle.objects.get(code="co-thi-dua-bo", regime__code="luat-2022-nd-98-2023")
    title.reward_multiplier = Decimal("1.5")
    form = AwardTitleForm(instance=title)
    html = str(form["reward_multiplier"])
    assert 'inputmode="decimal"' in html
    assert 'value="1,5"' in html
    assert 'type="number"' not in html


def test_the_decision_note_reads_one_and_a_half_times_the_base_salary(db):
    title = AwardTitle.objects.get(code="co-thi-dua-bo", regime__code="luat-2022-nd-98-2023")
    title.reward_multiplier = Decimal("1.50")
    with translation.override("vi"):
        amount, note = reward_amount(award_title=title, on_date=datetime.date(2025, 1, 10))
    assert amount == Decimal(3510000)
    assert note.startswith("1,5 × 2.340.000 đồng (")


def test_an_amount_of_money_reads_with_the_language_s_grouping():
    from awards.templatetags.awards_tags import vnd

    with translation.override("vi"):
        assert (vnd(11920000), vnd(None)) == ("11.920.000", "—")
    with translation.override("en"):
        assert vnd(Decimal("11920000")) == "11,920,000"
