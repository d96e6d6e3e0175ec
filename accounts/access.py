from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404

from accounts.models import RoleAssignment
from emulation.access import managed_ministries, require_ministry_staff

User = get_user_model()


def managed_accounts(user):
    """Accounts holding a role in a ministry the user manages."""
    return User.objects.filter(role_assignments__ministry__in=managed_ministries(user)).distinct()


def get_account_for_user(user, pk):
    require_ministry_staff(user)
    return get_object_or_404(managed_accounts(user), pk=pk)


def get_assignment_of(account, pk):
    """One of ``account``'s role assignments (the account already reached through
    ``get_account_for_user``), else 404."""
    return get_object_or_404(RoleAssignment, pk=pk, user=account)
