"""`eportal deadlines remind`: e-mail boards about deadlines due soon or missed (Art. 12)."""

from django.core.management.base import BaseCommand, CommandError

from eportal.editorial import services
from eportal.workdays.management.commands.workdays import parse_day


class Command(BaseCommand):
    help = "Nhắc Ban Biên tập các mục sắp đến hạn hoặc đã quá hạn (chạy mỗi giờ, không gửi trùng)."

    def add_arguments(self, parser):
        subcommands = parser.add_subparsers(dest="subcommand", required=True)
        remind = subcommands.add_parser(
            "remind",
            help="Gửi thư nhắc 2 ngày làm việc trước hạn và vào ngày quá hạn; mỗi nhắc gửi một lần.",
        )
        remind.add_argument("--today", help="tính như hôm nay là ngày này (YYYY-MM-DD)")

    def handle(self, *args, subcommand, **options):
        if subcommand != "remind":
            raise CommandError(f"Lệnh con không hợp lệ: {subcommand}")
        today = parse_day(options["today"]) if options.get("today") else None
        sent = services.remind(today)
        for reminder in sent:
            self.stdout.write(
                f"{reminder.get_kind_display()}: hạn {reminder.deadline.due_date:%d/%m/%Y} "
                f"→ {reminder.recipients or '(không có địa chỉ)'}"
            )
        self.stdout.write(f"Đã gửi {len(sent)} thư nhắc.")
