"""A keyword is matched by the search index (eportal.search.scoped), so the
folded copy of the text kept on this table (and, on PostgreSQL, its trigram
index, dropped with the column) is no longer read or written."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('procedures', '0001_initial'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='procedurepage',
            name='search_text',
        ),
    ]
