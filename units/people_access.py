"""Who may read and keep the records of a unit's people: anyone who sees the unit reads;
ministry staff and the secretaries of a cluster the unit belongs to write."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from emulation.roles import scope_of
from units.access import get_unit_for_user
from units.models import Person, Unit


def can_edit_people(user, unit):
    scope = scope_of(user)
    if scope.manages_ministry(unit.ministry_id):
        return True
    clusters = scope.secretary_clusters
    return bool(clusters) and (
        Unit.objects.filter(pk=unit.pk, memberships__cluster_year__cluster_id__in=clusters).exists()
    )


def get_unit_for_people(user, pk, *, write=False):
    unit = get_unit_for_user(user, pk)
    if write and not can_edit_people(user, unit):
        raise PermissionDenied
    return unit


def get_person_for_user(user, pk, *, write=False):
    person = get_object_or_404(Person.objects.select_related("unit__ministry"), pk=pk)
    unit = get_unit_for_people(user, person.unit_id, write=write)
    person.unit = unit
    return person
