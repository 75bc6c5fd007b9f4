"""`eportal prune-audit` (daily): remove audit log entries older than
EPORTAL_AUDIT_RETENTION_DAYS. Idempotent."""

from django.core.management.base import BaseCommand

from eportal.watch import audit


class Command(BaseCommand):
    help = "Remove audit log entries older than the retention period."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="override the retention period")

    def handle(self, *args, days=None, **options):
        removed = audit.prune(days)
        self.stdout.write(f"Đã xóa {removed} mục nhật ký quá thời hạn lưu giữ.")
