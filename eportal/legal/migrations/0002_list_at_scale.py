"""The legal-document list at 100,000 documents.

- ``LegalIssuer``: the issuer filter's choices, filled here from the live
  documents (then kept by ``LegalDocumentPage.save()`` and deletion);
- one index per filter in the list's order (issued, pk), replacing the old
  single ``issued`` and ``(form, issued)`` indexes and the plain ones on
  ``year``, ``issuer_key``, ``portal`` and ``sector`` that they start with;
- PostgreSQL only: the ``pg_trgm`` extension and a trigram GIN index on the
  folded ``search_text``, so that ``search_text LIKE '%term%'`` reads the
  index instead of every row. On SQLite the keyword filter stays a LIKE scan.
"""

import django.db.models.deletion
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models
from django.db.models import Count, Min
from django.conf import settings

TRIGRAM_INDEX = (
    "CREATE INDEX IF NOT EXISTS legal_doc_search_trgm "
    "ON legal_legaldocumentpage USING gin (search_text gin_trgm_ops)"
)
DROP_TRIGRAM_INDEX = "DROP INDEX IF EXISTS legal_doc_search_trgm"


def _on_postgresql(statement):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(statement)

    return run


def fill_issuers(apps, schema_editor):
    """Count the live documents of each issuer (what the old DISTINCT listed)."""
    LegalDocumentPage = apps.get_model("legal", "LegalDocumentPage")
    LegalIssuer = apps.get_model("legal", "LegalIssuer")
    counts = (
        LegalDocumentPage.objects.filter(live=True)
        .exclude(issuer_key="")
        .order_by()
        .values("issuer_key")
        .annotate(n=Count("pk"), name=Min("issuer"))
    )
    LegalIssuer.objects.bulk_create(
        LegalIssuer(key=row["issuer_key"], name=row["name"], document_count=row["n"])
        for row in counts
    )


class Migration(migrations.Migration):

    dependencies = [
        ('legal', '0001_initial'),
        ('portals', '0002_english_locale'),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='LegalIssuer',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('key', models.CharField(max_length=255, unique=True)),
                ('name', models.CharField(max_length=255, verbose_name='cơ quan ban hành')),
                ('document_count', models.PositiveIntegerField(default=0)),
            ],
            options={
                'verbose_name': 'cơ quan ban hành',
                'verbose_name_plural': 'cơ quan ban hành',
                'ordering': ['key'],
            },
        ),
        migrations.RemoveIndex(
            model_name='legaldocumentpage',
            name='legal_legal_issued_2e22f7_idx',
        ),
        migrations.RemoveIndex(
            model_name='legaldocumentpage',
            name='legal_legal_form_521d0d_idx',
        ),
        migrations.AlterField(
            model_name='legaldocumentpage',
            name='issuer_key',
            field=models.CharField(default='', editable=False, max_length=255),
        ),
        migrations.AlterField(
            model_name='legaldocumentpage',
            name='portal',
            field=models.ForeignKey(db_index=False, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='legal_documents', to='portals.portal', verbose_name='cổng'),
        ),
        migrations.AlterField(
            model_name='legaldocumentpage',
            name='sector',
            field=models.ForeignKey(blank=True, db_index=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='documents', to='legal.legalfield', verbose_name='lĩnh vực'),
        ),
        migrations.AlterField(
            model_name='legaldocumentpage',
            name='year',
            field=models.PositiveSmallIntegerField(editable=False, null=True),
        ),
        migrations.AddIndex(
            model_name='legaldocumentpage',
            index=models.Index(fields=['issued', 'page_ptr'], name='legal_doc_issued'),
        ),
        migrations.AddIndex(
            model_name='legaldocumentpage',
            index=models.Index(fields=['form', 'issued', 'page_ptr'], name='legal_doc_form_issued'),
        ),
        migrations.AddIndex(
            model_name='legaldocumentpage',
            index=models.Index(fields=['status', 'issued', 'page_ptr'], name='legal_doc_status_issued'),
        ),
        migrations.AddIndex(
            model_name='legaldocumentpage',
            index=models.Index(fields=['year', 'issued', 'page_ptr'], name='legal_doc_year_issued'),
        ),
        migrations.AddIndex(
            model_name='legaldocumentpage',
            index=models.Index(fields=['issuer_key', 'issued', 'page_ptr'], name='legal_doc_issuer_issued'),
        ),
        migrations.AddIndex(
            model_name='legaldocumentpage',
            index=models.Index(fields=['sector', 'issued', 'page_ptr'], name='legal_doc_sector_issued'),
        ),
        migrations.AddIndex(
            model_name='legaldocumentpage',
            index=models.Index(fields=['portal', 'issued', 'page_ptr'], name='legal_doc_portal_issued'),
        ),
        migrations.RunPython(fill_issuers, migrations.RunPython.noop),
        TrigramExtension(),
        migrations.RunPython(_on_postgresql(TRIGRAM_INDEX), _on_postgresql(DROP_TRIGRAM_INDEX)),
    ]
