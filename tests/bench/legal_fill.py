"""Shared by the legal benchmarks: Django set up on a benchmark database, and
documents written straight to the tables.

Importing this module sets Django up on BENCH_DATABASE_URL (a fresh SQLite
file when unset), with tasks queued in the database as in production.
"""

import os
import random
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
_tmp = tempfile.mkdtemp(prefix="legal-bench-")
os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{_tmp}/bench.sqlite3")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "eportal.settings")
os.environ.setdefault("LOG_LEVEL", "WARNING")
os.environ["EPORTAL_TASKS"] = "database"  # as in production: the worker indexes

import django  # noqa: E402

django.setup()

from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.db import transaction  # noqa: E402
from wagtail.models import Page  # noqa: E402

from eportal.core.bulk import insert_pages  # noqa: E402
from eportal.legal import services  # noqa: E402
from eportal.legal.models import LegalDocumentPage, LegalField  # noqa: E402
from eportal.legal.numbers import FORM_NAMES  # noqa: E402
from eportal.search.bulk import index_rows  # noqa: E402
from eportal.search.services import page_entry_fields  # noqa: E402
from eportal.vntext import slugify  # noqa: E402

FORMS = [("quyet-dinh", "QĐ"), ("chi-thi", "CT"), ("nghi-quyet", "NQ"), ("ke-hoach", "KH")]
ISSUERS = [
    ("Ủy ban nhân dân tỉnh Thái Bình", "UBND"),
    ("Hội đồng nhân dân tỉnh Thái Bình", "HĐND"),
    ("Sở Thông tin và Truyền thông", "STTTT"),
    ("Sở Kế hoạch và Đầu tư", "SKHĐT"),
    ("Ủy ban nhân dân huyện Quỳnh Phụ", "UBND"),
]
FIELDS = ["Công nghệ thông tin", "Đất đai", "Giáo dục", "Y tế", "Tài chính", "Giao thông"]
TOPICS = [
    "quản lý, vận hành cổng thông tin điện tử",
    "giá đất trên địa bàn tỉnh",
    "học phí đối với cơ sở giáo dục công lập",
    "phòng, chống dịch bệnh",
    "phí, lệ phí thuộc thẩm quyền của Hội đồng nhân dân tỉnh",
    "bảo đảm trật tự an toàn giao thông",
    "chuyển đổi số trong cơ quan nhà nước",
    "hỗ trợ doanh nghiệp nhỏ và vừa",
]
SIGNERS = ["Phạm Văn Xuyên", "Nguyễn Hồng Diên", "Đặng Trọng Thăng"]


def generate(n: int, seed: int = 5) -> list[dict]:
    """``n`` documents as fields (number, form, issuer, dates, trích yếu, body)."""
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        form, abbr = rng.choice(FORMS)
        issuer, issuer_abbr = rng.choice(ISSUERS)
        issued = date(2010, 1, 1) + timedelta(days=rng.randrange(16 * 365))
        topic = rng.choice(TOPICS)
        articles = "\n".join(
            f"Điều {a}. Quy định về {rng.choice(TOPICS)}\n1. Nội dung thứ nhất.\n2. Nội dung thứ hai."
            for a in range(1, rng.randint(4, 12))
        )
        rows.append(
            {
                "number": f"{i + 1:02d}/{issued.year}/{abbr}-{issuer_abbr}",
                "form": form,
                "issuer": issuer,
                "issued": issued.isoformat(),
                "effective": (issued + timedelta(days=10)).isoformat(),
                "signer": rng.choice(SIGNERS),
                "summary": f"Ban hành quy định về {topic}",
                "field": rng.choice(FIELDS),
                "body": f"Chương I\nQUY ĐỊNH CHUNG\n{articles}",
            }
        )
    return rows


@transaction.atomic
def bulk_fill(portal, rows) -> None:
    """Write documents straight to the tables (no revision or log), and their
    rows of the search index in bulk (``search.bulk``)."""
    index_page = services.index_for(portal)
    fields = {f.name: f for f in LegalField.objects.all()}
    pages = []
    for offset, row in enumerate(rows):
        if row["field"] not in fields:
            fields[row["field"]] = LegalField.objects.create(name=row["field"])
        page = LegalDocumentPage(
            title=f"{FORM_NAMES[row['form']]} {row['number']}",
            slug=f"{slugify(row['number'])}-{offset}-{len(rows)}",
            live=True,
            form=row["form"],
            number=row["number"],
            issuer=row["issuer"],
            issued=date.fromisoformat(row["issued"]),
            effective=date.fromisoformat(row["effective"]),
            signer=row["signer"],
            summary=row["summary"],
            body=row["body"],
            sector=fields[row["field"]],
            status="in_force",
            portal=portal,
        )
        page.refresh_derived()
        pages.append(page)
    insert_pages(index_page, pages)
    page_type = ContentType.objects.get_for_model(Page).pk
    by_site = {portal.site_id: portal}
    entries = ((page_type, str(p.pk), page_entry_fields(p, by_site)) for p in pages)
    index_rows(entry for entry in entries if entry[2] is not None)
