"""Seed the Art. 12 rule for keeping English versions in step (copied, not imported)."""

from django.db import migrations

CODE = "english-update"


def seed(apps, schema_editor):
    DeadlineRule = apps.get_model("workdays", "DeadlineRule")
    DeadlineRule.objects.get_or_create(
        code=CODE,
        defaults={
            "name": "Cập nhật bản tiếng Anh khi bản tiếng Việt thay đổi",
            "working_days": 5,
            "starts_on": "Ngày xuất bản thay đổi của bản tiếng Việt",
        },
    )


def unseed(apps, schema_editor):
    apps.get_model("workdays", "DeadlineRule").objects.filter(code=CODE, deadlines=None).delete()


class Migration(migrations.Migration):
    dependencies = [("workdays", "0003_seed_2026_overrides")]

    operations = [migrations.RunPython(seed, unseed)]
