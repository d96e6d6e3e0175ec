"""The role assignments, in the table they had in the core (``emulation_roleassignment``, created
by the core's old 0001_initial). A database the old chain migrated has it already: this migration
lists the core's old migrations (0002 to 0015, all recorded there) as the ones it replaces, so it
counts as applied there; on a new database it creates the table."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    replaces = [
        ("emulation", "0002_audit_append_only"),
        ("emulation", "0003_award_catalogue"),
        ("emulation", "0004_reports_models"),
        ("emulation", "0005_audit_event_time"),
        ("emulation", "0006_onboard_import_batch"),
        ("emulation", "0007_levels_ministry_settings"),
        ("emulation", "0008_rules_regime_fields"),
        ("emulation", "0009_rules_regime_data"),
        ("emulation", "0010_reports_build_lease"),
        ("emulation", "0011_audit_chain"),
        ("emulation", "0012_year_bounds"),
        ("emulation", "0013_advanced_collective_description"),
        ("emulation", "0014_reports_moved_to_documents"),
        ("emulation", "0015_emulation_year_data_version"),
    ]

    dependencies = [
        ('clusters', '0001_initial'),
        ('emulation', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='RoleAssignment',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('role', models.CharField(choices=[('ministry_staff', 'Cán bộ Vụ Thi đua - Khen thưởng'), ('cluster_secretary', 'Thư ký cụm'), ('leader', 'Lãnh đạo')], max_length=20, verbose_name='vai trò')),
                ('cluster', models.ForeignKey(blank=True, help_text='Bắt buộc với thư ký cụm; để trống với lãnh đạo cấp bộ.', null=True, on_delete=django.db.models.deletion.CASCADE, to='clusters.cluster', verbose_name='cụm thi đua')),
                ('ministry', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to='emulation.ministry', verbose_name='bộ, ngành')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='role_assignments', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'phân quyền',
                'verbose_name_plural': 'phân quyền',
                'db_table': 'emulation_roleassignment',
                'constraints': [models.UniqueConstraint(fields=('user', 'role', 'ministry', 'cluster'), name='unique_role_assignment'), models.CheckConstraint(condition=models.Q(models.Q(('role', 'cluster_secretary'), _negated=True), ('cluster__isnull', False), _connector='OR'), name='secretary_has_cluster'), models.CheckConstraint(condition=models.Q(models.Q(('role', 'ministry_staff'), _negated=True), ('cluster__isnull', True), _connector='OR'), name='staff_has_no_cluster')],
            },
        ),
    ]
