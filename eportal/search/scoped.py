"""The engine behind a search box of one kind: legal documents, answered
questions, procedures, the registers.

Each of those lists keeps its own filters, order and pages; what its keyword
matches and how matches rank is the site search's: the same index, the same
folding, synonyms, spellings and corrections (``ranking``), the same backend.
A list asks::

    matches = scoped.search(form.cleaned_data["q"], kind=Kind.LEGAL)
    documents = matches.restrict(documents)          # only what matches
    ranked = matches.ranked(documents)               # (rows best first, count), or None

``restrict`` keeps the rows whose index entry matches (by their ids when
they are few, else by EXISTS on each row's entry: nothing is counted or
ranked for it); ``in_order`` gives the list's own order; ``ranked`` orders by
relevance when at most ``RANK_BOUND`` rows pass the list's own filters — past
that a common word alone is better served newest first, and the list says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    Case,
    CharField,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce
from wagtail.models import Page

from eportal.search import ranking
from eportal.search.backends import get_backend
from eportal.search.backends.database import COUNT_BOUND
from eportal.search.models import SearchEntry
from eportal.search.text import ParsedQuery

# Rows of a list ranked by relevance at most; the same bound as the count.
RANK_BOUND = COUNT_BOUND
# Fewer matches than this and a misspelt or cut-off word is looked for.
FEW_MATCHES = 3
# Up to this many matches a list is narrowed by their ids, past it by walking
# its own order (see Matches.restrict). Measured at 100,000 legal documents on
# PostgreSQL: reading 2,000 ids cost 20 ms more per broad keyword than 500.
FEW_ENOUGH = 500


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
    # The matching items' primary keys when there are at most FEW_ENOUGH.
    item_ids: list[int] | None = None
    # Match the items' titles only (suggestions), not their whole text.
    in_titles: bool = False

    @property
    def is_empty(self) -> bool:
        return self.query.is_empty

    def entries(self):
        """The matching index rows (any language: the list's queryset decides)."""
        backend = get_backend()
        rows = backend._visible(None).filter(kind__in=self.kinds)
        match = backend.match_title if self.in_titles else backend.match
        return match(rows, self.query).order_by()

    def restrict(self, queryset):
        """``queryset`` narrowed to the rows whose index entry matches.

        When at most FEW_ENOUGH items match, by their primary keys (read from
        the full-text index); with more, EXISTS over each row's entry (the
        unique content type and object id index), so that the database walks
        the list's own order and stops at its page: a common word matches
        every few rows. Never IN over every match, which gathers them all."""
        if self.is_empty:
            return queryset
        if self.item_ids is not None:
            return queryset.filter(pk__in=self.item_ids)
        entry = self.entries().filter(
            content_type=content_type_of(queryset.model),
            object_id=Cast(OuterRef("pk"), CharField()),
        )
        return queryset.filter(Exists(entry))

    def in_order(self, queryset, *fields: str):
        """``queryset`` (restricted) ordered by ``fields`` ("-issued", "title").

        With few matches the rows are sorted once read by their primary keys;
        the database is kept from walking an index in that order instead
        (the planner, taking the matches to be spread evenly, expects to meet
        them soon and may read most of the index)."""
        if self.item_ids is None:
            return queryset.order_by(*fields)
        order = []
        for name in fields:
            column = name.lstrip("-")
            # COALESCE(x, x) is x, but not a column an index is sorted by.
            value = Coalesce(F(column), F(column))
            order.append(value.desc() if name.startswith("-") else value.asc())
        return queryset.order_by(*order)

    def read_ids(self) -> int:
        """Read the ids of the matching items when there are at most FEW_ENOUGH
        (else ``item_ids`` stays None); return how many were read."""
        keys = list(self.entries().values_list("object_id", flat=True)[: FEW_ENOUGH + 1])
        ids = [int(key) for key in keys if key.isdigit()]
        self.item_ids = ids if len(keys) <= FEW_ENOUGH else None
        return len(keys)

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


def content_type_of(model) -> ContentType:
    """The content type an item's index row is filed under (every page: Page's)."""
    return ContentType.objects.get_for_model(Page if issubclass(model, Page) else model)


def similar(text: str | None, *, kind: str | list[str]) -> Matches:
    """The items of ``kind`` whose titles hold any of the words of ``text``,
    scored by how many they hold (``ranking.relaxed``): suggestions while a
    reader types, where a title sharing most of the words is worth showing
    and one sharing none is noise, whatever its text holds."""
    kinds = (kind,) if isinstance(kind, str) else tuple(kind)
    query = ranking.prepare(text)
    matches = Matches(ranking.relaxed(query) or query, kinds, in_titles=True)
    if not matches.is_empty:
        matches.read_ids()
    return matches


def search(text: str | None, *, kind: str | list[str]) -> Matches:
    """The matches of a list's keyword among the index rows of ``kind``; a
    query finding fewer than FEW_MATCHES is corrected (typos, a cut-off last
    word) when that finds more. Unlike the site search, items holding only
    some of the words are not added: a list is read in its own order."""
    kinds = (kind,) if isinstance(kind, str) else tuple(kind)
    matches = Matches(ranking.prepare(text), kinds)
    if matches.is_empty:
        return matches
    found = matches.read_ids()
    if found < FEW_MATCHES:
        corrected = ranking.correct(matches.query, get_backend(), relax=False)
        if corrected is not None:
            retry = Matches(corrected, kinds, corrected.corrected)
            if retry.read_ids() > found:
                return retry
    return matches
