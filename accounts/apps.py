from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Who holds which role where (``RoleAssignment``: a role may name a cluster, so this floor
    stands above ``clusters``), the account services and the accounts sheet with its
    invitations. The core reads the roles through ``settings.ROLE_ROWS``."""

    name = "accounts"
    verbose_name = _("Tài khoản")

    def ready(self):
        from accounts.invitations import register_sheets

        register_sheets()
