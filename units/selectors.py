"""Reads of units for the pages: their clusters, their and their people's yearly records."""

from django.db.models import F

from units.access import visible_units
from units.models import Person, PersonYear, UnitHeadDecision, UnitYear


def cluster_history_of(unit):
    """The clusters the unit belonged to, each year, newest first, as plain rows (``year``,
    ``cluster_id``, ``cluster_name``), read through its memberships, so that ``units``
    needs nothing from the apps above it."""
    return list(
        unit.memberships.order_by("-cluster_year__year", "cluster_year__cluster__number").values(
            year=F("cluster_year__year"),
            cluster_id=F("cluster_year__cluster_id"),
            cluster_name=F("cluster_year__cluster__name"),
        )
    )


def unit_year(*, unit, year):
    """The unit's own figures for the year, or None."""
    return UnitYear.objects.filter(unit=unit, year=year).first()


def person_year(*, person, year):
    """The person's record for the year, or None."""
    return PersonYear.objects.filter(person=person, year=year).first()


def units_for_list(*, user):
    """The units in the user's scope, with their ministry, by name."""
    return visible_units(user).select_related("ministry").order_by("name")


def people_of(*, unit):
    return Person.objects.filter(unit=unit).order_by("full_name")


def unit_years_of(*, unit, year=None):
    """The unit's yearly records (of one ``year``), newest first."""
    records = UnitYear.objects.filter(unit=unit).order_by("-year")
    return records if year is None else records.filter(year=year)


def person_years_of(*, person, year=None):
    """The person's yearly records (of one ``year``) with their titles, newest first."""
    records = person.years.prefetch_related("prior_titles").order_by("-year")
    return records if year is None else records.filter(year=year)


def head_decisions_of(*, unit=None, person=None):
    """The unit head's decisions on a unit's records (with their person) or on a person's."""
    if person is not None:
        return person.head_decisions.select_related("award_title").order_by("-year", "id")
    return (
        UnitHeadDecision.objects.filter(unit=unit)
        .select_related("person", "award_title")
        .order_by("-year", "person__full_name", "id")
    )
