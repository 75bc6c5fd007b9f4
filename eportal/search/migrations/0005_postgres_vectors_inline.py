"""Keep the full-text vectors inside the index table's rows on PostgreSQL.

A search reads, for each row it counts or tests, the short columns and the
vectors; the texts only for the results it shows and the few hundred it
scores. By default PostgreSQL moves the largest values of a row over 2 kB out
to the TOAST table, and the vectors, whole or compressed, were among them:
at 1,000,000 rows testing the newest 2,000 items read three buffers a row
(27 ms, load average 5), and a phrase's check of each candidate row fetched
its vector from the TOAST table ("sổ đỏ" through its synonyms: 430 ms). With
the vectors MAIN, PostgreSQL compresses or moves the texts first: 11 ms and
210 ms on the same machine at the same time.

The texts keep their default storage: the score reads each several times (one
LIKE per word and phrase), and moving them out of line made every read a TOAST
fetch (the top ten of 340 matches went from 6 to 12 ms). Rows written before
this migration keep their layout until they are written again (``eportal
search reindex`` writes each again; ``VACUUM FULL search_entry`` rewrites them all).
"""

from django.db import migrations

VECTORS = ("search_vector", "title_vector")


def _storage(kind):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            columns = ", ".join(f"ALTER COLUMN {c} SET STORAGE {kind}" for c in VECTORS)
            schema_editor.execute(f"ALTER TABLE search_entry {columns}")

    return run


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0004_ranking_indexes")]

    operations = [migrations.RunPython(_storage("MAIN"), _storage("EXTENDED"))]
