"""The audit trail proves itself: each entry keeps its actor's id and name as they were and is
chained to the previous entry (emulation.audit_chain). The entries written before are sealed
here, in order, with their actor's current name (the best now known). On PostgreSQL a trigger
also refuses a back-dated INSERT."""

import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

from emulation import audit_chain

NOT_BACKDATED = """
CREATE OR REPLACE FUNCTION thidua_audit_not_backdated() RETURNS trigger AS $$
BEGIN
    IF NEW.recorded_at < (SELECT max(recorded_at) FROM emulation_auditentry) THEN
        RAISE EXCEPTION 'emulation_auditentry: an entry dated before the last one is refused';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER emulation_auditentry_not_backdated
    BEFORE INSERT ON emulation_auditentry
    FOR EACH ROW EXECUTE FUNCTION thidua_audit_not_backdated();
"""

ALLOW_BACKDATED = """
DROP TRIGGER IF EXISTS emulation_auditentry_not_backdated ON emulation_auditentry;
DROP FUNCTION IF EXISTS thidua_audit_not_backdated();
"""


def seal(apps, schema_editor):
    AuditEntry = apps.get_model("emulation", "AuditEntry")
    User = apps.get_model(*settings.AUTH_USER_MODEL.split("."))
    postgres = schema_editor.connection.vendor == "postgresql"
    if not AuditEntry.objects.exists():
        if postgres:
            schema_editor.execute(NOT_BACKDATED, params=None)
        return
    names = {
        user.pk: (f"{user.first_name} {user.last_name}".strip() or user.username)[:300]
        for user in User.objects.filter(
            pk__in=AuditEntry.objects.exclude(actor=None).values("actor_id")
        )
    }
    if postgres:  # the owner lifts the append-only rule for this one sealing
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        schema_editor.execute(
            "ALTER TABLE emulation_auditentry DISABLE TRIGGER emulation_auditentry_append_only"
        )
    prev_hash, batch, recorded = audit_chain.GENESIS, [], None
    for entry in AuditEntry.objects.order_by("id").iterator(chunk_size=2000):
        # Written before this column: the latest event time so far stands for it.
        recorded = max(recorded, entry.at) if recorded else entry.at
        entry.recorded_at = recorded
        entry.actor_uid = entry.actor_id
        entry.actor_name = names.get(entry.actor_id, "")
        entry.prev_hash = prev_hash
        entry.hash = audit_chain.link(
            settings.AUDIT_CHAIN_KEY, prev_hash, audit_chain.values_of(entry)
        )
        prev_hash = entry.hash
        batch.append(entry)
        if len(batch) == 2000:
            AuditEntry.objects.bulk_update(batch, ["recorded_at", "actor_uid", "actor_name", "prev_hash", "hash"])
            batch = []
    AuditEntry.objects.bulk_update(batch, ["recorded_at", "actor_uid", "actor_name", "prev_hash", "hash"])
    if postgres:
        schema_editor.execute(
            "ALTER TABLE emulation_auditentry ENABLE TRIGGER emulation_auditentry_append_only"
        )
        schema_editor.execute(NOT_BACKDATED, params=None)


def unseal(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(ALLOW_BACKDATED, params=None)


class Migration(migrations.Migration):

    dependencies = [
        ('emulation', '0010_reports_build_lease'),
    ]

    operations = [
        migrations.AddField(
            model_name='auditentry',
            name='recorded_at',
            field=models.DateTimeField(default=django.utils.timezone.now, verbose_name='thời điểm ghi'),
        ),
        migrations.AddField(
            model_name='auditentry',
            name='actor_name',
            field=models.CharField(blank=True, max_length=300, verbose_name='tên người thực hiện lúc đó'),
        ),
        migrations.AddField(
            model_name='auditentry',
            name='actor_uid',
            field=models.BigIntegerField(blank=True, null=True, verbose_name='mã người thực hiện'),
        ),
        migrations.AddField(
            model_name='auditentry',
            name='hash',
            field=models.CharField(blank=True, max_length=64, verbose_name='mã kiểm tra'),
        ),
        migrations.AddField(
            model_name='auditentry',
            name='prev_hash',
            field=models.CharField(blank=True, max_length=64, verbose_name='mã của mục trước'),
        ),
        migrations.RunPython(seal, unseal),
    ]
