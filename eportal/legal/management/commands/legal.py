"""`eportal legal apply-effects [--date YYYY-MM-DD]`: bring effect statuses up to date.

Run it daily (cron or a systemd timer): a document whose effective date has
come is in force; a document replaced by one that has taken effect expires
on that day. Idempotent: a second run changes nothing.
"""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from eportal.legal.services import apply_effects


class Command(BaseCommand):
    help = "Cập nhật tình trạng hiệu lực của văn bản (chạy hằng ngày)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        effects = sub.add_parser("apply-effects", help="cập nhật tình trạng hiệu lực")
        effects.add_argument("--date", help="ngày tính (mặc định: hôm nay), YYYY-MM-DD")

    def handle(self, *args, action, **options):
        today = None
        if options.get("date"):
            try:
                today = date.fromisoformat(options["date"])
            except ValueError:
                raise CommandError("Ngày phải có dạng YYYY-MM-DD.") from None
        changes = apply_effects(today)
        for document, status, since in changes:
            label = dict(document._meta.get_field("status").choices)[status]
            self.stdout.write(f"{document.number}: {label} từ {since:%d/%m/%Y}")
        self.stdout.write(f"Đã cập nhật {len(changes)} văn bản.")
