"""Indexes that pick ranking candidates when a query matches too much to score
every match: newest first, and on PostgreSQL a title-only ``title_vector``
(generated, GIN) for "the query is in the title"; on SQLite an FTS5 full-text index over the folded
columns, kept in step by triggers (PostgreSQL has its GIN index, 0002)."""

from django.db import migrations

# SQLite sorts NULL first, so its DESC already puts undated rows last (and
# it takes no NULLS LAST in an index); PostgreSQL must be told.
POSTGRES_FORWARD = [
    "CREATE INDEX search_entry_newest ON search_entry (date DESC NULLS LAST, id DESC)",
    """
    ALTER TABLE search_entry ADD COLUMN title_vector tsvector GENERATED ALWAYS AS (
      to_tsvector('eportal_vi'::regconfig, coalesce(title_terms, ''))
    ) STORED
    """,
    "CREATE INDEX search_entry_title_vector ON search_entry USING gin (title_vector)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS search_entry_title_vector",
    "ALTER TABLE search_entry DROP COLUMN IF EXISTS title_vector",
]
SQLITE_FORWARD = [
    "CREATE INDEX search_entry_newest ON search_entry (date DESC, id DESC)",
    """
    CREATE VIRTUAL TABLE search_fts USING fts5(
      title_folded, body_folded, content='search_entry', content_rowid='id'
    )
    """,
    """
    CREATE TRIGGER search_fts_insert AFTER INSERT ON search_entry BEGIN
      INSERT INTO search_fts(rowid, title_folded, body_folded)
      VALUES (new.id, new.title_folded, new.body_folded);
    END
    """,
    """
    CREATE TRIGGER search_fts_delete AFTER DELETE ON search_entry BEGIN
      INSERT INTO search_fts(search_fts, rowid, title_folded, body_folded)
      VALUES ('delete', old.id, old.title_folded, old.body_folded);
    END
    """,
    """
    CREATE TRIGGER search_fts_update AFTER UPDATE OF title_folded, body_folded
    ON search_entry BEGIN
      INSERT INTO search_fts(search_fts, rowid, title_folded, body_folded)
      VALUES ('delete', old.id, old.title_folded, old.body_folded);
      INSERT INTO search_fts(rowid, title_folded, body_folded)
      VALUES (new.id, new.title_folded, new.body_folded);
    END
    """,
    "INSERT INTO search_fts(search_fts) VALUES ('rebuild')",
]
BACKWARD = ["DROP INDEX IF EXISTS search_entry_newest"]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_fts_update",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TRIGGER IF EXISTS search_fts_insert",
    "DROP TABLE IF EXISTS search_fts",
]


def _by_vendor(**statements):
    def run(apps, schema_editor):
        for statement in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0003_language_and_synonyms")]

    operations = [
        migrations.RunPython(
            _by_vendor(postgresql=POSTGRES_FORWARD, sqlite=SQLITE_FORWARD),
            _by_vendor(postgresql=POSTGRES_BACKWARD + BACKWARD, sqlite=BACKWARD + SQLITE_BACKWARD),
        ),
    ]
