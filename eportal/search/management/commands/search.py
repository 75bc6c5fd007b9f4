"""`eportal search reindex`: rebuild the search index, with a progress bar."""

import sys
import time

from django.core.management.base import BaseCommand

from eportal.search import services

BAR_WIDTH = 30


class ProgressBar:
    """A one-line text progress bar, redrawn at most ten times a second."""

    def __init__(self, stream):
        self.stream = stream
        self.last = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self.last < 0.1:
            return
        self.last = now
        filled = BAR_WIDTH * done // total if total else BAR_WIDTH
        percent = 100 * done // total if total else 100
        self.stream.write(
            f"\r[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {percent:3d}% {done}/{total}"
        )
        self.stream.flush()


class Command(BaseCommand):
    help = "Tìm kiếm: dựng lại chỉ mục tìm kiếm (reindex)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        reindex = sub.add_parser("reindex", help="Dựng lại toàn bộ chỉ mục tìm kiếm.")
        reindex.add_argument(
            "--no-progress", action="store_true", help="Không hiển thị thanh tiến độ."
        )

    def handle(self, *args, action, **options):
        started = time.monotonic()
        progress = None if options["no_progress"] else ProgressBar(self.stdout)
        count = services.reindex(progress=progress)
        if progress:
            self.stdout.write("")
        elapsed = time.monotonic() - started
        self.stdout.write(
            self.style.SUCCESS(f"Đã lập chỉ mục {count} mục trong {elapsed:.1f} giây.")
        )
        sys.stdout.flush()
