"""Search over the index table with the ORM (SQLite, PostgreSQL).

Matching differs by vendor (``match``); filtering, facets, paging and the
ranking are the same code on every database.
"""

from __future__ import annotations

import datetime

from django.db.models import Case, F, IntegerField, Q, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Length

from eportal.core import clock
from eportal.search import ranking
from eportal.search.backends import SearchBackend, SearchRequest, SearchResponse
from eportal.search.models import SearchEntry, SearchWord
from eportal.search.text import ParsedQuery, edit_distance

MAX_SECTOR_FACETS = 20
# Matches counted (and tallied into facets) up to this many; past it the page
# says "more than" and ranks CANDIDATES of them picked from indexes.
COUNT_BOUND = 1000
CANDIDATES = 300
# A query the database's statistics put at this many times COUNT_BOUND
# matches or more is not counted to the bound: a sample of CANDIDATES rows
# gives its facets (see ``surely_matches_more``).
SURELY_MORE = 10
# Ranking candidates are looked for among this many newest items first
# (each row of the window may be a heap read: 10,000 cost 50-70 ms at
# 1,000,000 rows whose dates are not in table order, 2,000 about 10).
WINDOW = 2_000
LARGE_COLUMNS = ("title_terms", "title_folded", "body_terms", "body_folded")
# "Did you mean" looks at most this many candidate words per word.
MAX_WORD_CANDIDATES = 20_000


