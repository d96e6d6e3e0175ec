from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from emulation.models import Ministry
from emulation.roles import scope_of

User = get_user_model()


def managed_ministries(user):
    scope = scope_of(user)
    if scope.is_superuser:
        return Ministry.objects.all()
    return Ministry.objects.filter(pk__in=scope.staff_ministries)


def require_ministry_staff(user):
    scope = scope_of(user)
    if not (scope.is_superuser or scope.staff_ministries):
        raise PermissionDenied


def managed_accounts(user):
    """Accounts holding a role in a ministry the user manages."""
    return User.objects.filter(role_assignments__ministry__in=managed_ministries(user)).distinct()


def get_account_for_user(user, pk):
    require_ministry_staff(user)
    return get_object_or_404(managed_accounts(user), pk=pk)


def is_national_admin(user):
    """Who may change the national award catalogue: a superuser, or a holder of the
    permission ``emulation.manage_national_catalogue`` (the national administrator's role)."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.has_perm("emulation.manage_national_catalogue")


def require_national_admin(user):
    if not is_national_admin(user):
        raise PermissionDenied


def get_managed_ministry(user, pk):
    """A ministry whose settings the user keeps (404 for any other)."""
    require_ministry_staff(user)
    return get_object_or_404(managed_ministries(user), pk=pk)
