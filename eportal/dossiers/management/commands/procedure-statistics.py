"""``eportal procedure-statistics rebuild``: recount the statistics rollup.

Saving a dossier keeps the rollup exact; run this after loading dossiers in
bulk (an import from another system, a restored backup) that bypassed it.
"""

from django.core.management.base import BaseCommand

from eportal.dossiers import rollup


class Command(BaseCommand):
    help = "Recount the monthly statistics of dossiers from the dossiers themselves."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild"])

    def handle(self, *args, action, **options):
        def progress(month):
            if options["verbosity"] > 1:
                self.stdout.write(f"{month:%m/%Y}")

        rows = rollup.rebuild(progress=progress)
        self.stdout.write(self.style.SUCCESS(f"Đã tính lại thống kê: {rows} dòng."))
