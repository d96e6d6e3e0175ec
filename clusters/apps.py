from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ClustersConfig(AppConfig):
    name = "clusters"
    verbose_name = _("Cụm thi đua")

    def ready(self):
        from clusters import data_version_signals
        from clusters.sheets import register_sheets

        register_sheets()
        data_version_signals.connect()
