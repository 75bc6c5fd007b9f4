from django.http import JsonResponse
from django.shortcuts import render
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from eportal.core.pagination import PAGE_PARAM, group_thousands, page_param
from eportal.search import query
from eportal.search.forms import SearchForm

FACET_HEADINGS = [
    ("type", _("Loại nội dung")),
    ("portal", _("Cổng thông tin")),
    ("sector", _("Lĩnh vực")),
    ("year", _("Năm")),
]


def _link(params: dict, **changes) -> str:
    """The query string of the current search with some parameters changed."""
    merged = {k: v for k, v in {**params, **changes}.items() if v not in (None, "")}
    return "?" + urlencode(merged)


def results(request):
    """/tim-kiem/?q=…: results, filters with counts, sorting, pages."""
    data = None
    if request.GET:
        # Pages are numbered by ?trang= on every public list (core.pagination).
        data = request.GET.copy()
        data["page"] = page_param(request.GET)
    form = SearchForm(data)
    outcome = None
    params = {}
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        outcome = query.run(data, portal=getattr(request, "portal", None), request=request)
        params = {
            "q": data["q"],
            "type": data["type"],
            "portal": data["portal"],
            "sector": data["sector"],
            "year": data["year"] or "",
            "from": data["date_from"].isoformat() if data["date_from"] else "",
            "to": data["date_to"].isoformat() if data["date_to"] else "",
            "sort": data["sort"] if data["sort"] == "date" else "",
        }
    show_portals = getattr(getattr(request, "portal", None), "is_main", True)
    context = {
        "form": form,
        "outcome": outcome,
        "params": params,
        "show_portals": show_portals,
        "facet_groups": _facet_groups(outcome, params, show_portals) if outcome else [],
        "total_text": group_thousands(outcome.total) if outcome else "",
        "page_links": _page_links(outcome, params) if outcome else [],
        "first_number": (outcome.page - 1) * query.PER_PAGE + 1 if outcome else 1,
        "corrected_link": _link({"q": outcome.corrected}) if outcome and outcome.corrected else "",
    }
    return render(request, "search/results.html", context)


def _facet_groups(outcome, params, show_portals):
    """The facets shown, in order, each with its heading and links (portals on
    the main portal only)."""
    links = _facet_links(outcome, params)
    return [
        {"name": name, "heading": heading, "links": links[name]}
        for name, heading in FACET_HEADINGS
        if links.get(name) and (name != "portal" or show_portals)
    ]


def _facet_links(outcome, params):
    links = {}
    for name, facets in outcome.facets.items():
        links[name] = [
            {
                "label": f.label,
                "count": f.count,
                "selected": f.selected,
                "url": _link(params, **{name: "" if f.selected else f.value, PAGE_PARAM: ""}),
            }
            for f in facets
        ]
    return links


def _page_links(outcome, params):
    if outcome.pages <= 1:
        return []
    first, last = max(1, outcome.page - 3), min(outcome.pages, outcome.page + 3)
    return [
        {"number": n, "url": _link(params, **{PAGE_PARAM: n}), "current": n == outcome.page}
        for n in range(first, last + 1)
    ]


def suggestions(request):
    """Type-ahead: titles completing ?q=, as JSON ({"items": [{title, url, type}]})."""
    text = request.GET.get("q", "")[:100]
    items = query.suggestions(text, portal=getattr(request, "portal", None), request=request)
    return JsonResponse({"items": items})
