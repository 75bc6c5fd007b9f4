"""Benchmark: a large draft (200 articles, 1,000 approved comments): parse, public
page, API detail and the synthesis exports.

Run: .venv/bin/python -m pytest tests/bench/bench_consultations.py -q -s -p no:cacheprovider
Prints the median and the p95 of each measurement.
"""

import os
import statistics
import time

from eportal.consultations import synthesis
from eportal.consultations.drafts import parse_draft
from eportal.consultations.models import Comment
from tests.consultations.conftest import make_consultation  # noqa: F401 (fixture)

RUNS = int(os.environ.get("BENCH_RUNS", 7))
ARTICLES = 200
COMMENTS = 1000


def big_draft():
    lines = []
    for n in range(1, ARTICLES + 1):
        if n % 20 == 1:
            lines += [f"Chương {n // 20 + 1}", "QUY ĐỊNH VỀ NỘI DUNG"]
        lines.append(f"Điều {n}. Quy định số {n}")
        for clause in range(1, 4):
            lines.append(f"{clause}. Cơ quan, tổ chức có trách nhiệm thực hiện nội dung {clause}.")
        lines += ["a) trường hợp thứ nhất;", "b) trường hợp thứ hai."]
    return "\n".join(lines)


def measure(label, fn):
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    print(f"{label}: median {statistics.median(times) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms")


def test_bench_large_consultation(make_consultation, client):  # noqa: F811
    text = big_draft()
    page = make_consultation(draft_text=text)
    keys = page.draft.keys()
    Comment.objects.bulk_create(
        Comment(
            consultation=page,
            article_key=keys[n % len(keys)] if n % 10 else "",
            name=f"Người góp ý {n}",
            email=f"n{n}@example.com",
            body="Đề nghị làm rõ phạm vi áp dụng của điều này. " * 3,
            status=Comment.Moderation.APPROVED,
            response=Comment.Response.ACCEPTED if n % 2 else "",
        )
        for n in range(COMMENTS)
    )
    measure("parse_draft (200 articles)", lambda: parse_draft(text))
    url = f"/p/sotttt/gop-y/{page.slug}/"
    measure("public page", lambda: client.get(url))
    measure("API detail", lambda: client.get(f"/api/v1/consultations/{page.pk}"))
    measure("synthesis XLSX", lambda: synthesis.xlsx(page))
    measure("synthesis PDF", lambda: synthesis.pdf(page))
