"""Search benchmark: indexing time and query latency, PostgreSQL and SQLite.

    .venv/bin/python tests/bench/bench_search.py --database postgres --sizes 100000,1000000
    .venv/bin/python tests/bench/bench_search.py --database sqlite --sizes 100000
    .venv/bin/python tests/bench/bench_search.py --sizes 1000000 --reuse   # query times again

PostgreSQL uses BENCH_DATABASE_URL (default
postgres://postgres@127.0.0.1:5432/eportal_search_bench), SQLite the file BENCH_SQLITE_PATH
(default var/search-bench.sqlite3); each is created and migrated if needed. Items are generated from the
relevance corpus's Vietnamese vocabulary (titles of 6–14 words, bodies of
40–90, word frequencies skewed like real text; every 50th title a real one)
and indexed through the production path (``services.entry_fields`` for the
text columns, ``bulk.index_rows`` for the writes, PostgreSQL's indexes built
at the end): "index time" is all of that. Queries then run the whole search of
the results page (``query.run``: synonyms, matching, bounded count and
facets, ranking, did-you-mean, snippets) three times each, after one warm-up:
the judged query set, and broad one-word queries with tens of thousands of
matches. Medians and p95 are printed for each group and for all.
"""

import argparse
import datetime
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
SQLITE_PATH = Path(os.environ.get("BENCH_SQLITE_PATH", "var/search-bench.sqlite3"))


def configure(database: str) -> None:
    if database == "postgres":
        url = os.environ.get(
            "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/eportal_search_bench"
        )
    else:
        url = f"sqlite:///{SQLITE_PATH}"
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "eportal.settings")
    import django

    django.setup()


BROAD = ["bàn", "dân", "tỉnh", "xa", "nam", "ke hoach", "huyen"]
KINDS = ["article", "legal", "procedure", "qa", "page"]


def judged_queries() -> list[str]:
    """The texts of the judged query set (and the relevance corpus's queries)."""
    from tests.search import corpus

    texts = [text for text, _expected in corpus.QUERIES]
    try:
        from tests.search import judged
    except ImportError:
        return texts
    return list(
        dict.fromkeys([q.text if hasattr(q, "text") else q[0] for q in judged.QUERIES] + texts)
    )


def vocabulary():
    from eportal.search.text import terms
    from tests.search import corpus

    words = []
    for item in corpus.items():
        words.extend(terms(item["title"]))
        words.extend(terms(item["body"]))
    unique = sorted(set(words))
    weights = [1.0 / (1 + rank) ** 0.9 for rank in range(len(unique))]
    random.Random(7).shuffle(weights)
    return unique, weights


def generated(n: int, content_type_id: int):
    """(content_type_id, object_id, fields) rows of n generated items."""
    from eportal.search.services import entry_fields
    from tests.search import corpus

    words, weights = vocabulary()
    rng = random.Random(n)
    titles = [i["title"] for i in corpus.items()]
    for i in range(n):
        if i % 50 == 0:
            title = f"{rng.choice(titles)} {' '.join(rng.choices(words, weights, k=3))}"
        else:
            title = " ".join(rng.choices(words, weights, k=rng.randint(6, 14))).capitalize()
        body = " ".join(rng.choices(words, weights, k=rng.randint(40, 90))).capitalize() + "."
        if i % 1000 == 0:
            body += " Căn cứ Quyết định 05/2014/QĐ-UBND."
        fields = entry_fields(title=title, text=body)
        fields.update(
            kind=KINDS[i % len(KINDS)],
            url=f"/muc/{i}/",
            portal=None,
            date=datetime.date(2010 + i % 15, 1 + i % 12, 1 + i % 28),
            sector=f"Lĩnh vực {i % 40}",
            url_is_global=False,
            expires_at=None,
            language="vi",
        )
        yield content_type_id, str(i), fields


def load(size: int) -> float:
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection

    from eportal.search import bulk
    from eportal.search.models import SearchEntry, SearchWord

    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM search_entry")
        cursor.execute("DELETE FROM search_word")
    assert not SearchWord.objects.exists()
    content_type_id = ContentType.objects.get_for_model(SearchEntry).pk
    started = time.monotonic()
    bulk.index_rows(generated(size, content_type_id), fresh=True)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return time.monotonic() - started


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[max(0, round(len(ordered) * fraction) - 1)]


def measure(texts, repeats=3):
    from eportal.search import query

    timings, totals = [], {}
    for text in texts:
        query.run({"q": text, "page": 1}, portal=None)  # warm-up
        runs = []
        for _ in range(repeats):
            started = time.monotonic()
            outcome = query.run({"q": text, "page": 1}, portal=None)
            runs.append((time.monotonic() - started) * 1000)
        timings.extend(runs)
        totals[text] = (outcome.total, outcome.total_is_lower_bound, statistics.median(runs))
    return timings, totals


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--database", choices=["postgres", "sqlite"], default="postgres")
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--verbose", action="store_true", help="print every query's figures")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="keep an index already holding exactly that many items (no index time)",
    )
    args = parser.parse_args()
    configure(args.database)
    from django.core.cache import cache
    from django.core.management import call_command

    if args.database == "postgres":
        call_command("ensure-database")
    call_command("migrate", verbosity=0)
    load_avg = os.getloadavg()
    print(f"machine: {os.cpu_count()} cores, load average {load_avg[0]:.2f} {load_avg[1]:.2f}")
    judged = judged_queries()
    for size in [int(s) for s in args.sizes.split(",")]:
        from eportal.search.models import SearchEntry

        if args.reuse and SearchEntry.objects.count() == size:
            print(f"{args.database} {size:>9,} items: index reused", flush=True)
        else:
            index_s = load(size)
            print(f"{args.database} {size:>9,} items: indexed in {index_s:7.1f} s", flush=True)
        cache.clear()
        everything = []
        for name, texts in (("judged", judged), ("broad", BROAD)):
            timings, totals = measure(texts)
            everything.extend(timings)
            print(
                f"    {name:>6} ({len(texts)} queries): median {statistics.median(timings):6.1f} ms, "
                f"p95 {percentile(timings, 0.95):6.1f} ms, max {max(timings):6.1f} ms",
                flush=True,
            )
            slowest = sorted(totals.items(), key=lambda item: -item[1][2])
            for text, (total, bound, ms) in slowest if args.verbose else slowest[:5]:
                more = "more than " if bound else ""
                print(f"        {text!r}: {more}{total:,} results, median {ms:.1f} ms")
        print(
            f"       all: median {statistics.median(everything):6.1f} ms, "
            f"p95 {percentile(everything, 0.95):6.1f} ms",
            flush=True,
        )


if __name__ == "__main__":
    main()
