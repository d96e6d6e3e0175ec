"""The lists of units and their people that a ministry loads from spreadsheets: units, people,
people's yearly records, units' yearly figures and staff counts (``emulation.imports``).

Units and people are matched on their code, which is unique nationwide (a ministry's unit code
or a person's identifier): a code that belongs to another ministry is refused, so a file can
never write into another ministry."""

from emulation.imports.engine import register
from units.sheets.records import PersonSheet, UnitSheet
from units.sheets.yearly import PersonYearSheet, StaffCountSheet, UnitYearSheet


def register_sheets():
    for spec in (UnitSheet(), PersonSheet(), PersonYearSheet(), UnitYearSheet(), StaffCountSheet()):
        register(spec)
