"""`eportal schedules remind`: open a deadline item for each portal whose
schedule for next week is not published by the configured weekday (Art. 12 style)."""

from django.core.management.base import BaseCommand, CommandError

from eportal.organisation import services
from eportal.workdays.management.commands.workdays import parse_day


class Command(BaseCommand):
    help = "Nhắc Ban Biên tập đăng lịch công tác tuần sau (chạy mỗi giờ, không mở trùng)."

    def add_arguments(self, parser):
        subcommands = parser.add_subparsers(dest="subcommand", required=True)
        remind = subcommands.add_parser(
            "remind",
            help="Từ ngày trong tuần đã cấu hình (mặc định thứ Sáu), mở một mục thời hạn "
            "cho cổng chưa đăng lịch công tác tuần sau.",
        )
        remind.add_argument("--today", help="tính như hôm nay là ngày này (YYYY-MM-DD)")

    def handle(self, *args, subcommand, **options):
        if subcommand != "remind":
            raise CommandError(f"Lệnh con không hợp lệ: {subcommand}")
        today = parse_day(options["today"]) if options.get("today") else None
        opened = services.remind(today)
        for deadline in opened:
            self.stdout.write(f"{deadline.portal}: hạn {deadline.due_date:%d/%m/%Y}")
        self.stdout.write(f"Đã mở {len(opened)} mục nhắc lịch công tác tuần sau.")
