"""`eportal restore ARCHIVE [--force]`: check every checksum of an archive made
by `eportal backup`, then restore it into the configured database and file
folders, which must be empty unless --force (which empties them first)."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from eportal.core import backup


class Command(BaseCommand):
    help = "Khôi phục một bản sao lưu của `eportal backup` vào cơ sở dữ liệu và thư mục trống."

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)
        parser.add_argument(
            "--force",
            action="store_true",
            help="xoá toàn bộ dữ liệu và tệp hiện có rồi khôi phục (không hỏi lại)",
        )

    def handle(self, *args, archive, force, **options):
        started = time.monotonic()
        database = dict(connections["default"].settings_dict)
        # The restore replaces what this process may have open.
        connections.close_all()
        try:
            manifest = backup.restore(archive, database, backup.file_roots(), force=force)
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        seconds = time.monotonic() - started
        files = len(manifest["members"]) - 1
        self.stdout.write(
            f"Đã khôi phục {archive.name} (tạo lúc {manifest['created_at']}): cơ sở dữ liệu "
            f"và {files} tệp, {seconds:.1f} giây."
        )
        missing, unknown = backup.pending_migrations(manifest)
        if missing:
            self.stdout.write(
                f"Mã nguồn có {len(missing)} migration mới hơn bản sao lưu: chạy `eportal migrate`."
            )
        if unknown:
            self.stdout.write(
                self.style.WARNING(
                    f"Bản sao lưu có {len(unknown)} migration mà mã nguồn này không có "
                    f"(ví dụ {unknown[0]}): hãy dùng đúng phiên bản eportal đã tạo bản sao lưu."
                )
            )
