"""Reading the index: one search for the web page and the API.

``run(form_data, portal=...)`` scopes the search to the portal (the main
portal searches every portal, Art. 3.2d), runs it through the backend,
corrects a misspelt query when nothing matches, and labels facets.
"""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass, field

from eportal.portals.models import Portal
from eportal.portals.routing import portal_url_for_site
from eportal.search.backends import SearchRequest, SearchResponse, get_backend
from eportal.search.models import Kind
from eportal.search.text import ParsedQuery, highlight, parse_query, snippet

PER_PAGE = 10


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
    # The query the results are for, when the reader's had no match but a
    # correction of it has ("did you mean").
    corrected: str = ""


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


def correct(query: ParsedQuery) -> ParsedQuery | None:
    """The query with each unknown word replaced by the nearest indexed word, if any."""
    backend = get_backend()
    checkable = [w for w in query.folded if not any(c.isdigit() for c in w)]
    known = backend.known_words(checkable)
    changed, words = False, []
    for word in query.folded:
        if word in known or word not in checkable:
            words.append(word)
            continue
        nearest = backend.nearest_words(word, limit=1)
        if nearest:
            words.append(nearest[0])
            changed = True
        else:
            words.append(word)
    return parse_query(" ".join(words)) if changed else None


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
    }
    return facets


def run(data: dict, *, portal: Portal | None, request=None, per_page: int = PER_PAGE) -> Outcome:
    """Search with cleaned form data (q, type, portal, sector, date_from, date_to, sort, page)."""
    query = parse_query(data.get("q"))
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
        sort=data.get("sort") or "relevance",
        offset=(page - 1) * per_page,
        limit=per_page,
    )
    backend = get_backend()
    response = backend.search(search_request)
    if response.total == 0:
        corrected = correct(query)
        if corrected is not None:
            search_request.query = corrected
            retry = backend.search(search_request)
            if retry.total:
                response, query = retry, corrected
                outcome.corrected = corrected.text
    outcome.total = response.total
    outcome.pages = math.ceil(response.total / per_page)
    outcome.results = [_present(e, query, request) for e in response.entries]
    outcome.facets = _facets(response, data)
    return outcome


def suggestions(text: str, *, portal: Portal | None, request=None, limit: int = 8) -> list[dict]:
    """Titles that complete what the reader is typing (type-ahead)."""
    query = parse_query(text)
    if query.is_empty or len(query.folded_phrase) < 2:
        return []
    entries = get_backend().suggest(query, scope_for(portal), limit=limit)
    return [{"title": e.title, "url": entry_url(e, request), "type": e.kind} for e in entries]
