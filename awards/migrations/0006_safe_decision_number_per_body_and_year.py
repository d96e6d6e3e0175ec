import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """Separate from 0005 so that PostgreSQL has no pending trigger events from the data
    fill when the columns become NOT NULL."""

    dependencies = [
        ("awards", "0005_safe_decision_ministry_and_year"),
    ]

    operations = [
        migrations.AlterField(
            model_name="decision",
            name="ministry",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="emulation.ministry",
                verbose_name="cơ quan ban hành",
            ),
        ),
        migrations.AlterField(
            model_name="decision",
            name="year",
            field=models.PositiveSmallIntegerField(verbose_name="năm ban hành"),
        ),
        migrations.AddConstraint(
            model_name="decision",
            constraint=models.UniqueConstraint(
                fields=("ministry", "year", "number"), name="decision_number_per_body_and_year"
            ),
        ),
    ]
