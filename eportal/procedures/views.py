"""Views of the catalogue's routes (the list and the guide) and the context of
a procedure page. The online form and the statistics of dossiers are served
under the same pages by ``eportal.dossiers`` (see ``extensions``)."""

from __future__ import annotations

import logging
import re

from django.template.response import TemplateResponse

from eportal.core.pagination import Pager
from eportal.portals import access
from eportal.portals.models import Agency
from eportal.procedures import queries
from eportal.procedures.forms import ProcedureFilterForm
from eportal.procedures.models import Level, OnlineLevel, ProcedurePage

logger = logging.getLogger(__name__)

PER_PAGE = 20
LEGAL_NUMBER_RE = re.compile(r"\b\d+[A-Za-z]?/(?:\d{4}/)?[A-ZĐa-zđ0-9][A-ZĐa-zđ0-9\-]*")


def catalogue(index_page, request):
    """The catalogue with its filters (``?q=&linh_vuc=&co_quan=&cap=&truc_tuyen=``)."""
    portal = getattr(request, "portal", None)
    scope = queries.catalogue_scope(index_page, portal)
    form = ProcedureFilterForm.from_page(request.GET)
    results = Pager.for_request(request, form.apply(scope), PER_PAGE)
    labels = access.portals_by_home_path() if portal and portal.is_main else {}
    items = [
        {"page": procedure, "source": labels.get(access.home_path(procedure.path))}
        for procedure in results
    ]
    context = index_page.get_context(request) | {
        "items": items,
        "results": results,
        "filter_form": form,
        "sectors": sorted(set(scope.values_list("sector", flat=True))),
        "agencies": Agency.objects.filter(pk__in=scope.values("agency_id")).order_by("name"),
        "levels": Level.choices,
        "online_levels": [c for c in OnlineLevel.choices if c[0]],
        "params": request.GET,
        "show_source": bool(portal and portal.is_main),
    }
    return TemplateResponse(request, "procedures/procedure_index_page.html", context)


def guide(index_page, request):
    context = index_page.get_context(request)
    return TemplateResponse(request, "procedures/guide.html", context)


def legal_links(page: ProcedurePage, request) -> list[dict]:
    """Each legal basis line, linked to the legal document when it is on the portal."""
    try:
        from eportal.legal.lookup import find_by_number
    except ImportError:
        find_by_number = None
    result = []
    for line in page.legal_basis_list():
        url = None
        match = LEGAL_NUMBER_RE.search(line)
        if find_by_number is not None and match:
            try:
                document = find_by_number(match.group(0))
                if document is not None:
                    url = document.get_url(request)
            except Exception:  # the legal app's lookup must not break this page
                logger.exception("Legal document lookup failed for %r", match.group(0))
        result.append({"text": line, "url": url})
    return result


def procedure_context(page: ProcedurePage, request) -> dict:
    return {
        "legal_links": legal_links(page, request),
        "components": list(page.components.select_related("form")),
        "steps": page.step_list(),
    }
