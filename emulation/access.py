from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from emulation.models import AwardTitle, Ministry
from emulation.roles import scope_of


def managed_ministries(user):
    return scope_of(user).managed(Ministry.objects.all(), "pk")


def require_ministry_staff(user):
    if not scope_of(user).is_ministry_staff:
        raise PermissionDenied


def is_national_admin(user):
    """Who may change the national award catalogue: a superuser, or a holder of the
    permission ``emulation.manage_national_catalogue`` (the national administrator's role)."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.has_perm("emulation.manage_national_catalogue")


def require_national_admin(user):
    if not is_national_admin(user):
        raise PermissionDenied


def get_award_title_for_admin(user, pk):
    """A catalogue entry, for the national administrator only (403 for anyone else)."""
    require_national_admin(user)
    return get_object_or_404(AwardTitle.objects.select_related("regime"), pk=pk)


def get_managed_ministry(user, pk):
    """A ministry whose settings the user keeps (404 for any other)."""
    require_ministry_staff(user)
    return get_object_or_404(managed_ministries(user), pk=pk)
