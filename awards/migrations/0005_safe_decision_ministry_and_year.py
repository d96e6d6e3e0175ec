import django.db.models.deletion
from django.db import migrations, models


def fill_ministry_and_year(apps, schema_editor):
    Decision = apps.get_model("awards", "Decision")
    for decision in Decision.objects.select_related(
        "proposal__cluster_year__cluster", "upward_dossier"
    ):
        if decision.proposal_id:
            decision.ministry_id = decision.proposal.cluster_year.cluster.ministry_id
        else:  # the Prime Minister's or President's decision on the ministry's dossier
            decision.ministry_id = decision.upward_dossier.ministry_id
        decision.year = decision.dated.year
        decision.save(update_fields=["ministry", "year"])


class Migration(migrations.Migration):
    dependencies = [
        ("awards", "0004_rules_revocation"),
        ("emulation", "0003_award_catalogue"),
    ]

    operations = [
        migrations.AddField(
            model_name="decision",
            name="ministry",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="emulation.ministry",
                verbose_name="cơ quan ban hành",
            ),
        ),
        migrations.AddField(
            model_name="decision",
            name="year",
            field=models.PositiveSmallIntegerField(null=True, verbose_name="năm ban hành"),
        ),
        migrations.RunPython(fill_ministry_and_year, migrations.RunPython.noop),
    ]
