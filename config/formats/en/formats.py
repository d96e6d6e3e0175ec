"""English formats for Vietnamese records: never the US "11/29/2026 2:02 p.m.", whose
month-first date a Vietnamese reader takes for 11 Month 29. Day first, month by name, 24-hour
clock; dates are typed day/month/year as in Vietnamese."""

from config.formats import typed

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATE_FORMAT = "d M Y"
SHORT_DATETIME_FORMAT = "d M Y, H:i"
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
FIRST_DAY_OF_WEEK = 1  # Monday
DATE_INPUT_FORMATS = typed.DATE_INPUT_FORMATS
DATETIME_INPUT_FORMATS = typed.DATETIME_INPUT_FORMATS
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
