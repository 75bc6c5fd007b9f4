"""Operations report page (/admin/watch/reports/) and its XLSX and PDF exports.

The XLSX is quick and made in the request; the PDF is made by the worker
(``printing.serve_pdf``): the first request queues it and shows a page that
reloads itself until the file is ready, then the file is served from private
storage."""

from __future__ import annotations

from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from eportal.core import clock
from eportal.core import xlsx as core_xlsx
from eportal.core.printing import serve_pdf
from eportal.portals import access
from eportal.watch import reports


def operations_report(request):
    access.require(request.user, "watch.view")
    portals = list(access.portals(request.user, "watch.view").order_by("pk"))
    chosen = request.GET.get("portal", "")
    portal = next((p for p in portals if str(p.pk) == chosen), portals[0] if portals else None)
    label = request.GET.get("period") or reports.previous_month(clock.today()).label
    error = ""
    try:
        period = reports.parse_period(label)
    except ValueError:
        error = _("Kỳ báo cáo không hợp lệ: nhập tháng (2026-11), quý (2026-Q3) hoặc năm (2026).")
        period = reports.previous_month(clock.today())
    report = reports.operations_report(portal, period) if portal else None
    if report and request.GET.get("format") == "xlsx" and not error:
        return core_xlsx.response(reports.xlsx(report), reports.xlsx_filename(report))
    if report and request.GET.get("format") == "pdf" and not error:
        return serve_pdf(request, reports.html(report), reports.pdf_filename(report), inline=False)
    context = {
        "portals": portals,
        "portal": portal,
        "report": report,
        "error": error,
        "label": label,
    }
    if report:
        context["rows"] = report.rows()
        context |= reports.charts(report)
    return TemplateResponse(
        request, "watch/admin/reports.html", context, status=400 if error else 200
    )
