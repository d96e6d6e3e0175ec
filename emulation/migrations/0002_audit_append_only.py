"""The audit trail is append-only: PostgreSQL refuses UPDATE and DELETE on its rows.
(TRUNCATE, a table owner's maintenance operation, is left to the DBA and to test flushes.)"""

from django.db import migrations

FORBID = """
CREATE OR REPLACE FUNCTION thidua_audit_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'emulation_auditentry is append-only: % refused', TG_OP;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER emulation_auditentry_append_only
    BEFORE UPDATE OR DELETE ON emulation_auditentry
    FOR EACH ROW EXECUTE FUNCTION thidua_audit_append_only();
"""

ALLOW = """
DROP TRIGGER IF EXISTS emulation_auditentry_append_only ON emulation_auditentry;
DROP FUNCTION IF EXISTS thidua_audit_append_only();
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORBID, params=None)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(ALLOW, params=None)


class Migration(migrations.Migration):
    dependencies = [("emulation", "0001_initial")]
    operations = [migrations.RunPython(forward, backward)]
