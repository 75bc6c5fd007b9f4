"""Reading the index: one search for the web page and the API.

``run(form_data, portal=...)`` scopes the search to the portal (the main
portal searches every portal, Art. 3.2d), runs it through the backend,
corrects a misspelt query when nothing matches, and labels facets.
"""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass, field

from django.utils import translation

from eportal.portals.models import Portal
from eportal.portals.routing import portal_url_for_site
from eportal.search import ranking
from eportal.search.backends import SearchRequest, SearchResponse, get_backend
from eportal.search.models import Kind
from eportal.search.text import ParsedQuery, highlight, snippet

PER_PAGE = 10
# Fewer matches than this and misspelt words are looked for ("did you mean").
FEW_MATCHES = 3


@dataclass
class Result:
    kind: str
    kind_label: str
    title: str
    title_html: str
    url: str
    snippet_html: str
    portal: str
    portal_slug: str
    date: datetime.date | None
    sector: str


@dataclass
class Facet:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Outcome:
    query: ParsedQuery
    total: int = 0
    page: int = 1
    pages: int = 0
    results: list[Result] = field(default_factory=list)
    facets: dict[str, list[Facet]] = field(default_factory=dict)
    # The query the results are for, when the reader's found (almost) nothing
    # and a correction of it finds more ("did you mean").
    corrected: str = ""
    # The reader's own query found nothing at all (else: only a few).
    nothing_for_query: bool = False
    # ``total`` is a bound: there are more matches than were counted.
    total_is_lower_bound: bool = False


def scope_for(portal: Portal | None) -> list[int] | None:
    """Portals a reader of this portal searches: the main portal searches them all."""
    if portal is None or portal.is_main:
        return None
    return [portal.pk]


def entry_url(entry, request=None) -> str:
    """Link to an indexed item from the current portal (host, path or fallback mode)."""
    if entry.url_is_global or entry.portal_id is None or request is None:
        return entry.url
    current = getattr(request, "portal", None)
    if getattr(request, "portal_mode", "host") == "host":
        if current is not None and current.pk == entry.portal_id:
            return entry.url
        return entry.portal.site.root_url + entry.url
    return portal_url_for_site(request, entry.portal.site_id, entry.url)


def _present(entry, query: ParsedQuery, request) -> Result:
    return Result(
        kind=entry.kind,
        kind_label=str(Kind(entry.kind).label) if entry.kind in Kind.values else entry.kind,
        title=entry.title,
        title_html=highlight(entry.title, query),
        url=entry_url(entry, request),
        snippet_html=snippet(entry.body, query),
        portal=entry.portal.name if entry.portal_id else "",
        portal_slug=entry.portal.slug if entry.portal_id else "",
        date=entry.date,
        sector=entry.sector,
    )


def _facets(response: SearchResponse, data: dict) -> dict[str, list[Facet]]:
    portal_ids = [value for value, _n in response.facets.get("portal", []) if value]
    portals = {p.pk: p for p in Portal.objects.filter(pk__in=portal_ids)}
    facets = {
        "type": [
            Facet(v, str(Kind(v).label) if v in Kind.values else v, n, data.get("type") == v)
            for v, n in response.facets.get("type", [])
        ],
        "portal": [
            Facet(portals[v].slug, portals[v].name, n, data.get("portal") == portals[v].slug)
            for v, n in response.facets.get("portal", [])
            if v in portals
        ],
        "sector": [
            Facet(v, v, n, data.get("sector") == v) for v, n in response.facets.get("sector", [])
        ],
        "year": [
            Facet(str(v), str(v), n, data.get("year") == v)
            for v, n in response.facets.get("year", [])
            if v
        ],
    }
    return facets


def reader_language() -> str:
    """The language of the page being served ("vi", "en")."""
    return (translation.get_language() or "vi").split("-")[0]


def run(data: dict, *, portal: Portal | None, request=None, per_page: int = PER_PAGE) -> Outcome:
    """Search with cleaned form data (q, type, portal, sector, year, date_from,
    date_to, sort, page), in the reader's language."""
    query = ranking.prepare(data.get("q"))
    page = data.get("page") or 1
    outcome = Outcome(query=query, page=page)
    if query.is_empty:
        return outcome
    portals = []
    if data.get("portal"):
        portals = list(Portal.objects.filter(slug=data["portal"]).values_list("pk", flat=True))
        if not portals:
            return outcome
    search_request = SearchRequest(
        query=query,
        scope=scope_for(portal),
        kinds=[data["type"]] if data.get("type") else [],
        portals=portals,
        date_from=data.get("date_from"),
        date_to=data.get("date_to"),
        sector=data.get("sector") or "",
        year=data.get("year"),
        language=reader_language(),
        sort=data.get("sort") or "relevance",
        offset=(page - 1) * per_page,
        limit=per_page,
    )
    backend = get_backend()
    response = backend.search(search_request)
    if response.total == 0 and search_request.language != "vi":
        # Little is translated: a reader of the English pages finds the
        # Vietnamese items rather than nothing.
        search_request.language = None
        response = backend.search(search_request)
    if response.total < FEW_MATCHES:
        corrected = ranking.correct(query, backend)
        if corrected is not None:
            search_request.query = corrected
            retry = backend.search(search_request)
            if retry.total > response.total:
                outcome.nothing_for_query = response.total == 0
                response, query = retry, corrected
                outcome.corrected = corrected.corrected
    outcome.query = query
    outcome.total = response.total
    outcome.total_is_lower_bound = response.total_is_lower_bound
    outcome.pages = math.ceil(response.reachable / per_page)
    outcome.results = [_present(e, query, request) for e in response.entries]
    outcome.facets = _facets(response, data)
    return outcome


def suggestions(text: str, *, portal: Portal | None, request=None, limit: int = 8) -> list[dict]:
    """Titles that complete what the reader is typing (type-ahead)."""
    query = ranking.prepare(text)
    if query.is_empty or len(query.folded_phrase) < 2:
        return []
    entries = get_backend().suggest(query, scope_for(portal), limit=limit)
    return [{"title": e.title, "url": entry_url(e, request), "type": e.kind} for e in entries]
