"""Operations report page (/admin/watch/reports/) and its XLSX export."""

from __future__ import annotations

from django.template.response import TemplateResponse

from eportal.core import clock
from eportal.core import xlsx as core_xlsx
from eportal.portals import access
from eportal.watch import reports
from eportal.watch.traffic_views import bar_chart


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
        error = "Kỳ báo cáo không hợp lệ: nhập tháng (2026-11), quý (2026-Q3) hoặc năm (2026)."
        period = reports.previous_month(clock.today())
    report = reports.operations_report(portal, period) if portal else None
    if report and request.GET.get("format") == "xlsx" and not error:
        return core_xlsx.response(reports.xlsx(report), reports.xlsx_filename(report))
    context = {
        "portals": portals,
        "portal": portal,
        "report": report,
        "error": error,
        "label": label,
    }
    if report:
        context["rows"] = report.rows()
        context["chart"] = bar_chart(list(report.published.items()), width=480, height=120)
        context["rates"] = [
            {"label": label, "rate": rate, "y": 20 * i + 4, "w": 2 * (rate or 0)}
            for i, (label, rate) in enumerate(
                [
                    ("Thời hạn cập nhật (Điều 12)", report.deadlines.rate),
                    ("Câu hỏi trả lời đúng hạn", report.questions.rate),
                    ("Hồ sơ giải quyết đúng hạn", report.dossiers.rate),
                ]
            )
        ]
    return TemplateResponse(
        request, "watch/admin/reports.html", context, status=400 if error else 200
    )
