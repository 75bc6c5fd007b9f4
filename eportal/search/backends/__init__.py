"""The search backend seam: what runs a query over the index.

The index rows (``SearchEntry``) always live in the database; a backend
answers queries over them. The default is chosen by the database vendor:

- PostgreSQL: ``PostgresBackend`` — a generated ``tsvector`` column under the
  ``eportal_vi`` text-search configuration (``unaccent`` + ``simple``) with a
  GIN index, and ``pg_trgm`` for "did you mean";
- SQLite: ``SqliteBackend`` — an FTS5 table over the folded columns, kept in
  step by triggers;
- any other database: ``DatabaseBackend`` — whole-word ``LIKE`` over the
  folded columns.

A query matches, counts and tallies facets over at most ``COUNT_BOUND`` rows;
when more match, the count is "more than" and ``CANDIDATES`` rows picked from
indexes (the newest holding the query in their titles, of the kind it names,
of all) are ranked: no cost grows with the number of matches.

Both rank with the same scoring (``DatabaseBackend.score``). An installation
that outgrows one database names another backend class in settings::

    EPORTAL_SEARCH_BACKEND = "myproject.search.OpenSearchBackend"

Such a class subclasses ``SearchBackend``: it mirrors rows in
``entries_changed``/``entries_removed`` (called on every index write) and
answers ``search``, ``suggest`` and ``nearest_words``. No OpenSearch backend
ships with eportal yet: it needs an OpenSearch server to be written and
tested against.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from functools import lru_cache

from django.conf import settings
from django.db import connection
from django.utils.module_loading import import_string

from eportal.search.text import ParsedQuery


@dataclass
class SearchRequest:
    query: ParsedQuery
    # Portals whose items may be shown (None: every portal, on the main portal).
    scope: list[int] | None = None
    kinds: list[str] = field(default_factory=list)
    portals: list[int] = field(default_factory=list)
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    sector: str = ""
    year: int | None = None
    # Items of this language only ("vi", "en"); None: every language.
    language: str | None = "vi"
    sort: str = "relevance"  # or "date"
    offset: int = 0
    limit: int = 10


@dataclass
class SearchResponse:
    total: int
    entries: list  # SearchEntry rows, best first
    # facet name → [(value, count)]: "type" kind, "portal" portal id,
    # "sector" sector, "year" the year of the item's date
    facets: dict[str, list[tuple]] = field(default_factory=dict)
    # True when the matches were counted up to a bound and there are more
    # (total is then that bound, facet counts are those of the counted matches).
    total_is_lower_bound: bool = False
    # How many results paging can reach (the ranked candidates); None: total.
    ranked: int | None = None

    @property
    def reachable(self) -> int:
        return self.total if self.ranked is None else min(self.total, self.ranked)


class SearchBackend:
    """What every backend answers; see the module docstring."""

    def search(self, request: SearchRequest) -> SearchResponse:
        raise NotImplementedError

    def suggest(self, query: ParsedQuery, scope: list[int] | None, limit: int = 8) -> list:
        """Entries whose title starts words with the query (type-ahead), newest first."""
        raise NotImplementedError

    def nearest_words(self, word: str, limit: int = 5) -> list[str]:
        """Indexed folded words closest to a folded word, best first."""
        raise NotImplementedError

    def known_words(self, words: list[str]) -> set[str]:
        raise NotImplementedError

    def entries_changed(self, entries) -> None:
        """Called after index rows were written (a mirror backend copies them)."""

    def entries_removed(self, content_type, object_ids) -> None:
        """Called after index rows were deleted."""


@lru_cache(maxsize=4)
def _backend_for(path: str, vendor: str) -> SearchBackend:
    if path:
        return import_string(path)()
    from eportal.search.backends.database import DatabaseBackend
    from eportal.search.backends.postgres import PostgresBackend
    from eportal.search.backends.sqlite import SqliteBackend

    if vendor == "postgresql":
        return PostgresBackend()
    if vendor == "sqlite":
        return SqliteBackend()
    return DatabaseBackend()


def get_backend() -> SearchBackend:
    """The configured backend (``EPORTAL_SEARCH_BACKEND``), else one for the database."""
    return _backend_for(getattr(settings, "EPORTAL_SEARCH_BACKEND", ""), connection.vendor)
