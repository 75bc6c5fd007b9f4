"""`eportal watch-integrity` (hourly): compare the live pages with their
approved revisions and the templates and static files with the accepted
baseline; raise an alert for each difference. `--accept-files` takes the
current files as the baseline (after a deployment). Idempotent: an open alert
is updated, not raised twice."""

from django.core.management.base import BaseCommand

from eportal.watch import integrity


class Command(BaseCommand):
    help = "Integrity watch: pages vs approved revisions, templates/static files vs baseline."

    def add_arguments(self, parser):
        parser.add_argument(
            "--accept-files",
            action="store_true",
            help="take the current templates and static files as the baseline",
        )

    def handle(self, *args, accept_files=False, **options):
        if accept_files:
            count = integrity.accept_files()
            self.stdout.write(f"Đã lấy {count} tệp làm mốc.")
            return
        pages = integrity.check_pages()
        files = integrity.check_files()
        self.stdout.write(f"Trang khác bản đã duyệt: {len(pages)}; tệp khác mốc: {len(files)}.")
