"""Operations reports (Art. 22.7, 24.8): what a portal did in a month, a
quarter or a year, computed from the records themselves."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import F, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Period:
    label: str  # "2026-11", "2026-Q3", "2026"
    start: date
    end: date  # exclusive

    @property
    def title(self) -> str:
        if "Q" in self.label:
            year, q = self.label.split("-Q")
            return _("Quý %(quarter)s/%(year)s") % {"quarter": q, "year": year}
        if "-" in self.label:
            return _("Tháng %(month)s") % {"month": f"{self.start:%m/%Y}"}
        return _("Năm %(year)s") % {"year": self.label}

    @property
    def last_day(self) -> date:
        return self.end - timedelta(days=1)

    def aware(self, day: date) -> datetime:
        return timezone.make_aware(datetime.combine(day, time.min))


def parse_period(text: str) -> Period:
    """``2026-11`` (month), ``2026-Q3`` (quarter) or ``2026`` (year); ValueError otherwise."""
    text = (text or "").strip()
    if m := re.fullmatch(r"(\d{4})-(\d{1,2})", text):
        year, month = int(m[1]), int(m[2])
        if not 1 <= month <= 12:
            raise ValueError(text)
        end = date(year + month // 12, month % 12 + 1, 1)
        return Period(f"{year}-{month:02d}", date(year, month, 1), end)
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", text, flags=re.IGNORECASE):
        year, q = int(m[1]), int(m[2])
        start = date(year, 3 * q - 2, 1)
        end = date(year + 1, 1, 1) if q == 4 else date(year, 3 * q + 1, 1)
        return Period(f"{year}-Q{q}", start, end)
    if re.fullmatch(r"\d{4}", text):
        year = int(text)
        return Period(text, date(year, 1, 1), date(year + 1, 1, 1))
    raise ValueError(text)


def previous_month(today: date) -> Period:
    first = today.replace(day=1)
    year, month = (first.year, first.month - 1) if first.month > 1 else (first.year - 1, 12)
    return parse_period(f"{year}-{month:02d}")


@dataclass
class Counted:
    received: int = 0
    done: int = 0
    on_time: int = 0

    @property
    def rate(self) -> int | None:
        return round(100 * self.on_time / self.done) if self.done else None


@dataclass
class OperationsReport:
    portal: object
    period: Period
    published: dict[str, int] = field(default_factory=dict)  # content type name → pages
    deadlines: Counted = field(default_factory=Counted)  # Art. 12: due in period
    questions: Counted = field(default_factory=Counted)
    dossiers: Counted = field(default_factory=Counted)
    consultations_opened: int = 0
    consultations_closed: int = 0
    visits: int = 0

    def rows(self) -> list[tuple[str, object]]:
        """The figures as (label, value) lines, the same in the page, XLSX and mail."""
        out = [(_("Đăng mới: %(type)s") % {"type": name}, n) for name, n in self.published.items()]
        for label, c, what in (
            (_("Thời hạn cập nhật (Điều 12)"), self.deadlines, _("đến hạn")),
            (_("Câu hỏi"), self.questions, _("tiếp nhận")),
            (_("Hồ sơ dịch vụ công"), self.dossiers, _("tiếp nhận")),
        ):
            out += [
                (f"{label}: {what}", c.received),
                (f"{label}: {_('đã hoàn thành')}", c.done),
                (f"{label}: {_('đúng hạn')}", c.on_time),
                (f"{label}: {_('tỷ lệ đúng hạn (%)')}", "—" if c.rate is None else c.rate),
            ]
        out += [
            (_("Lấy ý kiến: mở"), self.consultations_opened),
            (_("Lấy ý kiến: kết thúc"), self.consultations_closed),
            (_("Lượt xem trang"), self.visits),
        ]
        return out


def _published_types():
    from eportal.consultations.models import ConsultationPage
    from eportal.legal.models import LegalDocumentPage
    from eportal.news.models import ArticlePage

    return [
        (_("Tin bài"), ArticlePage),
        (_("Văn bản quy phạm, chỉ đạo điều hành"), LegalDocumentPage),
        (_("Dự thảo lấy ý kiến"), ConsultationPage),
    ]


def operations_report(portal, period: Period) -> OperationsReport:
    from eportal.consultations.models import ConsultationPage
    from eportal.dossiers.models import Dossier
    from eportal.qa.models import Question
    from eportal.watch.models import PageViewDay
    from eportal.workdays.models import Deadline

    start, end = period.aware(period.start), period.aware(period.end)
    report = OperationsReport(portal, period)
    home = portal.home_page
    for name, model in _published_types():
        report.published[name] = (
            model.objects.live()
            .descendant_of(home, inclusive=True)
            .filter(first_published_at__gte=start, first_published_at__lt=end)
            .count()
        )

    due = Deadline.objects.filter(
        portal=portal, due_date__gte=period.start, due_date__lt=period.end
    )
    report.deadlines = Counted(
        received=due.count(),
        done=due.filter(completed_on__isnull=False).count(),
        on_time=due.filter(completed_on__lte=F("due_date")).count(),
    )

    questions = Question.objects.filter(portal=portal)
    answered = questions.filter(answered_at__gte=start, answered_at__lt=end)
    report.questions = Counted(
        received=questions.filter(received_at__gte=start, received_at__lt=end).count(),
        done=answered.count(),
        on_time=sum(
            1
            for at, due_date in answered.values_list("answered_at", "due_date")
            if due_date is None or timezone.localdate(at) <= due_date
        ),
    )

    dossiers = Dossier.objects.filter(portal=portal)
    finished = dossiers.filter(finished_on__gte=period.start, finished_on__lt=period.end)
    report.dossiers = Counted(
        received=dossiers.filter(received_on__gte=period.start, received_on__lt=period.end).count(),
        done=finished.count(),
        on_time=finished.filter(
            Q(due_date__isnull=True) | Q(finished_on__lte=F("due_date"))
        ).count(),
    )

    consultations = ConsultationPage.objects.live().descendant_of(home, inclusive=True)
    report.consultations_opened = consultations.filter(
        opens_at__gte=start, opens_at__lt=end
    ).count()
    report.consultations_closed = consultations.filter(
        closes_at__gte=start, closes_at__lt=end
    ).count()
    report.visits = (
        PageViewDay.objects.filter(
            portal=portal, day__gte=period.start, day__lt=period.end
        ).aggregate(n=Sum("views"))["n"]
        or 0
    )
    return report


def xlsx(report: OperationsReport) -> bytes:
    from eportal.core import xlsx as core_xlsx

    return core_xlsx.workbook(
        _("Báo cáo vận hành"),
        [_("Chỉ tiêu"), _("Số liệu")],
        report.rows(),
        heading=[_("Báo cáo vận hành %(portal)s") % {"portal": report.portal}, report.period.title],
        widths=(60, 14),
    )


def xlsx_filename(report: OperationsReport) -> str:
    return f"bao-cao-van-hanh-{report.portal.slug}-{report.period.label}.xlsx"


def charts(report: OperationsReport) -> dict:
    """Geometry of the report's two SVG charts: content published by type and
    the on-time rates (the admin page and the PDF draw the same)."""
    from eportal.watch.charts import bar_chart, rate_bars

    return {
        "chart": bar_chart(list(report.published.items()), width=480, height=120),
        "rates": rate_bars(
            [
                (_("Thời hạn cập nhật (Điều 12)"), report.deadlines.rate),
                (_("Câu hỏi trả lời đúng hạn"), report.questions.rate),
                (_("Hồ sơ giải quyết đúng hạn"), report.dossiers.rate),
            ]
        ),
    }


def html(report: OperationsReport) -> str:
    """The printable report (the HTML the PDF is made from)."""
    from django.template.loader import render_to_string

    from eportal.core import clock

    return render_to_string(
        "watch/print/operations_report.html",
        {"report": report, "rows": report.rows(), "today": clock.today(), **charts(report)},
    )


def pdf(report: OperationsReport) -> bytes:
    """The report as PDF (slow: only the worker or a command calls this)."""
    from eportal.core.printing import render_pdf

    return render_pdf(html(report))


def pdf_filename(report: OperationsReport) -> str:
    return f"bao-cao-van-hanh-{report.portal.slug}-{report.period.label}.pdf"


def mail_attachments(portal_ids: list[int], label: str) -> list:
    """Attachments of the monthly mail (made by the worker): an XLSX and a PDF
    per portal."""
    from eportal.portals.models import Portal

    period = parse_period(label)
    out = []
    for portal in Portal.objects.filter(pk__in=portal_ids).order_by("pk"):
        report = operations_report(portal, period)
        out.append(
            (
                xlsx_filename(report),
                xlsx(report),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
        )
        out.append((pdf_filename(report), pdf(report), "application/pdf"))
    return out
