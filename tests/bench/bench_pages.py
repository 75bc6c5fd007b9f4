"""Public pages at provincial scale: the main portal's home, /tin-tuc/ of the
main and of a component portal, and an article, at 10,000 and 100,000 articles.

    .venv/bin/python tests/bench/bench_pages.py [--sizes 10000,100000]
        [--requests 30] [--explain]

Uses BENCH_DATABASE_URL, or creates ``bench_pages_<pid>`` on
postgres://postgres@127.0.0.1:5432 and drops it at the end (a database named
by BENCH_DATABASE_URL is kept and topped up by the next run). A ``sqlite:///``
URL works too. Articles are written by a bulk SQL loader: half to the main
portal, half to a component portal, published over three years; one in a
hundred of the component's is featured on the main portal and one in a hundred
hidden from it. The tables are analysed after each fill.

Each page is requested through Django's test client (DEBUG off, the whole
middleware and template), three times to warm up (the caches fill), then
``--requests`` times twice: "after publish", each request just after the
portals' kept lists and pages were dropped (what the first visitor after a
publication pays: every list queried and rendered), and "kept", served from
them (portals/caching.py). The median and p95 in milliseconds and the number
of SQL queries of one request are printed per page, size and way, with the
machine's load average. ``--explain`` also prints the plan of each page's article-list query.
"""

import argparse
import os
import random
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
DEFAULT_URL = f"postgres://postgres@127.0.0.1:5432/bench_pages_{os.getpid()}"
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL)
CREATED = "BENCH_DATABASE_URL" not in os.environ
os.environ["DATABASE_URL"] = DATABASE_URL
os.environ["DEBUG"] = "0"
os.environ.setdefault("SECRET_KEY", "bench-only-not-secret")
os.environ["ALLOWED_HOSTS"] = "*"
os.environ.setdefault("LOG_LEVEL", "WARNING")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "eportal.settings")
IS_POSTGRES = DATABASE_URL.startswith("postgres")


def _admin_connection():
    import psycopg

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

import django  # noqa: E402

django.setup()

from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Locale, Page  # noqa: E402
from wagtail.rich_text import RichText  # noqa: E402

from eportal.news.models import ArticlePage, CategoryPage, Kind, SyndicationChoice  # noqa: E402
from eportal.portals import services as portal_services  # noqa: E402
from eportal.portals.models import Agency, Portal  # noqa: E402

