from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Who holds which role where (``RoleAssignment``: a role may name a cluster, so this floor
    stands above ``clusters``), the account services and the accounts sheet with its
    invitations. The core reads the roles through ``settings.ROLE_ROWS`` and caches them until an
    assignment is written (``emulation.roles.roles_changed``)."""

    name = "accounts"
    verbose_name = _("Tài khoản")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from accounts.invitations import register_sheets
        from accounts.models import RoleAssignment
        from emulation.roles import roles_changed

        register_sheets()
        for signal in (post_save, post_delete):
            signal.connect(roles_changed, sender=RoleAssignment, dispatch_uid="thidua-roles")
