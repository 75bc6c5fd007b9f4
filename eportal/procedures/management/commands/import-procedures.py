import sys
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from eportal.portals.models import Portal
from eportal.procedures.importer import ImportFormatError, import_procedures


class Command(BaseCommand):
    help = (
        "Import a catalogue of administrative procedures (CSV, JSON or XLSX) into a portal as "
        "drafts. Every row is checked first; if any row has an error, the per-row report is "
        "printed and nothing is imported."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The .csv, .json or .xlsx file.")
        parser.add_argument(
            "--portal", required=True, help="The portal's label (slug), e.g. sotttt."
        )
        parser.add_argument(
            "--by", default="", help="Username recorded as the author of the drafts."
        )
        parser.add_argument(
            "--submit",
            action="store_true",
            help="Submit each draft to the portal's workflow (as --by).",
        )

    def handle(self, *args, **opts):
        portal = Portal.objects.filter(slug=opts["portal"]).select_related("agency", "site").first()
        if portal is None:
            raise CommandError(f"Không có cổng “{opts['portal']}”.")
        path = Path(opts["file"])
        if not path.exists():
            raise CommandError(f"Không có tệp {path}.")
        user = None
        if opts["by"]:
            user = get_user_model().objects.filter(username=opts["by"]).first()
            if user is None:
                raise CommandError(f"Không có người dùng “{opts['by']}”.")
        if opts["submit"] and user is None:
            raise CommandError("--submit cần --by (người gửi duyệt).")
        try:
            result = import_procedures(
                path,
                portal,
                by=user,
                submit_as=user if opts["submit"] else None,
                progress=self._progress,
            )
        except ImportFormatError as error:
            raise CommandError(str(error)) from error
        self.stdout.write("")
        if not result.ok:
            self.stderr.write(
                f"Có {len(result.errors)}/{result.total} dòng lỗi; chưa nhập dòng nào:"
            )
            for error in result.errors:
                for message in error.messages:
                    self.stderr.write(f"  Dòng {error.row} ({error.code or '—'}): {message}")
            raise CommandError("Nhập thất bại: sửa các dòng trên rồi chạy lại.")
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã nhập {result.total} thủ tục vào {portal.name}: {result.created} mới, "
                f"{result.updated} cập nhật (bản nháp, chờ duyệt theo quy trình của cổng)."
            )
        )

    def _progress(self, stage, done, total):
        width = 30
        filled = int(width * done / total) if total else width
        label = "Kiểm tra" if stage == "check" else "Ghi"
        bar = "#" * filled + "." * (width - filled)
        end = "\n" if done == total else ""
        if sys.stdout.isatty() or done == total or done % max(1, total // 10) == 0:
            self.stdout.write(f"\r{label} [{bar}] {done}/{total}", ending=end)
            self.stdout.flush()
