"""Legal documents benchmark: import rate, and filter latency at 10,000 documents.

    .venv/bin/python tests/bench/bench_legal_import.py [--size 10000] [--import-count 300]

Uses a fresh SQLite file (or BENCH_DATABASE_URL), migrated first. Documents
are generated in the shape of real ones (number and symbol, form, issuer,
dates, a Vietnamese summary and a full text with chapters and articles).

1. Import rate: ``--import-count`` documents are written to a CSV file and
   imported through the real importer (`importers.import_rows`, the code
   behind ``eportal import-legal``: one transaction, revision, publication,
   audit log entry and relation resolution per document). Documents per
   second are printed. ``--import-count 10000`` imports all of them this way
   (hours on a small machine).
2. Filter latency: the database is filled up to ``--size`` documents (the
   rest are written by a bulk SQL loader, not the importer), then each
   filter of the search tool (count + first page, as /van-ban/ runs it) is
   timed; the median and p95 of all runs are printed.
"""

import argparse
import csv
import io
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
_tmp = tempfile.mkdtemp(prefix="legal-bench-")
os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{_tmp}/bench.sqlite3")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "eportal.settings")
os.environ.setdefault("LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from wagtail.models import Locale, Page  # noqa: E402

from eportal.core.pagination import Pager  # noqa: E402
from eportal.legal import importers, search, services  # noqa: E402
from eportal.legal.models import LegalDocumentPage, LegalField  # noqa: E402
from eportal.legal.numbers import FORM_NAMES  # noqa: E402
from eportal.portals import services as portal_services  # noqa: E402
from eportal.portals.models import Agency  # noqa: E402
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


def generate(n: int, seed: int = 5) -> list[dict]:
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        form, abbr = rng.choice(FORMS)
        issuer, issuer_abbr = rng.choice(ISSUERS)
        issued = date(2010, 1, 1) + timedelta(days=rng.randrange(16 * 365))
        topic = rng.choice(TOPICS)
        number = f"{i + 1:02d}/{issued.year}/{abbr}-{issuer_abbr}"
        articles = "\n".join(
            f"Điều {a}. Quy định về {rng.choice(TOPICS)}\n1. Nội dung thứ nhất.\n2. Nội dung thứ hai."
            for a in range(1, rng.randint(4, 12))
        )
        rows.append(
            {
                "number": number,
                "form": form,
                "issuer": issuer,
                "issued": issued.isoformat(),
                "effective": (issued + timedelta(days=10)).isoformat(),
                "signer": rng.choice(["Phạm Văn Xuyên", "Nguyễn Hồng Diên", "Đặng Trọng Thăng"]),
                "summary": f"Ban hành quy định về {topic}",
                "field": rng.choice(FIELDS),
                "body": f"Chương I\nQUY ĐỊNH CHUNG\n{articles}",
            }
        )
    return rows


def setup_portal():
    call_command("migrate", verbosity=0)
    main = portal_services.create_portal(
        portal_services.PortalSpec(
            agency=Agency(name="Ủy ban nhân dân tỉnh Thái Bình", kind=Agency.Kind.MAIN),
            is_main=True,
        )
    )
    return main


def import_rate(portal, rows) -> float:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    parsed = importers.read_source("bench.csv", buffer.getvalue())
    start = time.perf_counter()
    report = importers.import_rows(parsed, portal=portal, publish=True)
    elapsed = time.perf_counter() - start
    if report.failures:
        raise SystemExit(f"import failures: {report.failures[:3]}")
    return len(report.imported) / elapsed


@transaction.atomic
def bulk_fill(portal, rows) -> None:
    """Write documents straight to the tables (pages and their legal rows)."""
    index_page = services.index_for(portal)
    content_type = ContentType.objects.get_for_model(LegalDocumentPage)
    locale = Locale.get_default()
    fields = {f.name: f for f in LegalField.objects.all()}
    # Read the children from the table, not through numchild (treebeard's
    # get_last_child() sees none while numchild is 0, e.g. on a second call).
    children = Page.objects.filter(path__startswith=index_page.path, depth=index_page.depth + 1)
    last = children.order_by("-path").first()
    start = (int(last.path[-Page.steplen :], 36) if last else 0) + 1
    pages, documents = [], []
    for offset, row in enumerate(rows):
        slug = f"{slugify(row['number'])}-{offset}"
        path = Page._get_path(index_page.path, index_page.depth + 1, start + offset)
        title = f"{FORM_NAMES[row['form']]} {row['number']}"
        pages.append(
            Page(
                path=path,
                depth=index_page.depth + 1,
                numchild=0,
                title=title,
                draft_title=title,
                slug=slug,
                content_type=content_type,
                live=True,
                url_path=f"{index_page.url_path}{slug}/",
                locale=locale,
            )
        )
        if row["field"] not in fields:
            fields[row["field"]] = LegalField.objects.create(name=row["field"])
        document = LegalDocumentPage(
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
            title=title,
        )
        document.refresh_derived()
        documents.append(document)
    created = Page.objects.bulk_create(pages, batch_size=500)
    local = [f for f in LegalDocumentPage._meta.local_concrete_fields]
    columns = ", ".join(connection.ops.quote_name(f.column) for f in local)
    placeholders = ", ".join(["%s"] * len(local))
    # Table and column names come from the model, never from input.
    table = connection.ops.quote_name(LegalDocumentPage._meta.db_table)
    sql = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"  # noqa: S608
    values = []
    for page, document in zip(created, documents, strict=True):
        document.page_ptr_id = page.pk
        values.append([f.get_db_prep_save(getattr(document, f.attname), connection) for f in local])
    with connection.cursor() as cursor:
        cursor.executemany(sql, values)
    Page.objects.filter(pk=index_page.pk).update(numchild=children.count())


FILTERS = [
    {},
    {"form": "quyet-dinh"},
    {"year": 2014},
    {"issuer": "uy-ban-nhan-dan-tinh-thai-binh", "year": 2020},
    {"field": "dat-dai", "status": "in_force"},
    {"issued_from": date(2015, 1, 1), "issued_to": date(2015, 12, 31)},
    {"q": "gia dat"},
    {"q": "học phí", "form": "nghi-quyet", "sort": "relevance"},
    {"q": "05/2014/QĐ-UBND"},
    {"q": "chuyen doi so", "year": 2022, "sort": "relevance"},
]


def filter_latency(portal, runs: int) -> list[float]:
    timings = []
    for _ in range(runs):
        for data in FILTERS:
            start = time.perf_counter()
            documents = search.for_listing(search.filter_documents(search.scope(portal), data))
            results = Pager(documents, "1", search.PAGE_SIZE, count_limit=search.COUNT_LIMIT)
            assert results.count >= 0 and len(results.items) <= search.PAGE_SIZE
            timings.append((time.perf_counter() - start) * 1000)
    return timings


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--import-count", type=int, default=300)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    rows = generate(args.size)
    print(f"database: {connection.vendor}; setting up…", flush=True)
    portal = setup_portal()
    count = min(args.import_count, args.size)
    rate = import_rate(portal, rows[:count])
    print(f"import: {count} documents through the importer, {rate:.1f} documents/second")
    if count < args.size:
        start = time.perf_counter()
        bulk_fill(portal, rows[count:])
        print(
            f"bulk fill: {args.size - count} more documents in {time.perf_counter() - start:.1f} s"
        )
    total = LegalDocumentPage.objects.live().count()
    timings = sorted(filter_latency(portal, args.runs))
    p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
    print(
        f"filter query at {total} documents ({len(timings)} runs of {len(FILTERS)} filters): "
        f"median {statistics.median(timings):.1f} ms, p95 {p95:.1f} ms, max {timings[-1]:.1f} ms"
    )


if __name__ == "__main__":
    main()
