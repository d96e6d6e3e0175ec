from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _


def register_sqlite_collation(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        from emulation.collation import vi_compare

        connection.connection.create_collation("vi", vi_compare)


class EmulationConfig(AppConfig):
    name = "emulation"
    verbose_name = _("Thi đua")

    def ready(self):
        from django.urls import register_converter

        from emulation.bounds import YearConverter

        connection_created.connect(register_sqlite_collation)
        register_converter(YearConverter, "year")
        from emulation import auth  # noqa: F401  (audits logins and logouts)
