"""Vietnamese formats: Django's, except dates written day/month/year with slashes, as on
official documents, and read back the same way (Django has no Vietnamese input formats, so
"01/02/2021" would otherwise be read as 2 January)."""

from config.formats import typed

DATE_FORMAT = r"\n\gà\y d \t\há\n\g n \nă\m Y"
DATETIME_FORMAT = "d/m/Y H:i"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = r"\t\há\n\g n/Y"
MONTH_DAY_FORMAT = "d/m"
FIRST_DAY_OF_WEEK = 1  # Monday
DATE_INPUT_FORMATS = typed.DATE_INPUT_FORMATS
DATETIME_INPUT_FORMATS = typed.DATETIME_INPUT_FORMATS
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
