"""Search benchmark on PostgreSQL: index time and query latency at 100,000 and
1,000,000 items.

    .venv/bin/python tests/bench/bench_search.py [--sizes 100000,1000000]

Uses the database named by BENCH_DATABASE_URL (default
postgres://postgres@127.0.0.1:5432/eportal_search_bench), created and
migrated if needed. Items are generated from a Vietnamese vocabulary (titles
of 6–14 words, bodies of 40–90, word frequencies skewed like real text) and
bulk-loaded into the index table with COPY; "index time" is the load plus
building the GIN indexes. Each of 20 typical queries then runs the full
search of the results page (count, three facets, first page ranked) three
times; the median and p95 of all runs are printed.
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ["DATABASE_URL"] = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/eportal_search_bench"
)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "eportal.settings")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from eportal.search.backends import SearchRequest, get_backend  # noqa: E402
from eportal.search.text import fold_word, padded, parse_query, terms  # noqa: E402
from tests.search import corpus  # noqa: E402

QUERIES = [
    "thủ tục hành chính",
    "dang ky khai sinh",
    "giấy phép xây dựng",
    "bang gia dat",
    "chuyển đổi số",
    "05/2014/QĐ-UBND",
    "05/2014",
    "karaoke",
    "trợ cấp thất nghiệp",
    "ho kinh doanh",
    "Quỳnh Phụ",
    "bàn",
    "lý lịch tư pháp",
    "an toan thuc pham",
    "tiếp công dân",
    "nghị định 61/2018",
    "le hoi den tran",
    "đất đai",
    "phòng chống thiên tai",
    "thanh lap doanh nghiep",
]
KINDS = ["article", "legal", "procedure", "qa", "page"]


def vocabulary():
    words = []
    for item in corpus.items():
        words.extend(terms(item["title"]))
        words.extend(terms(item["body"]))
    unique = sorted(set(words))
    weights = [1.0 / (1 + rank) ** 0.9 for rank in range(len(unique))]
    random.Random(7).shuffle(weights)
    return unique, weights


def rows(n, start, rng, words, weights, ct_id):
    titles = [i["title"] for i in corpus.items()]
    folded = {}

    def fold_all(items):
        # The vocabulary is small: fold each word once.
        out = []
        for w in items:
            f = folded.get(w)
            if f is None:
                f = folded[w] = fold_word(w)
            out.append(f)
        return out

    for i in range(start, start + n):
        if i % 50 == 0:
            title_words = terms(rng.choice(titles)) + rng.choices(words, weights, k=3)
        else:
            title_words = rng.choices(words, weights, k=rng.randint(6, 14))
        body_words = rng.choices(words, weights, k=rng.randint(40, 90))
        if i % 1000 == 0:
            body_words += terms("căn cứ Quyết định 05/2014/QĐ-UBND")
        title = " ".join(title_words).capitalize()
        body = " ".join(body_words).capitalize() + "."
        yield (
            ct_id,
            str(i),
            KINDS[i % len(KINDS)],
            title,
            body,
            padded(title_words),
            padded(fold_all(title_words)),
            padded(body_words),
            padded(fold_all(body_words)),
            f"/muc/{i}/",
            False,
            f"20{10 + i % 15}-{1 + i % 12:02d}-{1 + i % 28:02d}",
            f"Lĩnh vực {i % 40}",
        )


def load(size):
    from django.contrib.contenttypes.models import ContentType

    from eportal.search.models import SearchEntry

    ct_id = ContentType.objects.get_for_model(SearchEntry).pk
    words, weights = vocabulary()
    rng = random.Random(size)
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE search_entry")
        cursor.execute("DROP INDEX IF EXISTS search_entry_vector")
        started = time.monotonic()
        columns = (
            "content_type_id, object_id, kind, title, body, title_terms, title_folded, "
            "body_terms, body_folded, url, url_is_global, date, sector, indexed_at"
        )
        raw = cursor.cursor
        with raw.copy(f"COPY search_entry ({columns}) FROM STDIN") as copy:
            for row in rows(size, 0, rng, words, weights, ct_id):
                copy.write_row((*row, "2025-01-01T00:00:00Z"))
        loaded = time.monotonic()
        cursor.execute("CREATE INDEX search_entry_vector ON search_entry USING gin (search_vector)")
        cursor.execute("ANALYZE search_entry")
        indexed = time.monotonic()
    # The vocabulary of "did you mean".
    from eportal.search.models import SearchWord

    SearchWord.objects.bulk_create(
        [SearchWord(word=fold_word(w)) for w in set(words) if not any(c.isdigit() for c in w)],
        ignore_conflicts=True,
    )
    return loaded - started, indexed - loaded


def measure(repeats=3):
    backend = get_backend()
    timings, totals = [], {}
    for text in QUERIES:
        runs = []
        for _ in range(repeats):
            started = time.monotonic()
            response = backend.search(SearchRequest(query=parse_query(text), limit=10))
            runs.append((time.monotonic() - started) * 1000)
        timings.extend(runs)
        totals[text] = (response.total, statistics.median(runs))
    timings.sort()
    p95 = timings[int(len(timings) * 0.95) - 1]
    return statistics.median(timings), p95, totals


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="100000,1000000")
    args = parser.parse_args()
    call_command("ensure-database")
    call_command("migrate", verbosity=0)
    assert connection.vendor == "postgresql", "the benchmark runs on PostgreSQL"
    for size in [int(s) for s in args.sizes.split(",")]:
        load_s, index_s = load(size)
        median, p95, totals = measure()
        print(
            f"{size:>9,} items: load {load_s:6.1f} s + GIN index {index_s:5.1f} s; "
            f"query median {median:6.1f} ms, p95 {p95:6.1f} ms",
            flush=True,
        )
        for text, (total, ms) in totals.items():
            print(f"    {text!r}: {total:,} results, median {ms:.1f} ms", flush=True)


if __name__ == "__main__":
    main()