class DatabaseBackend(SearchBackend):
    """Whole-word LIKE matching over the folded columns (any database)."""

    # --- matching (vendor-specific) ---------------------------------------

    def match(self, queryset, query: ParsedQuery):
        """Rows holding, for every group of the query, one of its alternatives
        (a phrase: its words side by side), as whole words."""
        return queryset.filter(ranking.holds_every_group(query.match_groups))

    def match_title(self, queryset, query: ParsedQuery):
        """Rows holding every group of the query in their titles."""
        return queryset.filter(self.title_condition(query))

    def match_title_prefix(self, queryset, query: ParsedQuery):
        *whole, last = query.folded
        for word in whole:
            queryset = queryset.filter(title_folded__contains=f" {word} ")
        return queryset.filter(title_folded__contains=f" {last}")

    def match_each(self, queryset, query: ParsedQuery):
        """``match`` tested row by row rather than through a full-text index,
        for a few thousand rows already chosen (the newest window): an index
        would first gather every match of a common word."""
        return DatabaseBackend.match(self, queryset, query)

    def surely_matches_more(self, matched, query: ParsedQuery, bound: int) -> bool:
        """Whether the database's statistics say that ``matched`` holds at
        least SURELY_MORE times ``bound`` rows; never on this backend."""
        return False

    def title_condition(self, query: ParsedQuery):
        """A row holds every group of the query in its title, tested row by
        row (a condition for ``When``)."""
        return ranking.holds_every_group(query.match_groups, columns=("title_folded",))

    # --- ranking (shared) --------------------------------------------------

    def score(self, query: ParsedQuery):
        """The relevance of a matching row (``ranking.score``, the same on every
        backend), compiled to SQL once: a few dozen CASEs that Django would
        otherwise copy on annotating and hash, node by node, on ordering by
        them (5-10 ms of each search's time in Python)."""
        queryset = SearchEntry.objects.all()
        compiler = queryset.query.get_compiler(using=queryset.db)
        expression = ranking.score(query).resolve_expression(queryset.query)
        sql, params = compiler.compile(expression)
        # SQL that Django compiled from the expression; the query's words are in params.
        return RawSQL(sql, params, output_field=IntegerField())  # noqa: S611  # nosec B611

    # --- the query ---------------------------------------------------------

    def _visible(self, scope):
        now = clock.now()
        queryset = SearchEntry.objects.filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now))
        if scope is not None:
            queryset = queryset.filter(portal_id__in=scope)
        return queryset

    def _base(self, request: SearchRequest):
        """Visible rows within the request's scope, language and dates."""
        queryset = self._visible(request.scope)
        if request.language:
            queryset = queryset.filter(language=request.language)
        if request.date_from:
            queryset = queryset.filter(date__gte=request.date_from)
        if request.date_to:
            queryset = queryset.filter(date__lte=request.date_to)
        return queryset

    @staticmethod
    def _filtered(queryset, request: SearchRequest):
        """The rows passing the facet filters (type, portal, sector, year)."""
        if request.kinds:
            queryset = queryset.filter(kind__in=request.kinds)
        if request.portals:
            queryset = queryset.filter(portal_id__in=request.portals)
        if request.sector:
            queryset = queryset.filter(sector=request.sector)
        if request.year:
            # A range rather than EXTRACT: the date index serves it.
            queryset = queryset.filter(
                date__gte=datetime.date(request.year, 1, 1),
                date__lte=datetime.date(request.year, 12, 31),
            )
        return queryset

    @staticmethod
    def _has_filters(request: SearchRequest) -> bool:
        return bool(request.kinds or request.portals or request.sector or request.year)

    @staticmethod
    def _tally(rows, request: SearchRequest):
        """The count, the facets and the ids passing every filter, from matched
        rows given as (id, kind, portal, sector, date).

        Each facet counts with every filter but its own, so that a reader can
        switch from one type (portal, sector, year) to another.
        """
        kinds, portals = set(request.kinds), set(request.portals)
        ids, counts = [], {"type": {}, "portal": {}, "sector": {}, "year": {}}
        by_type, by_portal, by_sector, by_year = counts.values()
        # Straight-line tests: this runs for every counted row of every search.
        for row_id, kind, portal, sector, date in rows:
            year = date.year if date else None
            kind_ok = not kinds or kind in kinds
            portal_ok = not portals or portal in portals
            sector_ok = not request.sector or sector == request.sector
            year_ok = not request.year or year == request.year
            if kind_ok and portal_ok and sector_ok and year_ok:
                ids.append(row_id)
            if kind and portal_ok and sector_ok and year_ok:
                by_type[kind] = by_type.get(kind, 0) + 1
            if portal is not None and kind_ok and sector_ok and year_ok:
                by_portal[portal] = by_portal.get(portal, 0) + 1
            if sector and kind_ok and portal_ok and year_ok:
                by_sector[sector] = by_sector.get(sector, 0) + 1
            if year is not None and kind_ok and portal_ok and sector_ok:
                by_year[year] = by_year.get(year, 0) + 1
        facets = {
            name: sorted(values.items(), key=lambda item: (-item[1], str(item[0])))
            for name, values in counts.items()
        }
        facets["sector"] = facets["sector"][:MAX_SECTOR_FACETS]
        facets["year"] = sorted(facets["year"], key=lambda item: -item[0])
        return len(ids), facets, ids

    @staticmethod
    def _newest(queryset):
        return queryset.order_by(F("date").desc(nulls_last=True), F("id").desc())

    @staticmethod
    def _window_start():
        """The date from which the newest WINDOW items run, or None when there
        are fewer (read from the newest-first index alone)."""
        return (
            SearchEntry.objects.filter(date__isnull=False)
            .order_by(F("date").desc(nulls_last=True), F("id").desc())
            .values_list("date", flat=True)[WINDOW : WINDOW + 1]
            .first()
        )

    def _ranking_candidates(self, base, request: SearchRequest, sample, kinds) -> list[int]:
        """At most CANDIDATES ids of a large match to rank, rather than scoring
        every match: among the newest WINDOW items, those holding the whole
        query in their titles, those of the kind the query names and the newest
        of all; then, when that is not enough (the matches are mostly older),
        the ids of ``sample``, the counted matches (``kinds``: id → kind), of
        the kind named first.

        An older item outside both (the counted matches are the first the
        database met, in no order) is not ranked: the page then says "more
        than 1,000 results" and a second word finds it. Looking for such items
        by title or kind at any date cost 35-50 ms more per common word at
        1,000,000 rows (the index gathers every match before the first row).

        Bounded both ways: a walk of the newest-first index stops at the
        window's start; the window is never the planner's guess of how soon
        the matches come (it walked 200,000 rows to find 200 of an old
        number's matches at 1,000,000 rows)."""
        query = request.query
        start = self._window_start()
        window = base.filter(date__gte=start) if start else base
        matching = self.match_each(window, query) if start else self.match(window, query)
        # One pass over the window's newest matches gives all three of its
        # tiers (twice the candidates: reading all 2,000 of a common word's
        # cost 3 ms more a search than it brought).
        in_title = Case(When(self.title_condition(query), then=True), default=False)
        rows = list(
            self._newest(matching)
            .annotate(in_title=in_title)
            .values_list("id", "kind", "in_title")[: 2 * CANDIDATES]
        )
        newest = [row_id for row_id, _kind, _title in rows]
        if request.sort == "date":
            seen = set(newest)
            return (newest + [i for i in sample if i not in seen])[:CANDIDATES]
        intent = query.intent if query.intent and not request.kinds else ""
        named = [i for i in sample if kinds.get(i) == intent] if intent else []
        tiers = [[row_id for row_id, _kind, titled in rows if titled]]
        if intent:
            tiers.append([row_id for row_id, kind, _title in rows if kind == intent])
        tiers += [newest, named, sample]
        share = CANDIDATES // 3
        ids: dict[int, None] = {}
        for position, tier in enumerate(tiers):
            # The window's tiers bring a share each; the sample fills what is left.
            room = CANDIDATES - len(ids)
            if room <= 0:
                break
            want = min(share, room) if position < len(tiers) - 2 else room
            added = 0
            # Fetch enough to make up for ids an earlier tier already brought.
            for row_id in tier[: want + len(ids)]:
                if added >= want:
                    break
                if row_id not in ids:
                    ids[row_id] = None
                    added += 1
        return list(ids)

    def search(self, request: SearchRequest) -> SearchResponse:
        """Match, count and tally at most COUNT_BOUND rows, rank at most
        CANDIDATES: the cost does not grow with the number of matches."""
        query = request.query
        if query.is_empty:
            return SearchResponse(total=0, entries=[], facets={})
        base = self._base(request)
        matched = self.match(base, query).order_by()
        # In no order: asked for the newest, the planner may walk the
        # newest-first index expecting to meet the bound soon, and read it all
        # when the words match a few hundred rows (7 s at 1,000,000 rows).
        # A word in a tenth of the items need not be counted to 1,000 to know
        # there are more: its facets come from fewer rows (each row counted is
        # a table read).
        sure = not self._has_filters(request) and self.surely_matches_more(
            matched, query, COUNT_BOUND
        )
        bound = CANDIDATES if sure else COUNT_BOUND
        rows = list(matched.values_list("id", "kind", "portal_id", "sector", "date")[: bound + 1])
        bounded = len(rows) > bound
        total, facets, ids = self._tally(rows[:bound], request)
        if bounded and sure:
            total = COUNT_BOUND
        if bounded:
            # More matches than were counted: the facets are those of the
            # counted rows; the filtered count and the ranking come from indexes.
            filtered = self._filtered(matched, request)
            if self._has_filters(request):
                passing = list(filtered.values_list("id", flat=True)[: COUNT_BOUND + 1])
                bounded = len(passing) > COUNT_BOUND
                total = min(len(passing), COUNT_BOUND)
            else:
                passing = ids  # every counted row passes: nothing to count again
            if bounded:
                kinds = {row[0]: row[1] for row in rows}
                ids = self._ranking_candidates(
                    self._filtered(base, request), request, passing, kinds
                )
            else:
                ids = passing
        entries = []
        if request.offset < len(ids):
            rows = (
                SearchEntry.objects.filter(id__in=ids)
                .select_related("portal__site")
                .defer(*LARGE_COLUMNS)
            )
            if request.sort == "date":
                rows = self._newest(rows)
            else:
                rows = rows.annotate(score=self.score(query)).order_by(
                    "-score", F("date").desc(nulls_last=True), "-id"
                )
            entries = list(rows[request.offset : request.offset + request.limit])
        return SearchResponse(
            total=total,
            entries=entries,
            facets=facets,
            total_is_lower_bound=bounded,
            ranked=len(ids),
        )

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
