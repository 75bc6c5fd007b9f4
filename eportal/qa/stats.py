"""Statistics of questions per portal, agency and month (received, refused,
answered on time or late, open, overdue), and their XLSX export."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _

from eportal.core import clock, xlsx
from eportal.qa.models import Question

COLUMNS = ("received", "refused", "on_time", "late", "open", "overdue")


def column_labels() -> dict[str, str]:
    return {
        "received": _("Tiếp nhận"),
        "refused": _("Không tiếp nhận"),
        "on_time": _("Trả lời đúng hạn"),
        "late": _("Trả lời quá hạn"),
        "open": _("Đang xử lý"),
        "overdue": _("Đang quá hạn"),
    }


@dataclass
class Row:
    month: str
    portal: str
    agency: str
    counts: dict = field(default_factory=lambda: dict.fromkeys(COLUMNS, 0))


def compute(questions, today: date | None = None) -> list[Row]:
    """Count the questions by (month received, receiving portal, agency)."""
    today = today or clock.today()
    rows: dict[tuple, Row] = {}
    values = questions.values_list(
        "received_at",
        "portal__name",
        "agency__name",
        "status",
        "due_date",
        "promised_date",
        "answered_at",
    )
    for received_at, portal, agency, status, due, promised, answered_at in values:
        month = timezone.localtime(received_at).strftime("%Y-%m")
        key = (month, portal, agency or "")
        row = rows.get(key) or rows.setdefault(key, Row(month, portal, agency or "—"))
        row.counts["received"] += 1
        effective_due = promised or due
        if status in Question.REFUSED_STATUSES:
            row.counts["refused"] += 1
        elif status in Question.ANSWERED_STATUSES:
            answered_on = timezone.localtime(answered_at).date() if answered_at else None
            late = (
                effective_due is not None
                and answered_on is not None
                and answered_on > effective_due
            )
            row.counts["late" if late else "on_time"] += 1
        else:
            row.counts["open"] += 1
            if effective_due is not None and today > effective_due:
                row.counts["overdue"] += 1
    return sorted(rows.values(), key=lambda r: (r.month, r.portal, r.agency), reverse=True)


def totals(rows: list[Row]) -> dict:
    return {column: sum(row.counts[column] for row in rows) for column in COLUMNS}


def to_xlsx(rows: list[Row]) -> bytes:
    labels = column_labels()
    header = [_("Tháng"), _("Cổng tiếp nhận"), _("Cơ quan trả lời")] + [labels[c] for c in COLUMNS]
    body = [[row.month, row.portal, row.agency] + [row.counts[c] for c in COLUMNS] for row in rows]
    total = totals(rows)
    body.append(xlsx.Bold([_("Tổng cộng"), "", ""] + [total[c] for c in COLUMNS]))
    return xlsx.workbook(
        _("Thống kê hỏi đáp"), header, body, widths=(10, 40, 40, 12, 16, 18, 18, 14, 14)
    )
