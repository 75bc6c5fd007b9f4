"""`eportal import-legal --portal SLUG FILE|FOLDER…`: import legal documents from files.

Plain text (.txt, one document as published by legal-document sites), DOCX
or PDF (one document each, the file attached), CSV or JSON (one document per
row); a folder stands for every such file in it and below it. A file or row
that fails imports nothing and is reported with its reason (CSV rows by
line); the others go on. Importing the same document again (same number and
issuer) updates it.

The operator who runs this command on the server acts as the publishing
authority of a bulk load: documents are published at once, in chunks of 500
new documents per transaction (an archive of 10,000 in about a minute), and
each import is written to the audit log (``legal.import``); the search
indexes and the links between documents follow in a background task (the
worker). With ``--draft`` they are saved as drafts, one by one, and
submitted to the portal's workflow instead, in the name of ``--user``.
"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from eportal.legal import importers, services
from eportal.portals.models import Portal


class ProgressBar:
    """A plain progress bar on a terminal; nothing when the output is not one."""

    def __init__(self, stream, step: str = "", width=30):
        self.stream = stream
        self.step = step
        self.width = width
        self.enabled = hasattr(stream, "isatty") and stream.isatty()

    def __call__(self, done, total, label):
        if not self.enabled:
            return
        filled = int(self.width * done / max(total, 1))
        bar = "#" * filled + "-" * (self.width - filled)
        name = label[-30:]
        self.stream.write(f"\r{self.step}[{bar}] {done}/{total} {name:<30}")
        if done == total:
            self.stream.write("\n")
        self.stream.flush()


class Command(BaseCommand):
    help = "Nhập văn bản pháp luật từ tệp .txt, .csv, .json vào cơ sở dữ liệu văn bản của một cổng."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE|FOLDER")
        parser.add_argument("--portal", required=True, help="nhãn của cổng, ví dụ www, sotttt")
        parser.add_argument("--user", help="tài khoản ghi vào nhật ký (mặc định: không ai)")
        parser.add_argument(
            "--draft",
            action="store_true",
            help="lưu bản nháp và gửi duyệt theo quy trình của cổng thay vì xuất bản ngay",
        )

    def handle(self, *args, files, portal, user=None, draft=False, **options):
        target = Portal.objects.filter(slug=portal).first()
        if target is None:
            raise CommandError(f"Không có cổng “{portal}”.")
        by = None
        if user:
            by = get_user_model().objects.filter(username=user).first()
            if by is None:
                raise CommandError(f"Không có tài khoản “{user}”.")
        if draft and by is None:
            raise CommandError("--draft cần --user (người gửi duyệt).")
        paths = []
        for name in files:
            path = Path(name)
            if path.is_dir():
                paths += sorted(
                    p for p in path.rglob("*") if p.is_file() and importers.kind_of(p.name)
                )
            else:
                paths.append(path)
        reading = ProgressBar(self.stderr._out, "Đọc tệp ")
        rows = []
        for done, path in enumerate(paths, 1):
            rows.extend(importers.read_file(path))
            reading(done, len(paths), path.name)
        report = importers.import_rows(
            rows,
            portal=target,
            by=by,
            publish=not draft,
            bulk=not draft,
            progress=ProgressBar(self.stderr._out, "Nhập     "),
        )
        created = sum(1 for r in report.imported if r.created)
        updated = len(report.imported) - created
        self.stdout.write(
            f"Đã nhập {len(report.imported)} văn bản vào {target.name} "
            f"({created} mới, {updated} cập nhật); lỗi: {len(report.failures)}."
        )
        for result in report.imported:
            page = result.page
            self.stdout.write(f"  ✓ {page.number} – {page.summary[:80]}")
        if draft:
            batch = services.record_batch(target, by, ", ".join(files), report.imported)
            if batch is not None:
                url = reverse("legal_import_batch", args=[batch.pk])
                self.stdout.write(f"Ban Biên tập duyệt cả lô tại {url}")
        for failure in report.failures:
            self.stderr.write(f"  ✗ {failure.label}: {failure.message}")
        if report.failures:
            raise CommandError(f"{len(report.failures)} văn bản không nhập được.", returncode=1)
