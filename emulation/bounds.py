"""The bounds of every input: years within the configured range, integers within their
columns, dates within a sensible span, text without NUL bytes and within its length. One
place, used by the URL converter, the forms and the services."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from emulation.dates import short_date
from emulation.errors import DomainError

# PostgreSQL's integer (and Django's PositiveIntegerField) stops at 2**31 - 1, smallint at
# 2**15 - 1; a count typed by a user is bounded well below either.
MAX_COUNT = 10_000  # voters, ballots, council members, quotas: no body has more members
MAX_VERSION = 2**31 - 1  # the ``version`` columns (PositiveIntegerField)
FIRST_DATE = datetime.date(1945, 9, 2)  # no document of the Republic is older


def year_bounds():
    """(first, last) accepted year: settings.THIDUA_FIRST_YEAR .. next year."""
    return (
        settings.THIDUA_FIRST_YEAR,
        timezone.localdate().year + settings.THIDUA_YEARS_AHEAD,
    )


def year_in_range(year):
    first, last = year_bounds()
    return isinstance(year, int) and first <= year <= last


def year_error():
    first, last = year_bounds()
    return _("Năm phải từ %(first)s đến %(last)s.") % {"first": first, "last": last}


def check_year(year, *, field=None):
    """For services: DomainError unless ``year`` is within the range."""
    if not year_in_range(year):
        raise DomainError(year_error(), field=field)


def validate_year(value):
    """For forms and models."""
    if not year_in_range(value):
        raise ValidationError(year_error(), code="year_range")


def last_date():
    return datetime.date(year_bounds()[1], 12, 31)


def validate_date(value):
    """Dates a user types (documents, conferences, signatures): not before 02/09/1945, not
    after the end of the last accepted year."""
    if value is None:
        return
    if not FIRST_DATE <= value <= last_date():
        raise ValidationError(
            _("Ngày phải từ %(first)s đến %(last)s.")
            % {
                "first": short_date(FIRST_DATE),
                "last": short_date(last_date()),
            },
            code="date_range",
        )


def check_text(value, *, max_length, field=None):
    """For inputs that do not go through a form field: NUL bytes and over-long text are
    refused with a message (never cut)."""
    if "\x00" in value:
        raise DomainError(_("Văn bản chứa ký tự không hợp lệ (NUL)."), field=field)
    if len(value) > max_length:
        raise DomainError(
            _("Tối đa %(max)s ký tự (đang có %(n)s).") % {"max": max_length, "n": len(value)},
            field=field,
        )
    return value


class YearConverter:
    """``<year:year>`` in URLs: four digits within the accepted range, otherwise 404."""

    regex = "[0-9]{1,6}"

    def to_python(self, value):
        year = int(value)
        if not year_in_range(year):
            raise ValueError(value)
        return year

    def to_url(self, value):
        return str(value)


TEXT_MAX = 20_000  # a narrative, an agenda, an achievement summary: about eight pages


def bound_fields(form):
    """Bound what a form's own declaration leaves open (a ModelForm's generated fields
    above all): dates within range, text without a length to TEXT_MAX, integers within a
    PostgreSQL integer. Call at the end of the form's ``__init__``."""
    from django import forms
    from django.core.validators import MaxLengthValidator, MaxValueValidator

    for field in form.fields.values():
        if isinstance(field, forms.DateField) and validate_date not in field.validators:
            field.validators.append(validate_date)
        elif type(field) is forms.CharField and field.max_length is None:
            field.max_length = TEXT_MAX
            field.validators.append(MaxLengthValidator(TEXT_MAX))
        elif isinstance(field, forms.IntegerField) and field.max_value is None:
            field.max_value = MAX_VERSION
            field.validators.append(MaxValueValidator(MAX_VERSION))