# Production serves static files from a collected manifest; the bench has none.
override_settings(
    STORAGES={
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
).enable()

CHUNK = 5_000
FEATURED_EVERY = HIDDEN_EVERY = 100
WORDS = (
    "chuyển đổi số hội nghị tỉnh Thái Bình nông thôn mới đầu tư hạ tầng giao thông "
    "giáo dục y tế du lịch văn hóa an sinh xã hội doanh nghiệp cải cách hành chính"
).split()


def setup_portals():
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


def bulk_fill(portal, count: int, rng: random.Random) -> None:
    """Write ``count`` live articles of ``portal``'s news category straight to the tables."""
    category = CategoryPage.objects.descendant_of(portal.home_page).get(kind=Kind.NEWS)
    content_type = ContentType.objects.get_for_model(ArticlePage)
    locale = Locale.get_default()
    children = Page.objects.filter(path__startswith=category.path, depth=category.depth + 1)
    last = children.order_by("-path").first()
    start = (int(last.path[-Page.steplen :], 36) if last else 0) + 1
    now = timezone.now()
    pages, articles = [], []
    for offset in range(count):
        number = start + offset
        title = " ".join(rng.choices(WORDS, k=8)).capitalize() + f" ({number})"
        when = now - timedelta(minutes=rng.randrange(3 * 365 * 24 * 60))
        slug = f"tin-{number}"
        pages.append(
            Page(
                path=Page._get_path(category.path, category.depth + 1, number),
                depth=category.depth + 1,
                numchild=0,
                title=title,
                draft_title=title,
                slug=slug,
                content_type=content_type,
                live=True,
                first_published_at=when,
                last_published_at=when,
                url_path=f"{category.url_path}{slug}/",
                locale=locale,
            )
        )
        articles.append(
            ArticlePage(
                summary=" ".join(rng.choices(WORDS, k=30)) + ".",
                author_name="Nguyễn Thị Hoa",
                body=[("paragraph", RichText(f"<p>{' '.join(rng.choices(WORDS, k=300))}.</p>"))],
                portal=portal,
                kind=Kind.NEWS,
                published_at=when,
            )
        )
    created = Page.objects.bulk_create(pages, batch_size=1000)
    choices = []
    for index, (page, article) in enumerate(zip(created, articles, strict=True)):
        article.page_ptr_id = page.pk
        if not portal.is_main and index % FEATURED_EVERY == 0:
            article.featured_on_main = True
            choices.append(SyndicationChoice(article_id=page.pk, featured=True))
        elif not portal.is_main and index % HIDDEN_EVERY == 1:
            choices.append(SyndicationChoice(article_id=page.pk, hidden=True))
    local = ArticlePage._meta.local_concrete_fields
    for first in range(0, len(articles), 500):
        ArticlePage.objects._insert(articles[first : first + 500], fields=local)
    SyndicationChoice.objects.bulk_create(choices, batch_size=1000)
    Page.objects.filter(pk=category.pk).update(numchild=children.count())


def fill(main, component, count: int) -> None:
    rng = random.Random(count)
    for first in range(0, count, CHUNK):
        size = min(CHUNK, count - first)
        bulk_fill(main, size // 2, rng)
        bulk_fill(component, size - size // 2, rng)
    with connection.cursor() as cursor:
        for table in ("wagtailcore_page", "news_articlepage", "news_syndicationchoice"):
            cursor.execute(f"VACUUM ANALYZE {table}" if IS_POSTGRES else f"ANALYZE {table}")


def urls(main, component):
    article = ArticlePage.objects.filter(portal=component).order_by("-published_at", "-pk").first()
    home = component.home_page.url_path
    main_host = {"HTTP_HOST": main.site.hostname}
    yield "home (main portal)", "/", main_host
    yield "/tin-tuc/ (main portal)", "/tin-tuc/", main_host
    yield "/tin-tuc/ (component)", f"/p/{component.slug}/tin-tuc/", {}
    yield "article (component)", f"/p/{component.slug}/{article.url_path[len(home) :]}", {}


def time_case(client, url: str, headers: dict, requests: int, *, fresh: bool):
    """Sorted timings and the queries of one request. ``fresh``: each request
    comes just after a publication (the portals' kept lists and pages dropped
    before it, untimed) and renders everything; else what is kept is served."""
    from eportal.portals import caching

    for _ in range(3):
        response = client.get(url, **headers)
        assert response.status_code == 200, (url, response.status_code)
    if fresh:
        caching.invalidate_all_content()
    with CaptureQueriesContext(connection) as captured:
        client.get(url, **headers)
    # Read now: every request empties the query log the capture slices.
    queries = len(captured)
    timings = []
    for _ in range(requests):
        if fresh:
            caching.invalidate_all_content()
        start = time.perf_counter()
        response = client.get(url, **headers)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, url
    return sorted(timings), queries


def p95(timings: list[float]) -> float:
    return timings[max(0, int(len(timings) * 0.95 + 0.5) - 1)]


def explain(client, url: str, headers: dict) -> None:
    """The plans of the page's article-list queries (its page and its count)."""
    with CaptureQueriesContext(connection) as captured:
        client.get(url, **headers)
    for query in captured.captured_queries:
        sql = query["sql"]
        listing = ("ORDER BY" in sql and "LIMIT" in sql) or sql.startswith("SELECT COUNT(")
        if "news_articlepage" not in sql or not listing:
            continue
        prefix = "EXPLAIN (ANALYZE, BUFFERS)" if IS_POSTGRES else "EXPLAIN QUERY PLAN"
        with connection.cursor() as cursor:
            cursor.execute(f"{prefix} {sql}")
            rows = cursor.fetchall()
        plan = "\n".join(f"    {row[0] if IS_POSTGRES else row[-1]}" for row in rows)
        print(f"  {float(query['time']) * 1000:.1f} ms: {sql[:200]}…\n{plan}")


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--explain", action="store_true")
    args = parser.parse_args()
    sizes = sorted(int(size) for size in args.sizes.split(","))
    print(f"database: {_database_name() or DATABASE_URL} ({connection.vendor})", flush=True)
    main_portal, component = setup_portals()
    client = Client()
    table = []
    for size in sizes:
        filled = ArticlePage.objects.count()
        start = time.perf_counter()
        if size > filled:
            fill(main_portal, component, size - filled)
        print(
            f"\n{ArticlePage.objects.count()} articles (filled in "
            f"{time.perf_counter() - start:.1f} s); load average before: {load()}",
            flush=True,
        )
        for name, url, headers in urls(main_portal, component):
            if args.explain:
                print(f"{name}: {url}")
                explain(client, url, headers)
            for fresh in (True, False):
                timings, queries = time_case(client, url, headers, args.requests, fresh=fresh)
                state = "after publish" if fresh else "kept"
                row = (size, name, state, statistics.median(timings), p95(timings), queries)
                table.append(row)
                print(
                    f"  {name:26} {state:13} median {row[3]:7.1f} ms   p95 {row[4]:7.1f} ms   "
                    f"{queries} queries",
                    flush=True,
                )
        print(f"load average after: {load()}")
    print("\nsize     page                       served         median ms    p95 ms   queries")
    for size, name, state, median, high, queries in table:
        print(f"{size:<8} {name:26} {state:13} {median:9.1f} {high:9.1f} {queries:9}")


if __name__ == "__main__":
    try:
        main()
    finally:
        if CREATED:
            connection.close()
            with _admin_connection() as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{_database_name()}" WITH (FORCE)')
