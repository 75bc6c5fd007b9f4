"""PostgreSQL only: accent-folding full-text search and trigram matching.

- extensions ``unaccent`` and ``pg_trgm``;
- the text-search configuration ``eportal_vi``: ``simple`` with ``unaccent``
  first, so that "Đăng ký", "đăng ký" and "dang ky" give the same lexemes;
- ``search_entry.search_vector``, a generated column (title words weight A,
  body words weight B) with a GIN index;
- a trigram GIN index on ``search_word.word`` for "did you mean".

On other databases (SQLite) this migration does nothing: the backend matches
whole words with LIKE over the folded columns instead.
"""

from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    """
    DO $$
    BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'eportal_vi') THEN
        CREATE TEXT SEARCH CONFIGURATION eportal_vi (COPY = simple);
        ALTER TEXT SEARCH CONFIGURATION eportal_vi
          ALTER MAPPING FOR asciiword, word, numword, asciihword, hword, numhword,
                            hword_asciipart, hword_part, hword_numpart
          WITH unaccent, simple;
      END IF;
    END
    $$;
    """,
    """
    ALTER TABLE search_entry ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
      setweight(to_tsvector('eportal_vi'::regconfig, coalesce(title_terms, '')), 'A') ||
      setweight(to_tsvector('eportal_vi'::regconfig, coalesce(body_terms, '')), 'B')
    ) STORED
    """,
    "CREATE INDEX search_entry_vector ON search_entry USING gin (search_vector)",
    "CREATE INDEX search_word_trigram ON search_word USING gin (word gin_trgm_ops)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS search_word_trigram",
    "DROP INDEX IF EXISTS search_entry_vector",
    "ALTER TABLE search_entry DROP COLUMN IF EXISTS search_vector",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS eportal_vi",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0001_initial")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
