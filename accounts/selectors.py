from django.db.models import Q

from accounts.access import managed_accounts
from accounts.models import RoleAssignment


def role_rows(user):
    """The user's roles as (role, ministry id, cluster id or None): ``settings.ROLE_ROWS``,
    read by ``emulation.roles.scope_of``."""
    return RoleAssignment.objects.filter(user=user).values_list("role", "ministry_id", "cluster_id")


def accounts_listed(user, query=""):
    """The accounts ``user`` manages, with their roles, by username; ``query`` narrows them
    to a username or a name containing it."""
    accounts = (
        managed_accounts(user)
        .prefetch_related("role_assignments__cluster", "role_assignments__ministry")
        .order_by("username")
    )
    if query:
        accounts = accounts.filter(Q(username__icontains=query) | Q(first_name__icontains=query))
    return accounts


def assignments_of(account, *, ministries):
    """``account``'s roles in ``ministries`` (those the reader manages)."""
    return account.role_assignments.filter(ministry__in=ministries).select_related(
        "ministry", "cluster"
    )
