"""`eportal backup` (daily timer, deploy/eportal-backup.timer): one archive with
the database, MEDIA_ROOT and EPORTAL_PRIVATE_ROOT, checked by its manifest;
older archives beyond --keep are removed. See eportal.core.backup."""

import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from eportal.core import backup


class Command(BaseCommand):
    help = "Sao lưu cơ sở dữ liệu và các tệp (media, tệp hồ sơ) vào một tệp nén."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            default=settings.EPORTAL_BACKUP_DIR,
            help=f"thư mục chứa bản sao lưu (mặc định {settings.EPORTAL_BACKUP_DIR})",
        )
        parser.add_argument(
            "--keep",
            type=int,
            default=settings.EPORTAL_BACKUP_KEEP,
            help=f"giữ lại N bản mới nhất (mặc định {settings.EPORTAL_BACKUP_KEEP})",
        )

    def handle(self, *args, output, keep, **options):
        started = time.monotonic()
        try:
            result = backup.create(output, keep)
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        seconds = time.monotonic() - started
        self.stdout.write(
            f"Đã sao lưu: {result.path} ({_size(result.size)}, {result.members} tệp, "
            f"{seconds:.1f} giây)."
        )
        for old in result.removed:
            self.stdout.write(f"Đã xoá bản cũ: {old.name}")


def _size(size: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return str(size)
