"""`eportal qa remind` (hourly, idempotent) and `eportal qa setup` (index pages)."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from eportal.portals.models import Portal
from eportal.qa.pages import ensure_index_page
from eportal.qa.reminders import send_reminders


class Command(BaseCommand):
    help = (
        "Hỏi đáp: gửi nhắc hạn/báo quá hạn (remind) hoặc tạo trang /hoi-dap/ cho mọi cổng (setup)."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["remind", "setup"])
        parser.add_argument("--today", help="chạy như vào ngày YYYY-MM-DD (mặc định: hôm nay)")

    def handle(self, *args, action, today=None, **options):
        if action == "setup":
            for portal in Portal.objects.select_related("site"):
                _page, created = ensure_index_page(portal)
                self.stdout.write(f"{portal.slug}: {'created' if created else 'present'}")
            return
        try:
            day = date.fromisoformat(today) if today else None
        except ValueError as error:
            raise CommandError("--today phải có dạng YYYY-MM-DD") from error
        sent = send_reminders(today=day)
        for reminder in sent:
            self.stdout.write(f"{reminder.question.code}: {reminder.get_kind_display()}")
        self.stdout.write(f"{len(sent)} reminder(s) sent")
