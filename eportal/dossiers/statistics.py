"""Statistics of dossiers per procedure, agency and month (Art. 13.2).

What each figure means:

- received: ``received_on`` in the period, by channel;
- resolved early / on time / late: ``finished_on`` in the period compared
  with the stored due date (already pushed back by the paused days);
- in progress within / past the deadline, and paused: open at the end of the
  period (or today, for a period that has not ended);
- carried over: received before the period and still open at its start;
- on-time rate: (early + on time) / resolved.

Where the numbers come from, so that a page costs the same with a hundred
dossiers or millions: the flows of whole months (received, closed, resolved)
from the monthly rollup (``rollup.py``), the partial months at the edges of a
period given in days from the dossiers by date range; carried over as the
running sum of received minus closed; the stocks on the last day from the
dossiers open that day only.
"""

from __future__ import annotations

import calendar as pycalendar
import csv
import io
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Count, F, OuterRef, Q, Subquery, Sum
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from eportal.core import clock, xlsx
from eportal.dossiers import rollup
from eportal.dossiers.models import Dossier, DossierEvent, DossierMonthStat, Status
from eportal.procedures.models import ProcedurePage, ProcedureView

ONE_DAY = timedelta(days=1)
# Waiting for the applicant's documents or payment: the clock is stopped.
PAUSED = (Status.SUPPLEMENT_REQUESTED, Status.PAYMENT_REQUESTED)

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

    def cells(self) -> list:
        """The values in the order of METRICS, a missing rate as a dash."""
        return ["—" if self.values.get(key) is None else self.values[key] for key, _l in METRICS]


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
    """Count the dossiers of a portal (None or the main portal: every portal)
    over the days [start, end]."""
    if end < start:
        start, end = end, start
    as_of = min(end, clock.today())
    # The rollup and the dossiers share these field names: one scope for both.
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
    by = ("procedure_id", "agency_id")
    by_procedure: dict[int | None, dict] = {}
    agency_of: dict[int | None, int] = {}

    def bucket(key: tuple) -> dict:
        procedure_id, agency = key
        agency_of.setdefault(procedure_id, agency)
        return by_procedure.setdefault(procedure_id, dict.fromkeys(COUNTED, 0))

    flows_by_month = _flows(scope, start, end)
    for (procedure_id, agency, _month), flows in flows_by_month.items():
        values = bucket((procedure_id, agency))
        for name in ("received_online", "received_in_person", "received_post"):
            values[name] += flows[name]
        for name in ("early", "on_time", "late"):
            values[name] += flows[name]
    for key, count in _carried_over(scope, start, by).items():
        if count:
            bucket(key)["carried_over"] += count
    for key, stock in _open_on(scope, as_of, by).items():
        values = bucket(key)
        for name in ("within", "overdue", "paused"):
            values[name] += stock[name]
    views = dict(
        ProcedureView.objects.filter(view_scope, month__gte=month_start(start), month__lte=end)
        .values("procedure_id")
        .annotate(n=Sum("count"))
        .order_by()
        .values_list("procedure_id", "n")
    )
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
        months=_months(flows_by_month, start, end),
    )


def _next_month(day: date) -> date:
    return date(day.year + (day.month == 12), day.month % 12 + 1, 1)


def split_period(
    start: date, end: date
) -> tuple[tuple[date, date] | None, list[tuple[date, date]]]:
    """Split the days [start, end] into whole months, as (first, last) month
    starts read from the rollup, and the partial months at either edge, as day
    ranges counted from the dossiers."""
    first_whole = start if start.day == 1 else _next_month(start)
    last_whole = (
        month_start(end) if end == month_end(end) else month_start(month_start(end) - ONE_DAY)
    )
    if first_whole > last_whole:
        if month_start(start) == month_start(end):
            return None, [(start, end)]
        return None, [(start, month_end(start)), (month_start(end), end)]
    partial = []
    if start.day != 1:
        partial.append((start, month_end(start)))
    if end != month_end(end):
        partial.append((month_start(end), end))
    return (first_whole, last_whole), partial


def _flows(scope: Q, start: date, end: date) -> dict[tuple, dict]:
    """Each flow over [start, end] per (procedure_id, agency_id, month)."""
    whole, partial = split_period(start, end)
    results: dict[tuple, dict] = defaultdict(lambda: dict.fromkeys(rollup.FLOWS, 0))

    def add(key, item):
        for name in rollup.FLOWS:
            results[key][name] += item[name] or 0

    if whole is not None:
        rows = (
            DossierMonthStat.objects.filter(scope, month__gte=whole[0], month__lte=whole[1])
            .values("procedure_id", "agency_id", "month")
            .annotate(**{name: Sum(name) for name in rollup.FLOWS})
            .order_by()
        )
        for item in rows:
            add((item["procedure_id"], item["agency_id"], item["month"]), item)
    for lo, hi in partial:
        rows = (
            Dossier.objects.filter(scope & rollup.touching(lo, hi))
            .values("procedure_id", "agency_id")
            .annotate(**rollup.flow_aggregates(lo, hi))
            .order_by()
        )
        for item in rows:
            add((item["procedure_id"], item["agency_id"], month_start(lo)), item)
    return results


