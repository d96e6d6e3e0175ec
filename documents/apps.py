from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    """The top floor: the papers of the year (reports, submissions, minutes, decisions), their
    numbers, signatures and public verification. It reads the other apps through their
    selectors; nothing below imports it."""

    name = "documents"
    verbose_name = _("Văn bản")
