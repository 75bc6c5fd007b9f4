"""`eportal workdays`: due dates, a year's calendar, and recomputing stored deadlines."""

from datetime import date, datetime

from django.core.management.base import BaseCommand, CommandError

from eportal.workdays import services
from eportal.workdays.calendar import CalendarDay, Source, format_day

DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")


def parse_day(value: str) -> date:
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise CommandError(f"Ngày không hợp lệ: {value!r} (viết YYYY-MM-DD hoặc DD/MM/YYYY).")


def parse_count(value: str) -> int:
    try:
        count = int(value)
    except ValueError:
        count = -1
    if count < 0:
        raise CommandError(
            f"Số ngày làm việc không hợp lệ: {value!r} (phải là số nguyên không âm)."
        )
    return count


def parse_year(value: str) -> int:
    try:
        year = int(value)
    except ValueError:
        year = 0
    if not 1995 <= year <= 2100:
        raise CommandError(f"Năm không hợp lệ: {value!r} (từ 1995 đến 2100).")
    return year


def describe(status: CalendarDay) -> str:
    origin = " [điều chỉnh]" if status.source == Source.OVERRIDE else ""
    return f"  {format_day(status.day)} — {status.reason}{origin}"


class Command(BaseCommand):
    help = "Tính hạn theo ngày làm việc, xem lịch nghỉ của một năm, tính lại hạn đã lưu."
    # Calendar arithmetic needs the database, not the whole project's health.
    requires_system_checks = []

    def add_arguments(self, parser):
        subcommands = parser.add_subparsers(dest="subcommand", required=True)
        due = subcommands.add_parser(
            "due", help="Hạn = ngày làm việc thứ N sau ngày bắt đầu (ngày bắt đầu là ngày 0)."
        )
        due.add_argument("start", help="ngày bắt đầu tính, YYYY-MM-DD hoặc DD/MM/YYYY")
        due.add_argument("days", help="số ngày làm việc")
        year = subcommands.add_parser(
            "year", help="Các ngày nghỉ lễ, Tết, nghỉ bù và ngày làm bù của một năm."
        )
        year.add_argument("year")
        recompute = subcommands.add_parser(
            "recompute", help="Tính lại hạn của các mục đang mở theo lịch hiện hành."
        )
        recompute.add_argument(
            "--dry-run", action="store_true", help="chỉ liệt kê, không thay đổi gì"
        )

    def handle(self, *args, subcommand, **options):
        if subcommand == "due":
            self.due(parse_day(options["start"]), parse_count(options["days"]))
        elif subcommand == "year":
            self.year(parse_year(options["year"]))
        else:
            self.recompute(dry_run=options["dry_run"])

    def due(self, start: date, days: int) -> None:
        explanation = services.calendar().explain(start, days)
        self.stdout.write(f"Ngày bắt đầu tính: {format_day(start)} (ngày 0, không tính)")
        self.stdout.write(f"Số ngày làm việc: {days}")
        self.stdout.write(f"Hạn: {format_day(explanation.due_date)}")
        if explanation.skipped:
            self.stdout.write(f"Các ngày không tính ({len(explanation.skipped)}):")
            for status in explanation.skipped:
                self.stdout.write(describe(status))
        else:
            self.stdout.write("Không có ngày nghỉ nào xen giữa.")
        if explanation.extra_working:
            self.stdout.write(
                f"Ngày làm việc vào cuối tuần được tính ({len(explanation.extra_working)}):"
            )
            for status in explanation.extra_working:
                self.stdout.write(describe(status))

    def year(self, year: int) -> None:
        work_calendar = services.calendar()
        days_off, extra_working = work_calendar.year(year)
        total = work_calendar.working_days_between(date(year - 1, 12, 31), date(year, 12, 31))
        self.stdout.write(f"Lịch làm việc năm {year}: {total} ngày làm việc")
        self.stdout.write(f"Ngày nghỉ lễ, Tết, nghỉ bù ({len(days_off)}):")
        for status in days_off:
            self.stdout.write(describe(status))
        self.stdout.write(f"Ngày làm việc vào cuối tuần hoặc ngày lễ ({len(extra_working)}):")
        for status in extra_working:
            self.stdout.write(describe(status))
        if not extra_working:
            self.stdout.write("  (không có)")

    def recompute(self, dry_run: bool) -> None:
        moved = services.recompute_open_deadlines(dry_run=dry_run)
        if not moved:
            self.stdout.write("Hạn của mọi mục đang mở đều khớp với lịch hiện hành.")
            return
        verb = "Sẽ dời" if dry_run else "Đã dời"
        self.stdout.write(f"{verb} hạn của {len(moved)} mục:")
        for deadline, old_due, new_due in moved:
            self.stdout.write(
                f"  {deadline.content_type.app_label}.{deadline.content_type.model}"
                f" #{deadline.object_id} ({deadline.rule.code}):"
                f" {old_due:%d/%m/%Y} → {new_due:%d/%m/%Y}"
            )
        if dry_run:
            self.stdout.write("Chưa thay đổi gì (--dry-run).")
