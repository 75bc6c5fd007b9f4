"""Search over the index table with the ORM (SQLite, PostgreSQL).

Matching differs by vendor (``match``); filtering, facets, paging and the
ranking are the same code on every database.
"""

from __future__ import annotations

from django.db.models import Count, F, Q
from django.db.models.functions import Length

from eportal.core import clock
from eportal.search import ranking
from eportal.search.backends import SearchBackend, SearchRequest, SearchResponse
from eportal.search.models import SearchEntry, SearchWord
from eportal.search.text import ParsedQuery, edit_distance

MAX_SECTOR_FACETS = 20
LARGE_COLUMNS = ("title_terms", "title_folded", "body_terms", "body_folded")
# "Did you mean" looks at most this many candidate words per word.
MAX_WORD_CANDIDATES = 20_000


class DatabaseBackend(SearchBackend):
    """Whole-word LIKE matching over the folded columns (any database)."""

    # --- matching (vendor-specific) ---------------------------------------

    def match(self, queryset, query: ParsedQuery):
        """Rows holding, for every group of the query, one of its alternatives
        (a phrase: its words side by side), as whole words."""
        for group in query.match_groups:
            condition = Q()
            for alternative in group:
                phrase = f" {' '.join(alternative)} "
                condition |= Q(title_folded__contains=phrase) | Q(body_folded__contains=phrase)
            queryset = queryset.filter(condition)
        return queryset

    def match_title_prefix(self, queryset, query: ParsedQuery):
        *whole, last = query.folded
        for word in whole:
            queryset = queryset.filter(title_folded__contains=f" {word} ")
        return queryset.filter(title_folded__contains=f" {last}")

    # --- ranking (shared) --------------------------------------------------

    def score(self, query: ParsedQuery):
        """The relevance of a matching row (``ranking.score``, the same on every backend)."""
        return ranking.score(query)

    # --- the query ---------------------------------------------------------

    def _visible(self, scope):
        now = clock.now()
        queryset = SearchEntry.objects.filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now))
        if scope is not None:
            queryset = queryset.filter(portal_id__in=scope)
        return queryset

    @staticmethod
    def _dated(queryset, request: SearchRequest):
        if request.date_from:
            queryset = queryset.filter(date__gte=request.date_from)
        if request.date_to:
            queryset = queryset.filter(date__lte=request.date_to)
        return queryset

    @staticmethod
    def _filtered(queryset, request: SearchRequest):
        if request.kinds:
            queryset = queryset.filter(kind__in=request.kinds)
        if request.portals:
            queryset = queryset.filter(portal_id__in=request.portals)
        if request.sector:
            queryset = queryset.filter(sector=request.sector)
        return queryset

    @staticmethod
    def _total_and_facets(groups, request: SearchRequest):
        """The count and the facets, from the matches grouped by (kind, portal, sector).

        Each facet counts with every filter but its own, so that a reader can
        switch from one type (portal, sector) to another.
        """
        tests = {
            "type": lambda kind, portal, sector: not request.kinds or kind in request.kinds,
            "portal": lambda kind, portal, sector: not request.portals or portal in request.portals,
            "sector": lambda kind, portal, sector: not request.sector or sector == request.sector,
        }
        columns = {"type": 0, "portal": 1, "sector": 2}
        total, counts = 0, {name: {} for name in tests}
        for kind, portal, sector, n in groups:
            passed = {name: test(kind, portal, sector) for name, test in tests.items()}
            if all(passed.values()):
                total += n
            for name in tests:
                if all(ok for other, ok in passed.items() if other != name):
                    value = (kind, portal, sector)[columns[name]]
                    if name == "sector" and not value:
                        continue
                    counts[name][value] = counts[name].get(value, 0) + n
        facets = {
            name: sorted(values.items(), key=lambda item: (-item[1], str(item[0])))
            for name, values in counts.items()
        }
        facets["sector"] = facets["sector"][:MAX_SECTOR_FACETS]
        return total, facets

    def search(self, request: SearchRequest) -> SearchResponse:
        query = request.query
        if query.is_empty:
            return SearchResponse(total=0, entries=[], facets={})
        matched = self._dated(self.match(self._visible(request.scope), query), request)
        # One grouped query gives the count and every facet.
        groups = (
            matched.order_by()
            .values("kind", "portal_id", "sector")
            .annotate(n=Count("id"))
            .values_list("kind", "portal_id", "sector", "n")
        )
        total, facets = self._total_and_facets(groups, request)
        entries = []
        if request.offset < total:
            rows = (
                self._filtered(matched, request)
                .select_related("portal__site")
                .defer(*LARGE_COLUMNS)
            )
            if request.sort == "date":
                rows = rows.order_by(F("date").desc(nulls_last=True), "-id")
            else:
                rows = rows.annotate(score=self.score(query)).order_by(
                    "-score", F("date").desc(nulls_last=True), "-id"
                )
            entries = list(rows[request.offset : request.offset + request.limit])
        return SearchResponse(total=total, entries=entries, facets=facets)

    def suggest(self, query: ParsedQuery, scope, limit: int = 8) -> list:
        if query.is_empty:
            return []
        rows = self.match_title_prefix(self._visible(scope), query)
        return list(
            rows.select_related("portal__site")
            .defer("body", *LARGE_COLUMNS)
            .order_by(F("date").desc(nulls_last=True), "-id")[:limit]
        )

    # --- vocabulary --------------------------------------------------------

    def known_words(self, words: list[str]) -> set[str]:
        return set(SearchWord.objects.filter(word__in=words).values_list("word", flat=True))

    def _candidates(self, word: str) -> list[str]:
        return list(
            SearchWord.objects.annotate(n=Length("word"))
            .filter(n__gte=len(word) - 2, n__lte=len(word) + 2)
            .filter(Q(word__startswith=word[:1]) | Q(word__endswith=word[-2:]))
            .values_list("word", flat=True)[:MAX_WORD_CANDIDATES]
        )

    def nearest_words(self, word: str, limit: int = 5) -> list[str]:
        allowed = 1 if len(word) <= 4 else 2
        scored = []
        for candidate in self._candidates(word):
            distance = edit_distance(word, candidate, allowed)
            if distance <= allowed:
                scored.append((distance, candidate[:1] != word[:1], candidate))
        return [w for *_rest, w in sorted(scored)[:limit]]
