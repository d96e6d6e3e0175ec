from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _


def register_sqlite_collation(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        from emulation.collation import vi_compare

        connection.connection.create_collation("vi", vi_compare)


def analyze_the_catalogue(sender, using, **kwargs):
    """On PostgreSQL, refresh the planner's statistics of the tables the migrations fill (the
    national catalogue, regimes, salaries, ministries' settings): a few dozen rows each, too
    few for autovacuum ever to analyze them, and without statistics the planner takes a
    filter on the award titles for one row and loops over every proposal once per title
    (the ministry report's awards: 47 ms instead of 2 on the national data)."""
    from django.db import connections

    connection = connections[using]
    if connection.vendor != "postgresql":
        return
    tables = [model._meta.db_table for model in sender.get_models()]
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE " + ", ".join(connection.ops.quote_name(t) for t in tables))


class EmulationConfig(AppConfig):
    name = "emulation"
    verbose_name = _("Thi đua")

    def ready(self):
        from django.db.models.signals import post_migrate
        from django.urls import register_converter

        from emulation.bounds import YearConverter

        connection_created.connect(register_sqlite_collation)
        post_migrate.connect(analyze_the_catalogue, sender=self)
        register_converter(YearConverter, "year")
        from emulation import auth  # noqa: F401  (audits logins and logouts)
