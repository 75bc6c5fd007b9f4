"""GET /api/v1/search: the portal's search as JSON."""

import datetime

from django.core.exceptions import ValidationError
from ninja import Query, Router, Schema

from eportal.search import query
from eportal.search.forms import SearchForm

PREFIX = "search"
router = Router(tags=["Tìm kiếm"])


class Item(Schema):
    type: str
    type_label: str
    title: str
    url: str
    snippet: str
    portal: str
    date: datetime.date | None
    sector: str


class FacetValue(Schema):
    value: str
    label: str
    count: int


class Facets(Schema):
    type: list[FacetValue]
    portal: list[FacetValue]
    sector: list[FacetValue]
    year: list[FacetValue]


class SearchOut(Schema):
    query: str
    corrected_query: str
    count: int
    # True when "count" is a lower bound: more matched than were counted.
    count_is_lower_bound: bool
    page: int
    pages: int
    items: list[Item]
    facets: Facets


@router.get("", response=SearchOut, summary="Tìm kiếm toàn cổng")
def search(
    request,
    q: str = "",
    type: str = "",
    portal: str = "",
    sector: str = "",
    year: str = "",
    sort: str = "",
    page: str = "",
    date_from: str = Query("", alias="from"),
    date_to: str = Query("", alias="to"),
):
    """Search what the portal publishes (the main portal: every portal).

    ``q`` the words, with or without accents; ``type`` article, legal,
    procedure, qa, consultation, document or page; ``portal`` a portal's
    slug; ``year`` a year; ``from``/``to`` dates (YYYY-MM-DD); ``sort`` relevance or date;
    ``page`` from 1. ``snippet`` is HTML: escaped text with ``<mark>``.
    """
    form = SearchForm(
        {
            "q": q,
            "type": type,
            "portal": portal,
            "sector": sector,
            "year": year,
            "sort": sort,
            "page": page,
            "date_from": date_from,
            "date_to": date_to,
        }
    )
    if not form.is_valid():
        raise ValidationError(
            {name: [str(m) for m in messages] for name, messages in form.errors.items()}
        )
    outcome = query.run(form.cleaned_data, portal=getattr(request, "portal", None), request=request)
    return {
        "query": outcome.query.text,
        "corrected_query": outcome.corrected,
        "count": outcome.total,
        "count_is_lower_bound": outcome.total_is_lower_bound,
        "page": outcome.page,
        "pages": outcome.pages,
        "items": [
            {
                "type": r.kind,
                "type_label": r.kind_label,
                "title": r.title,
                "url": request.build_absolute_uri(r.url),
                "snippet": r.snippet_html,
                "portal": r.portal,
                "date": r.date,
                "sector": r.sector,
            }
            for r in outcome.results
        ],
        "facets": {
            name: [{"value": f.value, "label": f.label, "count": f.count} for f in facets]
            for name, facets in outcome.facets.items()
        }
        | {k: [] for k in ("type", "portal", "sector", "year") if k not in outcome.facets},
    }
