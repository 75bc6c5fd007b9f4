"""Writing many index rows at once: a rebuild, an archive import, a benchmark.

``index_rows(rows)`` takes ``(content_type_id, object_id, fields)`` triples
(``fields`` as ``services.entry_fields`` and the item's kind, URL, portal…
give them), writes them in batches as inserts that update a row already
there, and adds their words to the vocabulary once per batch. With
``fresh=True`` on PostgreSQL (a rebuild into an empty or truncated table) the
full-text and newest-first indexes are dropped first and built once at the
end, which is many times faster than updating them row by row.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from itertools import islice

from django.db import connection, transaction

from eportal.search.backends import get_backend
from eportal.search.models import SearchEntry, SearchWord

logger = logging.getLogger(__name__)

BATCH_SIZE = 2000
# Connections writing a fresh PostgreSQL load at once (see index_rows).
LOAD_WRITERS = 2
MAX_WORD_LENGTH = 40
UPDATED_FIELDS = [
    "kind",
    "title",
    "body",
    "title_terms",
    "title_folded",
    "body_terms",
    "body_folded",
    "url",
    "language",
    "url_is_global",
    "date",
    "sector",
    "expires_at",
    "portal",
    "indexed_at",
]
# The indexes a fresh PostgreSQL load builds at the end (migrations 0002, 0004).
POSTGRES_LOAD_INDEXES = {
    "search_entry_vector": "CREATE INDEX search_entry_vector ON search_entry USING gin (search_vector)",
    "search_entry_title_vector": (
        "CREATE INDEX search_entry_title_vector ON search_entry USING gin (title_vector)"
    ),
    "search_entry_newest": (
        "CREATE INDEX search_entry_newest ON search_entry (date DESC NULLS LAST, id DESC)"
    ),
}


def vocabulary(entries: Iterable[SearchEntry]) -> set[str]:
    """The folded words of entries that "did you mean" may offer (no digits)."""
    words = set()
    for entry in entries:
        for word in f"{entry.title_folded} {entry.body_folded}".split():
            if 2 <= len(word) <= MAX_WORD_LENGTH and not any(c.isdigit() for c in word):
                words.add(word)
    return words


def add_words(words: set[str]) -> None:
    if words:
        SearchWord.objects.bulk_create(
            [SearchWord(word=w) for w in sorted(words)], ignore_conflicts=True, batch_size=1000
        )


def _batches(rows: Iterable, size: int) -> Iterator[list]:
    iterator = iter(rows)
    while batch := list(islice(iterator, size)):
        yield batch


def write_batch(batch: list[tuple[int, str, dict]]) -> list[SearchEntry]:
    """Insert or update one batch of rows and add its words; return the entries."""
    entries = [
        SearchEntry(content_type_id=content_type_id, object_id=str(object_id), **fields)
        for content_type_id, object_id, fields in batch
    ]
    with transaction.atomic():
        SearchEntry.objects.bulk_create(
            entries,
            update_conflicts=True,
            unique_fields=["content_type", "object_id"],
            update_fields=UPDATED_FIELDS,
        )
        add_words(vocabulary(entries))
    get_backend().entries_changed(entries)
    return entries


def _write_in_parallel(rows: Iterable, progress: Callable[[int], None] | None) -> int:
    """Write batches from LOAD_WRITERS threads, each on its own connection and
    in its own transactions, while this thread makes the rows: PostgreSQL
    computes the text vectors of a batch in the backend that writes it, so
    one writer keeps one core busy and leaves the others idle."""
    batches: queue.Queue = queue.Queue(maxsize=LOAD_WRITERS * 2)
    failures: list[BaseException] = []
    written = [0]
    lock = threading.Lock()

    def writer():
        try:
            while (batch := batches.get()) is not None:
                if not failures:
                    write_batch(batch)
                    with lock:
                        written[0] += len(batch)
                        if progress:
                            progress(written[0])
        except BaseException as error:  # handed to the caller below
            failures.append(error)
            while batches.get() is not None:  # let the producer finish
                pass
        finally:
            connection.close()

    threads = [threading.Thread(target=writer, daemon=True) for _ in range(LOAD_WRITERS)]
    for thread in threads:
        thread.start()
    try:
        for batch in _batches(rows, BATCH_SIZE):
            if failures:
                break
            batches.put(batch)
    finally:
        for _thread in threads:
            batches.put(None)
        for thread in threads:
            thread.join()
    if failures:
        raise failures[0]
    return written[0]


def index_rows(
    rows: Iterable[tuple[int, str, dict]],
    *,
    fresh: bool = False,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write index rows in batches; return how many were written.

    ``fresh``: the table is being filled from empty (PostgreSQL builds its
    indexes once at the end rather than row by row, and, outside a
    transaction, LOAD_WRITERS connections write at once).
    """
    dropped = []
    if fresh and connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for name in POSTGRES_LOAD_INDEXES:
                cursor.execute(f"DROP INDEX IF EXISTS {name}")
                dropped.append(name)
    done = 0
    try:
        if dropped and not connection.in_atomic_block and LOAD_WRITERS > 1:
            done = _write_in_parallel(rows, progress)
        else:
            for batch in _batches(rows, BATCH_SIZE):
                write_batch(batch)
                done += len(batch)
                if progress:
                    progress(done)
    finally:
        if dropped:
            with connection.cursor() as cursor:
                if connection.in_atomic_block:
                    # Deferred foreign-key checks of the rows just written
                    # must run before PostgreSQL builds an index on the table.
                    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
                for name in dropped:
                    cursor.execute(POSTGRES_LOAD_INDEXES[name])
                # VACUUM also marks the pages all-visible, so that reading the
                # newest-first index alone needs no table reads; it cannot run
                # in a transaction.
                vacuum = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
                cursor.execute(f"{vacuum} search_entry")
    return done
