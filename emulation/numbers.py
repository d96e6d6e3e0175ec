"""Decimal numbers as Vietnamese people type and read them: "4,5" is four and a half,
"2.340.000" is two million three hundred and forty thousand. One parser and one formatter
for the whole application (the score grid, its Excel import, every form with a decimal
field and the reward note of a decision).

Reading is lenient about the keyboard: "4.5" (an English keyboard, or a value copied from a
spreadsheet in English) is also four and a half, and "1.234,5" / "1,234.5" are both
1234.5: when both marks appear the last one is the decimal mark. A single mark is always a
decimal mark; several of the same mark are thousands groups ("2.340.000")."""

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django import forms
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# Spaces people (and spreadsheets) put between thousands: space, no-break, narrow no-break.
_SPACES = re.compile(r"[ \u00a0\u202f]")


def _grouped(text, sep, dec):
    """Is ``text`` a number with thousands groups of three marked by ``sep``?"""
    sep, dec = re.escape(sep), re.escape(dec)
    return re.match(rf"^[+-]?\d{{1,3}}(?:{sep}\d{{3}})+(?:{dec}\d+)?$", text)


def parse_decimal(text):
    """'' → None; '4,5' / '4.5' / '4,50' → Decimal('4.5') (scale kept: '4.50');
    '1.234,5' → Decimal('1234.5'). ValueError with a Vietnamese message otherwise."""
    raw = "" if text is None else str(text).strip()
    if not raw:
        return None
    error = ValueError(_("“%(v)s” không phải là số.") % {"v": raw})
    spaced = _SPACES.sub(" ", raw)
    if " " in spaced and not re.match(r"^[+-]?\d{1,3}(?: \d{3})+(?:[.,]\d+)?$", spaced):
        raise error  # "4 5" is not 45: spaces only between groups of three digits
    compact = spaced.replace(" ", "")
    commas, dots = compact.count(","), compact.count(".")
    if commas and dots:
        dec = "," if compact.rfind(",") > compact.rfind(".") else "."
        sep = "." if dec == "," else ","
        if compact.count(dec) != 1 or not _grouped(compact, sep, dec):
            raise error
        compact = compact.replace(sep, "").replace(dec, ".")
    elif commas > 1 or dots > 1:
        sep = "," if commas else "."
        if not _grouped(compact, sep, "."):
            raise error
        compact = compact.replace(sep, "")
    else:
        compact = compact.replace(",", ".")
    if not re.match(r"^[+-]?(\d+(\.\d*)?|\.\d+)$", compact):
        raise error
    try:
        value = Decimal(compact)
    except InvalidOperation:
        raise error from None
    return value


def _shown(value):
    """The value as shown: trailing zeros dropped (4.50 → 4.5, 6.00 → 6)."""
    value = Decimal(value)
    return value.quantize(Decimal(1)) if value == value.to_integral() else value.normalize()


def format_decimal(value, *, grouping=True):
    """Decimal('4.50') → "4,5" in Vietnamese ("4.5" in English); 2340000 → "2.340.000";
    None → "". Trailing zeros are dropped: a score of 4.50 reads as 4,5."""
    if value is None or value == "":
        return ""
    return formats.number_format(_shown(value), use_l10n=True, force_grouping=grouping)


def decimal_formatter():
    """``format_decimal(value, grouping=False)`` for many values in the active language (the
    score grid's 800): the decimal mark is looked up once, not at each value."""
    mark = formats.get_format("DECIMAL_SEPARATOR", use_l10n=True)

    def format_one(value):
        return "" if value is None else f"{_shown(value):f}".replace(".", mark)

    return format_one


def format_share(value, *, places=1):
    """A percentage to ``places`` decimals, half up, in the active language's format:
    Decimal("66.666") → "66,7" in Vietnamese ("66.7" in English); 70 → "70,0"."""
    quantum = Decimal(1).scaleb(-places)
    value = Decimal(value).quantize(quantum, rounding=ROUND_HALF_UP)
    return formats.number_format(value, decimal_pos=places, use_l10n=True)


class DecimalInput(forms.TextInput):
    """A text input that keeps the comma: ``<input type="number">`` drops "4,5" (or turns
    it into 45) in some browsers; ``inputmode="decimal"`` still brings up the number pad."""

    def __init__(self, attrs=None):
        super().__init__({"inputmode": "decimal", "autocomplete": "off", **(attrs or {})})


class VietnameseDecimalField(forms.DecimalField):
    """A DecimalField that reads "4,5", "4.5" and "1.234,5" and shows "4,5"."""

    widget = DecimalInput
    default_error_messages = {"invalid": gettext_lazy("Hãy nhập một số, ví dụ 4,5.")}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            value = parse_decimal(value)
        except ValueError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None
        return value

    def prepare_value(self, value):
        if isinstance(value, Decimal | int | float) and not isinstance(value, bool):
            return format_decimal(value, grouping=False)
        return value

    def widget_attrs(self, widget):
        # No min/max/step attributes: they belong to number inputs.
        return forms.Field.widget_attrs(self, widget)
