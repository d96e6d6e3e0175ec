from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The pages that span every app (the home page, the account administration): the top
    floor with ``documents``; nothing below imports it."""

    name = "portal"
    verbose_name = _("Cổng thông tin")
