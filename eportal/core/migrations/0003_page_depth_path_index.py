"""An index on Wagtail's page table for "the children of this page".

Treebeard asks for them as ``depth = d AND path BETWEEN …`` (``child_of``,
``get_children``); Wagtail indexes ``path`` alone, so at 100,000 articles the
children of a portal's home or news index were found by reading every page
below it (a sequential scan on PostgreSQL, 45 ms). The index is not Wagtail's
model state, hence SQL that reads the same on SQLite and PostgreSQL.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("eportal_core", "0002_outgoing_mail"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS eportal_page_depth_path ON wagtailcore_page (depth, path)",
            "DROP INDEX IF EXISTS eportal_page_depth_path",
        )
    ]
