"""Statistics of dossiers per procedure, agency and month (Art. 13.2).

Everything is counted by the database in a few grouped queries with
conditional aggregates, whatever the number of dossiers:

- received: ``received_on`` in the period, by channel;
- resolved early / on time / late: ``finished_on`` in the period compared
  with the stored due date (already pushed back by the paused days);
- in progress within / past the deadline, and paused: open at the end of the
  period (or today, for a period that has not ended);
- carried over: received before the period and still open at its start;
- on-time rate: (early + on time) / resolved.
"""

from __future__ import annotations

import calendar as pycalendar
import csv
import io
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, F, Q, Sum
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from eportal.services.models import Channel, Dossier, ProcedurePage, ProcedureView

METRICS = [
    ("views", _("Lượt xem")),
    ("received_online", _("Nhận trực tuyến")),
    ("received_in_person", _("Nhận trực tiếp")),
    ("received_post", _("Nhận qua bưu chính")),
    ("received", _("Tổng nhận trong kỳ")),
    ("carried_over", _("Kỳ trước chuyển qua")),
    ("early", _("Giải quyết trước hạn")),
    ("on_time", _("Giải quyết đúng hạn")),
    ("late", _("Giải quyết quá hạn")),
    ("resolved", _("Tổng đã giải quyết")),
    ("within", _("Đang giải quyết trong hạn")),
    ("overdue", _("Đang giải quyết quá hạn")),
    ("paused", _("Tạm dừng (chờ bổ sung, nghĩa vụ tài chính)")),
    ("on_time_rate", _("Tỷ lệ đúng hạn (%)")),
]
COUNTED = [key for key, _label in METRICS if key not in ("views", "on_time_rate")]


def month_start(day: date) -> date:
    return day.replace(day=1)


def month_end(day: date) -> date:
    return day.replace(day=pycalendar.monthrange(day.year, day.month)[1])


def parse_month(value: str | None) -> date | None:
    """Parse ``YYYY-MM`` (or ``YYYY-MM-DD``); None when absent or malformed."""
    if not value:
        return None
    try:
        parts = [int(p) for p in value.strip().split("-")]
        if len(parts) == 2:
            return date(parts[0], parts[1], 1)
        if len(parts) == 3:
            return date(parts[0], parts[1], parts[2])
    except (ValueError, TypeError):
        return None
    return None


def _aggregates(start: date, end: date, as_of: date) -> dict:
    received = Q(received_on__gte=start, received_on__lte=end)
    resolved = Q(finished_on__gte=start, finished_on__lte=end)
    open_at = Q(received_on__lte=as_of) & (Q(closed_on__isnull=True) | Q(closed_on__gt=as_of))
    return {
        "received_online": Count("pk", filter=received & Q(channel=Channel.ONLINE)),
        "received_in_person": Count("pk", filter=received & Q(channel=Channel.IN_PERSON)),
        "received_post": Count("pk", filter=received & Q(channel=Channel.POST)),
        "carried_over": Count(
            "pk",
            filter=Q(received_on__lt=start) & (Q(closed_on__isnull=True) | Q(closed_on__gte=start)),
        ),
        "early": Count("pk", filter=resolved & Q(finished_on__lt=F("due_date"))),
        "on_time": Count("pk", filter=resolved & Q(finished_on=F("due_date"))),
        "late": Count("pk", filter=resolved & Q(finished_on__gt=F("due_date"))),
        "within": Count("pk", filter=open_at & (Q(due_date__isnull=True) | Q(due_date__gte=as_of))),
        "overdue": Count("pk", filter=open_at & Q(due_date__lt=as_of)),
        "paused": Count("pk", filter=open_at & Q(paused_since__isnull=False)),
    }


def _finish(values: dict) -> dict:
    values = {key: values.get(key) or 0 for key in COUNTED + ["views"]}
    values["received"] = (
        values["received_online"] + values["received_in_person"] + values["received_post"]
    )
    values["resolved"] = values["early"] + values["on_time"] + values["late"]
    values["on_time_rate"] = (
        round(100 * (values["early"] + values["on_time"]) / values["resolved"], 1)
        if values["resolved"]
        else None
    )
    return values


