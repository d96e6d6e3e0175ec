"""Reads of units for the pages: their clusters, their and their people's yearly records."""

from units.models import PersonYear, UnitYear


def cluster_years_of(unit):
    """The cluster-years the unit belonged to, newest first (through its memberships, so that
    ``units`` needs nothing from the apps above it)."""
    memberships = unit.memberships.select_related("cluster_year__cluster").order_by(
        "-cluster_year__year", "cluster_year__cluster__number"
    )
    return [membership.cluster_year for membership in memberships]


def unit_year(*, unit, year):
    """The unit's own figures for the year, or None."""
    return UnitYear.objects.filter(unit=unit, year=year).first()


def person_year(*, person, year):
    """The person's record for the year, or None."""
    return PersonYear.objects.filter(person=person, year=year).first()
