"""Reads of a unit's and a person's yearly records."""

from units.models import PersonYear, UnitYear


def unit_year(*, unit, year):
    """The unit's own figures for the year, or None."""
    return UnitYear.objects.filter(unit=unit, year=year).first()


def person_year(*, person, year):
    """The person's record for the year, or None."""
    return PersonYear.objects.filter(person=person, year=year).first()
