from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404

from emulation.roles import scope_of
from units.models import Unit


def visible_units(user):
    """Units of the user's ministries, or (secretaries, cluster leaders) of their clusters."""
    scope = scope_of(user)
    if scope.is_superuser:
        return Unit.objects.all()
    ministries = scope.staff_ministries | scope.leader_ministries
    clusters = scope.leader_clusters | scope.secretary_clusters
    # Only the conditions the user has: an empty one would be compiled for nothing.
    seen = Q()
    if ministries:
        seen |= Q(ministry_id__in=ministries)
    if clusters:
        seen |= Q(pk__in=Unit.objects.filter(memberships__cluster_year__cluster_id__in=clusters))
    return Unit.objects.filter(seen) if seen else Unit.objects.none()


def get_unit_for_user(user, pk, *, manage=False):
    """The unit with its ministry and parent, read with the scope check in one query: 404
    when it does not exist or is out of scope alike."""
    unit = get_object_or_404(visible_units(user).select_related("ministry", "parent"), pk=pk)
    if manage and not scope_of(user).manages_ministry(unit.ministry_id):
        raise PermissionDenied
    return unit
