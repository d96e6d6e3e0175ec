"""A role's cluster: apart from 0001 because clusters.Cluster needs emulation.Ministry first.
It replaces, like 0001, the migrations of before."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
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
        migrations.AddField(
            model_name='roleassignment',
            name='cluster',
            field=models.ForeignKey(blank=True, help_text='Bắt buộc với thư ký cụm; để trống với lãnh đạo cấp bộ.', null=True, on_delete=django.db.models.deletion.CASCADE, to='clusters.cluster', verbose_name='cụm thi đua'),
        ),
        migrations.AddConstraint(
            model_name='roleassignment',
            constraint=models.UniqueConstraint(fields=('user', 'role', 'ministry', 'cluster'), name='unique_role_assignment'),
        ),
        migrations.AddConstraint(
            model_name='roleassignment',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('role', 'cluster_secretary'), _negated=True), ('cluster__isnull', False), _connector='OR'), name='secretary_has_cluster'),
        ),
        migrations.AddConstraint(
            model_name='roleassignment',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('role', 'ministry_staff'), _negated=True), ('cluster__isnull', True), _connector='OR'), name='staff_has_no_cluster'),
        ),
    ]