@dataclass
class Row:
    label: str
    code: str = ""
    agency: str = ""
    procedure_id: int | None = None
    values: dict = field(default_factory=dict)


@dataclass
class Report:
    start: date
    end: date
    as_of: date
    totals: dict
    procedures: list[Row]
    agencies: list[Row]
    months: list[dict]

    def metric_labels(self):
        return METRICS


def build_report(
    *,
    start: date,
    end: date,
    portal=None,
    agency_id: int | None = None,
    procedure_code: str = "",
) -> Report:
    """Count the dossiers of a portal (None: every portal) in [start, end]."""
    if end < start:
        start, end = end, start
    as_of = min(end, timezone.localdate())
    scope = Q()
    view_scope = Q()
    if portal is not None and not portal.is_main:
        scope &= Q(portal=portal)
        view_scope &= Q(procedure__path__startswith=portal.site.root_page.path)
    if agency_id:
        scope &= Q(agency_id=agency_id)
        view_scope &= Q(procedure__agency_id=agency_id)
    if procedure_code:
        scope &= Q(procedure_code=procedure_code)
        view_scope &= Q(procedure__code=procedure_code)
    relevant = Q(received_on__lte=end) & (Q(closed_on__isnull=True) | Q(closed_on__gte=start))
    grouped = (
        Dossier.objects.filter(scope & relevant)
        .values("procedure_id", "agency_id")
        .annotate(**_aggregates(start, end, as_of))
        .order_by()
    )
    views = dict(
        ProcedureView.objects.filter(view_scope, month__gte=month_start(start), month__lte=end)
        .values("procedure_id")
        .annotate(n=Sum("count"))
        .order_by()
        .values_list("procedure_id", "n")
    )
    by_procedure: dict[int | None, dict] = {}
    agency_of: dict[int | None, int] = {}
    for item in grouped:
        key = item["procedure_id"]
        agency_of[key] = item["agency_id"]
        bucket = by_procedure.setdefault(key, dict.fromkeys(COUNTED, 0))
        for metric in COUNTED:
            if metric in item:
                bucket[metric] += item[metric]
    for procedure_id, count in views.items():
        by_procedure.setdefault(procedure_id, dict.fromkeys(COUNTED, 0))["views"] = count
    pages = {
        p.pk: p
        for p in ProcedurePage.objects.filter(pk__in=[k for k in by_procedure if k]).select_related(
            "agency"
        )
    }
    from eportal.portals.models import Agency

    agencies = {a.pk: a for a in Agency.objects.all()}
    procedures, agency_rows = [], {}
    totals = dict.fromkeys(COUNTED + ["views"], 0)
    for procedure_id, values in by_procedure.items():
        page = pages.get(procedure_id)
        agency_id_ = page.agency_id if page else agency_of.get(procedure_id)
        agency = agencies.get(agency_id_)
        row = Row(
            label=page.title if page else str(_("Thủ tục không còn trên cổng")),
            code=page.code if page else "",
            agency=agency.name if agency else "",
            procedure_id=procedure_id,
            values=_finish(values),
        )
        procedures.append(row)
        agency_bucket = agency_rows.setdefault(
            agency_id_, Row(label=agency.name if agency else "—", values=dict.fromkeys(totals, 0))
        )
        for metric in totals:
            agency_bucket.values[metric] += values.get(metric, 0)
            totals[metric] += values.get(metric, 0)
    for row in agency_rows.values():
        row.values = _finish(row.values)
    procedures.sort(key=lambda r: (-r.values["received"], -r.values["views"], r.label))
    return Report(
        start=start,
        end=end,
        as_of=as_of,
        totals=_finish(totals),
        procedures=procedures,
        agencies=sorted(agency_rows.values(), key=lambda r: r.label),
        months=_months(scope, start, end),
    )


def _month_starts(start: date, end: date) -> list[date]:
    months, cursor = [], month_start(start)
    while cursor <= end:
        months.append(cursor)
        cursor = date(cursor.year + (cursor.month == 12), cursor.month % 12 + 1, 1)
    return months


