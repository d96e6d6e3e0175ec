from accounts.models import RoleAssignment


def role_rows(user):
    """The user's roles as (role, ministry id, cluster id or None): ``settings.ROLE_ROWS``,
    read by ``emulation.roles.scope_of``."""
    return RoleAssignment.objects.filter(user=user).values_list("role", "ministry_id", "cluster_id")
