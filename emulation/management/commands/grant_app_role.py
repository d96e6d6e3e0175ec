"""Give the application's PostgreSQL role what it needs and no more. Run as the owner of the
tables (the role that runs ``migrate``), after every ``migrate``; idempotent."""

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

AUDIT_TABLE = "emulation_auditentry"


def grant_statements(role):
    quoted = connection.ops.quote_name(role)
    return [
        f"GRANT USAGE ON SCHEMA public TO {quoted}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {quoted}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {quoted}",
        # The audit trail: read and append, nothing else (no UPDATE, DELETE, TRUNCATE, and
        # not its owner, so no ALTER, DISABLE TRIGGER or DROP either).
        f"REVOKE ALL ON {AUDIT_TABLE} FROM {quoted}",
        f"GRANT SELECT, INSERT ON {AUDIT_TABLE} TO {quoted}",
        f"REVOKE CREATE ON SCHEMA public FROM {quoted}",
    ]


class Command(BaseCommand):
    help = (
        "Grant the application's database role SELECT/INSERT/UPDATE/DELETE on the tables, "
        "and only SELECT/INSERT on the audit trail (PostgreSQL; run as the tables' owner)."
    )

    def add_arguments(self, parser):
        parser.add_argument("role", help="the role the application connects as, e.g. thidua_app")

    def handle(self, *args, role, **options):
        if connection.vendor != "postgresql":
            raise CommandError("grant_app_role is for PostgreSQL.")
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [role])
            if cursor.fetchone() is None:
                raise CommandError(f"No such role: {role}")
            for statement in grant_statements(role):
                cursor.execute(statement)
        self.stdout.write(self.style.SUCCESS(f"{role}: quyền đã được cấp."))