def _carried_over(scope: Q, start: date, by: tuple[str, ...]) -> dict[tuple, int]:
    """Dossiers received before ``start`` and still open on it: everything
    received before it minus everything closed before it."""
    first = month_start(start)
    results: dict[tuple, int] = defaultdict(int)
    balance = F("received_online") + F("received_in_person") + F("received_post") - F("closed")
    rows = (
        DossierMonthStat.objects.filter(scope, month__lt=first)
        .values(*by)
        .annotate(n=Sum(balance))
        .order_by()
    )
    for item in rows:
        results[tuple(item[field] for field in by)] += item["n"] or 0
    if start > first:
        lo, hi = first, start - ONE_DAY
        rows = (
            Dossier.objects.filter(scope & rollup.touching(lo, hi))
            .values(*by)
            .annotate(
                r=Count("pk", filter=Q(received_on__gte=lo, received_on__lte=hi)),
                c=Count("pk", filter=Q(closed_on__gte=lo, closed_on__lte=hi)),
            )
            .order_by()
        )
        for item in rows:
            results[tuple(item[field] for field in by)] += item["r"] - item["c"]
    return results


def _open_on(scope: Q, as_of: date, by: tuple[str, ...]) -> dict[tuple, dict]:
    """Dossiers open at the end of ``as_of``: within or past the deadline, and
    paused (waiting for documents or payment) on that day."""
    results: dict[tuple, dict] = defaultdict(lambda: {"within": 0, "overdue": 0, "paused": 0})
    within = Q(due_date__isnull=True) | Q(due_date__gte=as_of)
    if as_of >= clock.today():
        # Today: a dossier is closed on the day it closes, never later, so the
        # open ones are those without a closing day (a covering index).
        # Counting received_on (never NULL, in the index) rather than the
        # primary key lets PostgreSQL answer from the index alone.
        rows = (
            Dossier.objects.filter(scope, closed_on__isnull=True)
            .values(*by)
            .annotate(
                within=Count("received_on", filter=within),
                overdue=Count("received_on", filter=Q(due_date__lt=as_of)),
                paused=Count("received_on", filter=Q(paused_since__isnull=False)),
            )
            .order_by()
        )
        for item in rows:
            results[tuple(item[field] for field in by)].update(
                within=item["within"], overdue=item["overdue"], paused=item["paused"]
            )
        return results
    # A past day. The status a dossier had then is that of its last step
    # before the day ended; its clock stopped only if it had been accepted.
    day_end = timezone.make_aware(datetime.combine(as_of + ONE_DAY, time.min))
    status_then = Subquery(
        DossierEvent.objects.filter(dossier=OuterRef("pk"), at__lt=day_end)
        .order_by("-at", "-pk")
        .values("to_status")[:1]
    )
    # Open then: still open now, or closed since. Read row by row and summed
    # here: a grouped query leads SQLite to scan the whole table for the
    # second range, and the dossiers in progress on one day are few.
    for part in (Q(closed_on__isnull=True), Q(closed_on__gt=as_of)):
        rows = (
            Dossier.objects.filter(scope & part, received_on__lte=as_of)
            .annotate(status_then=status_then)
            .values_list(*by, "due_date", "accepted_on", "status_then")
            .order_by()
        )
        for *key, due_date, accepted_on, status in rows:
            values = results[tuple(key)]
            if due_date is None or due_date >= as_of:
                values["within"] += 1
            else:
                values["overdue"] += 1
            if accepted_on is not None and accepted_on <= as_of and status in PAUSED:
                values["paused"] += 1
    return results


def _months(flows: dict[tuple, dict], start: date, end: date) -> list[dict]:
    """Received, resolved on time (early included) and late, per month."""
    months = {
        first: {"month": first, "received": 0, "on_time": 0, "late": 0}
        for first in _month_starts(start, end)
    }
    for (_procedure, _agency, first), values in flows.items():
        month = months[first]
        month["received"] += (
            values["received_online"] + values["received_in_person"] + values["received_post"]
        )
        month["on_time"] += values["early"] + values["on_time"]
        month["late"] += values["late"]
    return list(months.values())


def _month_starts(start: date, end: date) -> list[date]:
    months, cursor = [], month_start(start)
    while cursor <= end:
        months.append(cursor)
        cursor = _next_month(cursor)
    return months


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
    # Not an XSS (bandit B308/B703): built from numbers and escaped text only.
    return mark_safe("".join(parts))  # noqa: S308  # nosec


def table_rows(rows: list[Row], *, with_code: bool = False) -> str:
    """The body rows of a statistics table, built here rather than in the
    template: a year of a province is a thousand cells, and the template
    engine would spend most of the page's time on them."""
    html = []
    for row in rows:
        code = (
            format_html(' <span class="meta">({})</span>', row.code)
            if with_code and row.code
            else ""
        )
        cells = "".join(f"<td>{escape(value)}</td>" for value in row.cells())
        html.append(format_html('<tr><th scope="row">{}{}</th>', row.label, code) + cells + "</tr>")
    # Not an XSS (bandit B308/B703): every value is escaped above (escape, format_html).
    return mark_safe("".join(html))  # noqa: S308  # nosec


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
    header, rows = export_rows(report)
    *body, total = rows
    return xlsx.workbook(
        _("Thống kê"),
        header,
        [*body, xlsx.Bold(total)],
        heading=[
            _("Thống kê tình hình giải quyết hồ sơ"),
            f"{report.start:%d/%m/%Y} – {report.end:%d/%m/%Y}",
        ],
        widths=(12, 48, 32),
    )
