"""Search on SQLite: matching through the FTS5 table ``search_fts`` over the
folded columns (migration 0004), instead of scanning every row with LIKE.

Ranking, filtering, facets and paging are ``DatabaseBackend``'s.
"""

from __future__ import annotations

from django.db.models.expressions import RawSQL

from eportal.search.backends.database import DatabaseBackend
from eportal.search.text import ParsedQuery


def fts_query(query: ParsedQuery, column: str = "", prefix_last: bool = False) -> str:
    """The FTS5 MATCH text of a query's groups: every group, one of its
    alternatives, each alternative a phrase ("a b"); words are letters and
    digits only, so quoting them is safe."""
    groups = []
    for group in query.match_groups:
        groups.append("(" + " OR ".join(f'"{" ".join(words)}"' for words in group) + ")")
    if prefix_last:
        *whole, last = query.folded
        groups = [f'"{w}"' for w in whole] + [f'"{last}"*']
    text = " AND ".join(groups)
    return f"{column} : ({text})" if column else text


class SqliteBackend(DatabaseBackend):
    """Full-text matching through FTS5 (whole folded words, phrases)."""

    def _fts(self, queryset, text: str):
        # id IN (…), not "search_entry.id IN": in a subquery the table has another alias.
        return queryset.filter(
            id__in=RawSQL("SELECT rowid FROM search_fts WHERE search_fts MATCH %s", (text,))
        )

    def match(self, queryset, query: ParsedQuery):
        return self._fts(queryset, fts_query(query))

    def match_title(self, queryset, query: ParsedQuery):
        return self._fts(queryset, fts_query(query, column="title_folded"))

    def match_title_prefix(self, queryset, query: ParsedQuery):
        return self._fts(queryset, fts_query(query, column="title_folded", prefix_last=True))