def _months(scope: Q, start: date, end: date) -> list[dict]:
    """Received, resolved on time and late per month, in one pass.

    Plain date ranges per month rather than TruncMonth: on SQLite the latter is
    a Python function called for every row, many times slower.
    """
    months = _month_starts(start, end)
    aggregates = {}
    for i, first in enumerate(months):
        last = min(month_end(first), end)
        lower = max(first, start)
        received = Q(received_on__gte=lower, received_on__lte=last)
        finished = Q(finished_on__gte=lower, finished_on__lte=last)
        aggregates[f"r{i}"] = Count("pk", filter=received)
        aggregates[f"o{i}"] = Count("pk", filter=finished & Q(finished_on__lte=F("due_date")))
        aggregates[f"l{i}"] = Count("pk", filter=finished & Q(finished_on__gt=F("due_date")))
    rows = Q(received_on__gte=start, received_on__lte=end) | Q(
        finished_on__gte=start, finished_on__lte=end
    )
    values = Dossier.objects.filter(scope & rows).aggregate(**aggregates) if aggregates else {}
    return [
        {
            "month": first,
            "received": values.get(f"r{i}") or 0,
            "on_time": values.get(f"o{i}") or 0,
            "late": values.get(f"l{i}") or 0,
        }
        for i, first in enumerate(months)
    ]


def bar_chart(months: list[dict], *, title: str) -> str:
    """A server-side SVG bar chart of received and resolved dossiers per month.

    Written by hand: three rectangles per month need no chart library. The
    same numbers are in the text table next to it.
    """
    width, height, pad, bottom = 640, 240, 36, 30
    peak = max([1] + [max(m["received"], m["on_time"] + m["late"]) for m in months])
    slot = (width - pad - 8) / max(1, len(months))
    bar = max(2.0, slot / 3 - 2)
    scale = (height - bottom - 12) / peak
    parts = [
        f'<svg class="svc-chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="chart-title" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="chart-title">{escape(title)}</title>',
        f'<line x1="{pad}" y1="{height - bottom}" x2="{width}" y2="{height - bottom}" stroke="#555"/>',
        f'<text x="{pad - 4}" y="16" text-anchor="end" font-size="11">{peak}</text>',
        f'<text x="{pad - 4}" y="{height - bottom}" text-anchor="end" font-size="11">0</text>',
    ]
    for i, m in enumerate(months):
        x = pad + 4 + i * slot
        base = height - bottom
        h_rec = m["received"] * scale
        h_on = m["on_time"] * scale
        h_late = m["late"] * scale
        parts.append(
            f'<rect x="{x:.1f}" y="{base - h_rec:.1f}" width="{bar:.1f}" height="{h_rec:.1f}" fill="#1f5fa8"/>'
        )
        parts.append(
            f'<rect x="{x + bar + 1:.1f}" y="{base - h_on:.1f}" width="{bar:.1f}" height="{h_on:.1f}" fill="#2e7d32"/>'
        )
        parts.append(
            f'<rect x="{x + 2 * bar + 2:.1f}" y="{base - h_late:.1f}" width="{bar:.1f}" height="{h_late:.1f}" fill="#b00020"/>'
        )
        parts.append(
            f'<text x="{x + 1.5 * bar:.1f}" y="{height - 12}" text-anchor="middle" font-size="10">'
            f"{m['month']:%m/%y}</text>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - built from numbers and escaped text


def export_rows(report: Report) -> tuple[list[str], list[list]]:
    header = [str(_("Mã thủ tục")), str(_("Tên thủ tục")), str(_("Cơ quan"))] + [
        str(label) for _key, label in METRICS
    ]
    rows = [
        [row.code, row.label, row.agency] + [row.values.get(key) for key, _label in METRICS]
        for row in report.procedures
    ]
    rows.append(["", str(_("Tổng cộng")), ""] + [report.totals.get(k) for k, _l in METRICS])
    return header, rows


def to_csv(report: Report) -> bytes:
    header, rows = export_rows(report)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_xlsx(report: Report) -> bytes:
    from openpyxl import Workbook

    header, rows = export_rows(report)
    book = Workbook()
    sheet = book.active
    sheet.title = "Thong ke"
    sheet.append([f"{report.start:%d/%m/%Y} – {report.end:%d/%m/%Y}"])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
