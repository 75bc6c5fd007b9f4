"""Legal-document lists at scale on PostgreSQL: /van-ban/ and the API at 10,000
and 100,000 documents.

    .venv/bin/python tests/bench/bench_legal_lists.py [--sizes 10000,100000]
        [--requests 30] [--explain]

Uses BENCH_DATABASE_URL, or creates ``bench_lists_<pid>`` on
postgres://postgres@127.0.0.1:5432 and drops it at the end. A database named
by BENCH_DATABASE_URL is kept, and reused by the next run (documents are
added up to each size), which helps when iterating over query plans. Documents come
from the generator of ``legal_fill.py`` (numbers, forms, issuers,
dates, Vietnamese summaries and full texts) and are written by its bulk SQL
loader: nine in ten to the main portal, the rest to a component portal, which
is also governed by one in fifty of the main portal's documents. The issuer
table is rebuilt and the tables analysed after each fill.

Each case is requested through Django's test client (DEBUG off, the page's
whole middleware and template), three times to warm up, then ``--requests``
times; the median and p95 in milliseconds are printed per case and size, with
the machine's load average. ``--explain`` also prints EXPLAIN ANALYZE of each
case's SQL statements that took more than 5 ms.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
DEFAULT_URL = f"postgres://postgres@127.0.0.1:5432/bench_lists_{os.getpid()}"
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL)
CREATED = "BENCH_DATABASE_URL" not in os.environ
# legal_fill sets DATABASE_URL from BENCH_DATABASE_URL and sets Django up.
os.environ["BENCH_DATABASE_URL"] = DATABASE_URL
os.environ["DEBUG"] = "0"
os.environ.setdefault("SECRET_KEY", "bench-only-not-secret")
os.environ["ALLOWED_HOSTS"] = "127.0.0.1"
os.environ.setdefault("LOG_LEVEL", "WARNING")

import psycopg  # noqa: E402


def _admin_connection():
    parts = urlsplit(DATABASE_URL)
    return psycopg.connect(
        host=parts.hostname, port=parts.port or 5432, user=parts.username, dbname="postgres",
        autocommit=True,
    )  # fmt: skip


def _database_name() -> str:
    return urlsplit(DATABASE_URL).path.lstrip("/")


if CREATED:
    with _admin_connection() as admin:
        admin.execute(f'CREATE DATABASE "{_database_name()}"')

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402
from legal_fill import bulk_fill, generate  # noqa: E402

from eportal.legal.models import GovernedPortal, LegalDocumentPage, LegalIssuer  # noqa: E402
from eportal.portals import services as portal_services  # noqa: E402
from eportal.portals.models import Agency  # noqa: E402

# Production serves static files from a collected manifest; the bench has none,
# so templates name them without hashes (a dictionary lookup either way).
override_settings(
    STORAGES={
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
).enable()

COMPONENT_SHARE = 10  # one document in ten belongs to the component portal
GOVERNED_EVERY = 50  # one main-portal document in fifty governs it
CHUNK = 10_000

CASES = [
    ("no filter", {}),
    ("keyword", {"q": "học phí"}),
    ("keyword + form + year", {"q": "giá đất", "form": "nghi-quyet", "year": "2020"}),
    ("issuer", {"issuer": "so-thong-tin-va-truyen-thong"}),
    ("number", {"q": "05/2014/QĐ-UBND"}),
    ("keyword by relevance", {"q": "chuyển đổi số", "sort": "relevance"}),
]


def setup_portals():
    from django.core.management import call_command

    from eportal.portals.models import Portal

    call_command("migrate", verbosity=0)
    if main := Portal.objects.filter(is_main=True).first():
        return main, Portal.objects.exclude(pk=main.pk).get()
    main = portal_services.create_portal(
        portal_services.PortalSpec(
            agency=Agency(name="Ủy ban nhân dân tỉnh Thái Bình", kind=Agency.Kind.MAIN),
            is_main=True,
        )
    )
    component = portal_services.create_portal(
        portal_services.PortalSpec(
            agency=Agency(name="Sở Thông tin và Truyền thông", kind=Agency.Kind.DEPARTMENT)
        )
    )
    return main, component


def fill(main, component, rows, start: int, end: int) -> None:
    """Write documents start..end (of the generated rows) and what lists read."""
    for first in range(start, end, CHUNK):
        chunk = rows[first : min(first + CHUNK, end)]
        cut = len(chunk) - len(chunk) // COMPONENT_SHARE
        bulk_fill(main, chunk[:cut])
        bulk_fill(component, chunk[cut:])
    governed = (
        LegalDocumentPage.objects.filter(portal=main)
        .exclude(governed_portals__portal=component)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    GovernedPortal.objects.bulk_create(
        GovernedPortal(page_id=pk, portal=component, sort_order=0)
        for index, pk in enumerate(governed)
        if index % GOVERNED_EVERY == 0
    )
    LegalIssuer.rebuild()  # the bulk loader bypasses save()
    with connection.cursor() as cursor:
        for table in ("wagtailcore_page", "legal_legaldocumentpage", "legal_governedportal"):
            cursor.execute(f"VACUUM ANALYZE {table}")


def urls(component):
    for portal_label, prefix in (("main", ""), ("component", f"/p/{component.slug}")):
        for name, params in CASES:
            query = f"?{urlencode(params)}" if params else ""
            yield f"page {portal_label}: {name}", f"{prefix}/van-ban/{query}"
            yield f"api {portal_label}: {name}", f"{prefix}/api/v1/legal-documents{query}"


def time_case(client, url: str, requests: int) -> list[float]:
    """Sorted timings, each request just after a publication: the plain list
    is otherwise kept rendered (portals/caching.py); dropping it is untimed."""
    from eportal.portals import caching

    for _ in range(3):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
    timings = []
    for _ in range(requests):
        caching.invalidate_all_content()
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, url
    return sorted(timings)


def p95(timings: list[float]) -> float:
    return timings[max(0, int(len(timings) * 0.95 + 0.5) - 1)]


def explain(client, url: str) -> None:
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    for query in captured.captured_queries:
        if float(query["time"]) * 1000 < 5 or not query["sql"].lstrip().startswith("SELECT"):
            continue
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {query['sql']}")
            plan = "\n".join(f"    {row[0]}" for row in cursor.fetchall())
        print(f"  {float(query['time']) * 1000:.1f} ms: {query['sql'][:300]}\n{plan}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--explain", action="store_true")
    parser.add_argument("--only", default="", help="run only the cases whose name has this")
    args = parser.parse_args()
    sizes = sorted(int(size) for size in args.sizes.split(","))
    print(f"database: {_database_name()} ({connection.vendor}); setting up…", flush=True)
    main_portal, component = setup_portals()
    start = time.perf_counter()
    rows = generate(sizes[-1])
    print(f"generated {len(rows)} documents in {time.perf_counter() - start:.1f} s", flush=True)
    client = Client(HTTP_HOST="127.0.0.1")
    table = []
    filled = LegalDocumentPage.objects.count()
    for size in sizes:
        start = time.perf_counter()
        if size > filled:
            fill(main_portal, component, rows, filled, size)
            filled = size
        print(
            f"\n{filled} documents (filled in {time.perf_counter() - start:.1f} s); "
            f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}",
            flush=True,
        )
        for name, url in urls(component):
            if args.only not in name:
                continue
            if args.explain:
                print(f"{name}: {url}")
                explain(client, url)
            timings = time_case(client, url, args.requests)
            row = (size, name, statistics.median(timings), p95(timings))
            table.append(row)
            print(f"  {name:38} median {row[2]:7.1f} ms   p95 {row[3]:7.1f} ms", flush=True)
        print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print("\nsize     case                                   median ms    p95 ms")
    for size, name, median, high in table:
        print(f"{size:<8} {name:38} {median:9.1f} {high:9.1f}")


if __name__ == "__main__":
    try:
        main()
    finally:
        if CREATED:
            connection.close()
            with _admin_connection() as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{_database_name()}" WITH (FORCE)')
