"""Views of the catalogue's routes (list, guide, statistics) and the context of a
procedure page. Read helpers only: writes go through ``services``."""

from __future__ import annotations

import logging
import re
from datetime import date

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.models import Locale

from eportal.core import clock
from eportal.portals import access
from eportal.portals.models import Agency, Portal
from eportal.services import statistics
from eportal.services.models import Level, OnlineLevel, ProcedurePage
from eportal.vntext import fold

logger = logging.getLogger(__name__)

PER_PAGE = 20
LEGAL_NUMBER_RE = re.compile(r"\b\d+[A-Za-z]?/(?:\d{4}/)?[A-ZĐa-zđ0-9][A-ZĐa-zđ0-9\-]*")


def _request_portal(request) -> Portal | None:
    return getattr(request, "portal", None)


def catalogue_queryset(index_page, request, params):
    """Live procedures of the index's portal (all portals on the main one), filtered."""
    portal = _request_portal(request)
    qs = ProcedurePage.objects.live().public().filter(locale_id=index_page.locale_id)
    if portal is None or not portal.is_main:
        qs = qs.descendant_of(index_page)
    sector = (params.get("linh_vuc") or "").strip()
    if sector:
        qs = qs.filter(sector=sector)
    agency = (params.get("co_quan") or "").strip()
    if agency.isdigit():
        qs = qs.filter(agency_id=int(agency))
    level = params.get("cap") or ""
    if level in Level.values:
        qs = qs.filter(level=level)
    online = params.get("truc_tuyen") or ""
    if online in OnlineLevel.values and online:
        qs = qs.filter(online_level=online)
    elif online == "co":
        qs = qs.exclude(online_level="")
    elif online == "khong":
        qs = qs.filter(online_level="")
    query = (params.get("q") or "").strip()[:200]
    for word in fold(query).split():
        qs = qs.filter(search_text__contains=word)
    return qs.select_related("agency").order_by("sector", "title")


def catalogue(index_page, request):
    params = request.GET
    qs = catalogue_queryset(index_page, request, params)
    base = ProcedurePage.objects.live().public().filter(locale_id=index_page.locale_id)
    portal = _request_portal(request)
    if portal is None or not portal.is_main:
        base = base.descendant_of(index_page)
    sectors = sorted(set(base.values_list("sector", flat=True)))
    agencies = Agency.objects.filter(pk__in=base.values("agency_id")).order_by("name")
    page_obj = Paginator(qs, PER_PAGE).get_page(params.get("trang"))
    labels = access.portals_by_home_path() if portal and portal.is_main else {}
    items = []
    for procedure in page_obj.object_list:
        source = labels.get(access.home_path(procedure.path))
        items.append({"page": procedure, "source": source})
    query = params.copy()
    query.pop("trang", None)
    context = index_page.get_context(request) | {
        "items": items,
        "page_obj": page_obj,
        "sectors": sectors,
        "agencies": agencies,
        "levels": Level.choices,
        "online_levels": [c for c in OnlineLevel.choices if c[0]],
        "params": params,
        "query_string": query.urlencode(),
        "show_source": bool(portal and portal.is_main),
    }
    return TemplateResponse(request, "public_services/procedure_index_page.html", context)


def guide(index_page, request):
    context = index_page.get_context(request)
    return TemplateResponse(request, "public_services/guide.html", context)


def _report_from_params(index_page, request):
    params = request.GET
    today = clock.today()
    errors = []
    start = statistics.parse_month(params.get("tu"))
    end = statistics.parse_month(params.get("den"))
    if params.get("tu") and start is None:
        errors.append(_("Tháng bắt đầu không hợp lệ (định dạng NNNN-TT)."))
    if params.get("den") and end is None:
        errors.append(_("Tháng kết thúc không hợp lệ (định dạng NNNN-TT)."))
    start = statistics.month_start(start or date(today.year, 1, 1))
    end = statistics.month_end(end or today)
    if end < start:
        start, end = statistics.month_start(end), statistics.month_end(start)
    if (end.year - start.year) * 12 + end.month - start.month >= 36:
        errors.append(_("Chỉ thống kê tối đa 36 tháng; đã rút ngắn khoảng thời gian."))
        start = statistics.month_start(date(end.year - 3, end.month, 1).replace(day=1))
        start = date(start.year + (start.month == 12), start.month % 12 + 1, 1)
    agency = params.get("co_quan") or ""
    agency_id = int(agency) if agency.isdigit() else None
    code = (params.get("thu_tuc") or "").strip()[:50]
    report = statistics.build_report(
        start=start,
        end=end,
        portal=_request_portal(request),
        agency_id=agency_id,
        procedure_code=code,
    )
    return report, errors, agency_id, code


def statistics_view(index_page, request):
    report, errors, agency_id, code = _report_from_params(index_page, request)
    chart = statistics.bar_chart(
        report.months,
        title=_("Hồ sơ tiếp nhận, giải quyết đúng hạn và quá hạn theo tháng"),
    )
    # Agencies that implement a procedure (a small table), not a join over dossiers.
    procedures = ProcedurePage.objects.filter(locale_id=index_page.locale_id)
    portal = _request_portal(request)
    if portal is not None and not portal.is_main:
        procedures = procedures.descendant_of(index_page)
    agencies = Agency.objects.filter(pk__in=procedures.values("agency_id")).order_by("name")
    export_query = request.GET.urlencode()
    context = index_page.get_context(request) | {
        "report": report,
        "errors": errors,
        "chart": chart,
        "metrics": statistics.METRICS,
        "procedure_rows": statistics.table_rows(report.procedures, with_code=True),
        "agency_rows": statistics.table_rows(report.agencies),
        "agencies": agencies,
        "agency_id": agency_id,
        "procedure_code": code,
        "export_query": export_query,
        "start_month": f"{report.start:%Y-%m}",
        "end_month": f"{report.end:%Y-%m}",
    }
    return TemplateResponse(request, "public_services/statistics.html", context)


def statistics_export(index_page, request, fmt):
    report, _errors, _agency, _code = _report_from_params(index_page, request)
    name = f"thong-ke-thu-tuc-{report.start:%Y%m}-{report.end:%Y%m}"
    if fmt == "xlsx":
        response = HttpResponse(
            statistics.to_xlsx(report),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    else:
        response = HttpResponse(statistics.to_csv(report), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return response


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
    default = Locale.get_default()
    source = None
    outdated = False
    if page.locale_id != default.pk:
        source = page.get_translation_or_none(default)
        if (
            source is not None
            and source.last_published_at
            and page.last_published_at
            and source.last_published_at > page.last_published_at
        ):
            outdated = True
    return {
        "legal_links": legal_links(page, request),
        "translation_source": source,
        "translation_outdated": outdated,
        "components": list(page.components.select_related("form")),
        "steps": page.step_list(),
    }
