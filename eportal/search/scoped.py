"""The engine behind a search box of one kind: legal documents, answered
questions, procedures, the registers.

Each of those lists keeps its own filters, order and pages; what its keyword
matches and how matches rank is the site search's: the same index, the same
folding, synonyms, spellings and corrections (``ranking``), the same backend.
A list asks::

    matches = scoped.search(form.cleaned_data["q"], kind=Kind.LEGAL)
    documents = matches.restrict(documents)          # only what matches
    ranked = matches.ranked(documents)               # (rows best first, count), or None

``restrict`` keeps the rows whose index entry matches (a subquery: nothing
is counted or ranked for it); ``ranked`` orders them by relevance when at
most ``RANK_BOUND`` of them pass the list's own filters — past that a common
word alone is better served newest first, and the list says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from django.db.models import BigIntegerField, Case, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import Cast

from eportal.search import ranking
from eportal.search.backends import get_backend
from eportal.search.backends.database import COUNT_BOUND
from eportal.search.models import SearchEntry
from eportal.search.text import ParsedQuery

# Rows of a list ranked by relevance at most; the same bound as the count.
RANK_BOUND = COUNT_BOUND
# Fewer matches than this and a misspelt or cut-off word is looked for.
FEW_MATCHES = 3


class Ranked(NamedTuple):
    rows: QuerySet
    count: int


@dataclass
class Matches:
    """What a keyword matches among the indexed items of some kinds."""

    query: ParsedQuery
    kinds: tuple[str, ...]
    # The query as the reader probably meant it, when the typed words found
    # (almost) nothing and the correction finds more ("did you mean").
    corrected: str = ""

    @property
    def is_empty(self) -> bool:
        return self.query.is_empty

    def entries(self):
        """The matching index rows (any language: the list's queryset decides)."""
        backend = get_backend()
        rows = backend._visible(None).filter(kind__in=self.kinds)
        return backend.match(rows, self.query).order_by()

    def restrict(self, queryset, *, also: Q | None = None):
        """``queryset`` narrowed to the rows that match (or satisfy ``also``,
        e.g. a document's exact number)."""
        if self.is_empty:
            return queryset if also is None else queryset.filter(also)
        ids = self.entries().annotate(item=Cast("object_id", BigIntegerField())).values("item")
        condition = Q(pk__in=ids)
        if also is not None:
            condition |= also
        return queryset.filter(condition)

    def ranked(self, queryset, *, first: Q | None = None, limit: int = RANK_BOUND):
        """``queryset`` (already restricted) best first, with ``search_rank``,
        and how many rows it holds; rows satisfying ``first`` (an exact number)
        before all others. None when more than ``limit`` rows pass: the list
        then keeps its own order."""
        if self.is_empty:
            return None
        pks = list(queryset.order_by().values_list("pk", flat=True)[: limit + 1])
        if len(pks) > limit:
            return None
        order = self.order_of(pks)
        if first is not None and pks:
            leading = set(queryset.filter(first, pk__in=pks).values_list("pk", flat=True))
            order = [pk for pk in order if pk in leading] + [
                pk for pk in order if pk not in leading
            ]
        if not order:
            return Ranked(queryset.none(), 0)
        rank = Case(
            *[When(pk=pk, then=Value(position)) for position, pk in enumerate(order)],
            default=Value(len(order)),
            output_field=IntegerField(),
        )
        rows = queryset.filter(pk__in=pks).annotate(search_rank=rank).order_by("search_rank")
        return Ranked(rows, len(pks))

    def order_of(self, pks: list[int]) -> list[int]:
        """Primary keys best first, by the engine's score of their index rows
        (rows without an index row last, newest first)."""
        if not pks:
            return []
        keys = [str(pk) for pk in pks]
        scored = (
            SearchEntry.objects.filter(kind__in=self.kinds, object_id__in=keys)
            .annotate(score=get_backend().score(self.query))
            .order_by("-score", "-date", "-id")
            .values_list("object_id", flat=True)
        )
        order = [int(key) for key in scored]
        seen = set(order)
        return order + sorted((pk for pk in pks if pk not in seen), reverse=True)


def search(text: str | None, *, kind: str | list[str]) -> Matches:
    """The matches of a list's keyword among the index rows of ``kind``; a
    query finding fewer than FEW_MATCHES is corrected (typos, a cut-off last
    word) when that finds more. Unlike the site search, items holding only
    some of the words are not added: a list is read in its own order."""
    kinds = (kind,) if isinstance(kind, str) else tuple(kind)
    matches = Matches(ranking.prepare(text), kinds)
    if matches.is_empty:
        return matches
    found = matches.entries().values("id")[:FEW_MATCHES].count()
    if found < FEW_MATCHES:
        corrected = ranking.correct(matches.query, get_backend(), relax=False)
        if corrected is not None:
            retry = Matches(corrected, kinds, corrected.corrected)
            if retry.entries().values("id")[: FEW_MATCHES + found].count() > found:
                return retry
    return matches
