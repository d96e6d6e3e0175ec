"""Tập thể lao động tiên tiến is barred by a member disciplined with a warning (cảnh cáo) or
worse, not by a reprimand (khiển trách): the rule (awards/rules/collective.py) already says so;
the catalogue's prerequisites of existing databases now says the same (0003 for new ones)."""

from django.db import migrations

OLD = "không có cá nhân bị kỷ luật từ khiển trách trở lên."
NEW = "không có cá nhân bị kỷ luật từ cảnh cáo trở lên."


def correct(apps, schema_editor):
    AwardTitle = apps.get_model("emulation", "AwardTitle")
    for title in AwardTitle.objects.filter(
        code="tt-lao-dong-tien-tien", prerequisites__contains=OLD
    ):
        title.prerequisites = title.prerequisites.replace(OLD, NEW)
        title.save(update_fields=["prerequisites"])


class Migration(migrations.Migration):
    dependencies = [("emulation", "0012_year_bounds")]

    operations = [migrations.RunPython(correct, migrations.RunPython.noop)]
