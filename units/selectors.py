"""Reads of units for the pages."""

from units.access import visible_units


def cluster_years_of(unit):
    """The cluster-years the unit belonged to, newest first (through its memberships, so that
    ``units`` needs nothing from the apps above it)."""
    memberships = unit.memberships.select_related("cluster_year__cluster").order_by(
        "-cluster_year__year", "cluster_year__cluster__number"
    )
    return [membership.cluster_year for membership in memberships]


def units_for_list(*, user):
    """The units in the user's scope, with their ministry, by name."""
    return visible_units(user).select_related("ministry").order_by("name")
