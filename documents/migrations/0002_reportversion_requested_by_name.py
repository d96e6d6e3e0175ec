from django.db import migrations, models


def name_the_requesters(apps, schema_editor):
    """The versions already made: their requesters' names as they are now."""
    ReportVersion = apps.get_model("documents", "ReportVersion")
    versions = ReportVersion.objects.filter(requested_by__isnull=False).select_related(
        "requested_by"
    )
    for version in versions.iterator():
        user = version.requested_by
        name = " ".join(part for part in (user.first_name, user.last_name) if part)
        version.requested_by_name = name or user.username
        version.save(update_fields=["requested_by_name"])


class Migration(migrations.Migration):
    dependencies = [("documents", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="reportversion",
            name="requested_by_name",
            field=models.CharField(blank=True, max_length=150, verbose_name="người yêu cầu"),
        ),
        migrations.RunPython(name_the_requesters, migrations.RunPython.noop),
    ]
