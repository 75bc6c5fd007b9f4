"""Give every portal a group of one-stop-shop officers (Cán bộ một cửa), the
only role that handles online dossiers and sees citizens' personal data."""

import django.db.models.deletion
from django.db import migrations, models


def create_groups(apps, schema_editor):
    Portal = apps.get_model("portals", "Portal")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    access_admin = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).first()
    for portal in Portal.objects.filter(one_stop_officers__isnull=True):
        group, _created = Group.objects.get_or_create(name=f"{portal.slug} – Cán bộ một cửa")
        if access_admin is not None:
            group.permissions.add(access_admin)
        portal.one_stop_officers = group
        portal.save(update_fields=["one_stop_officers"])


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("portals", "0002_english_locale"),
    ]

    operations = [
        migrations.AddField(
            model_name="portal",
            name="one_stop_officers",
            field=models.OneToOneField(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="auth.group",
                verbose_name="nhóm cán bộ một cửa",
            ),
        ),
        migrations.RunPython(create_groups, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="portal",
            name="one_stop_officers",
            field=models.OneToOneField(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="auth.group",
                verbose_name="nhóm cán bộ một cửa",
            ),
        ),
    ]
