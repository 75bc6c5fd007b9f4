"""Search on PostgreSQL: full-text matching through the generated ``search_vector``
(GIN) under the ``eportal_vi`` configuration, trigram candidates for "did you mean".

Ranking, filtering, facets and paging are ``DatabaseBackend``'s.
"""

from __future__ import annotations

import json

from django.db import connection
from django.db.models import BooleanField, Expression, FloatField
from django.db.models.expressions import RawSQL

from eportal.search.backends.database import SURELY_MORE, DatabaseBackend
from eportal.search.models import SearchWord
from eportal.search.text import ParsedQuery


def tsquery(query: ParsedQuery) -> str:
    """The to_tsquery text of a query's groups (words are letters and digits only)."""
    groups = []
    for group in query.match_groups:
        alternatives = [" <-> ".join(words) for words in group]
        groups.append("(" + " | ".join(f"({a})" for a in alternatives) + ")")
    return " & ".join(groups)


class VectorMatch(Expression):
    """``<table>.<column> @@ to_tsquery(config, text)`` for a generated vector
    column the model does not declare, under whatever alias the query gives
    the index table (in a subquery it is not "search_entry")."""

    output_field = BooleanField()

    def __init__(self, column: str, config: str, text: str, indexed: bool = True):
        super().__init__()
        self.column, self.config, self.text, self.indexed = column, config, text, indexed

    def as_sql(self, compiler, connection):
        table = compiler.quote_name_unless_alias(compiler.query.base_table)
        vector = f"{table}.{connection.ops.quote_name(self.column)}"
        if not self.indexed:
            # The same test, in a form no index answers: checked row by row.
            vector = f"COALESCE({vector}, ''::tsvector)"
        return f"{vector} @@ to_tsquery(%s::regconfig, %s)", [self.config, self.text]


class PostgresBackend(DatabaseBackend):
    """Full-text matching through the generated ``search_vector`` (GIN) under the
    ``eportal_vi`` configuration, and trigram candidates for "did you mean"."""

    CONFIG = "eportal_vi"

    def match(self, queryset, query: ParsedQuery):
        # The configuration folds accents itself (unaccent); the query's groups
        # are already folded: "(cccd | can <-> cuoc <-> cong <-> dan) & cap".
        return queryset.filter(VectorMatch("search_vector", self.CONFIG, tsquery(query)))

    def match_each(self, queryset, query: ParsedQuery):
        return queryset.filter(
            VectorMatch("search_vector", self.CONFIG, tsquery(query), indexed=False)
        )

    def surely_matches_more(self, matched, query: ParsedQuery, bound: int) -> bool:
        """The planner's estimate of the rows ``matched`` holds, trusted for a
        one-word query only (or one word of several spellings): the statistics
        of ``search_vector`` keep the frequency of its most common words (0.4 %
        off for "huyện" at 1,000,000 rows), while words together are taken to
        be independent and a phrase is estimated as its words anywhere ("sổ
        đỏ": 882 matches)."""
        if len(query.match_groups) != 1 or any(len(a) != 1 for a in query.match_groups[0]):
            return False
        sql, params = matched.values_list("id").query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (FORMAT JSON) " + sql, params)
            (plan,) = cursor.fetchone()
        if isinstance(plan, str):
            plan = json.loads(plan)
        return plan[0]["Plan"]["Plan Rows"] >= SURELY_MORE * bound

    def title_condition(self, query: ParsedQuery):
        return VectorMatch("title_vector", self.CONFIG, tsquery(query), indexed=False)

    def _title(self, queryset, text: str):
        # ``title_vector`` (migration 0004): the title's words alone, with a GIN
        # index of their own, so that "in the title" is not a recheck of every
        # row holding the words anywhere.
        return queryset.filter(VectorMatch("title_vector", self.CONFIG, text))

    def match_title(self, queryset, query: ParsedQuery):
        return self._title(queryset, tsquery(query))

    def match_title_prefix(self, queryset, query: ParsedQuery):
        # The last word is a prefix: "dang & ky & khai:*".
        *whole, last = query.folded
        return self._title(queryset, " & ".join([*whole, f"{last}:*"]))

    def _candidates(self, word: str) -> list[str]:
        by_trigram = list(
            SearchWord.objects.filter(
                RawSQL("search_word.word %% %s", (word,), output_field=BooleanField())
            )
            .annotate(
                similarity=RawSQL(
                    "similarity(search_word.word, %s)", (word,), output_field=FloatField()
                )
            )
            .order_by("-similarity")
            .values_list("word", flat=True)[:50]
        )
        return by_trigram or super()._candidates(word)
