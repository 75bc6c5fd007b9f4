"""A keyword is matched by the search index (eportal.search.scoped), so the
folded copy of the text kept on this table (and, on PostgreSQL, its trigram
index, dropped with the column) is no longer read or written."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('legal', '0005_import_batches'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='legaldocumentpage',
            name='search_text',
        ),
    ]
