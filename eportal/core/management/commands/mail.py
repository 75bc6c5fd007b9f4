"""`eportal mail retry` (hourly): queue again the mail not sent yet;
`eportal mail status`: how many mails are queued, sent and failed."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db.models import Count

from eportal.core import mail
from eportal.core.models import OutgoingMail


class Command(BaseCommand):
    help = "Outgoing mail: queue again what is not sent yet (retry), or count it (status)."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["retry", "status"])
        parser.add_argument(
            "--older-than-minutes",
            type=int,
            default=30,
            help="retry only mail created at least this long ago (default 30)",
        )

    def handle(self, *args, action, older_than_minutes, **options):
        if action == "retry":
            count = mail.retry_unsent(timedelta(minutes=older_than_minutes))
            self.stdout.write(f"Đã xếp lại hàng đợi {count} thư chưa gửi được.")
            return
        counts = dict(OutgoingMail.objects.values_list("status").annotate(n=Count("pk")).order_by())
        for status, label in OutgoingMail.Status.choices:
            self.stdout.write(f"{label}: {counts.get(status, 0)}")
