"""Benchmark: submitting a question, and the published-answer list, search and
similar-title suggestions with 2,000 published answers on the main portal.

Run: .venv/bin/python -m pytest tests/bench/bench_qa_answers.py -q -s -p no:cacheprovider
Prints the median and the p95 of each measurement.
"""

import statistics
import time

from django.utils import timezone

from eportal.qa import queries, services
from eportal.qa.models import Question
from eportal.search import services as search_services
from tests.qa.conftest import _fresh_state, ask, qa  # noqa: F401 (fixtures)

RUNS = 9
ANSWERS = 2000
WORDS = (
    "đất đai đầu tư giáo dục y tế hộ tịch thuế bưu chính viễn thông chữ ký số doanh nghiệp".split()
)


def measure(label, fn):
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    print(
        f"{label:<45} median {statistics.median(times) * 1000:8.1f} ms   p95 {p95 * 1000:8.1f} ms"
    )


def test_bench_qa(client, qa):  # noqa: F811
    main, agency = qa["main"], qa["sotttt"].agency
    now = timezone.now()
    rows = [
        Question(
            portal=main,
            agency=agency,
            name="Người hỏi",
            email="a@example.org",
            title=f"Câu hỏi về {WORDS[i % len(WORDS)]} {WORDS[(i * 7) % len(WORDS)]} số {i}",
            body="Nội dung câu hỏi " * 20,
            answer="Nội dung trả lời " * 40,
            status=Question.Status.PUBLISHED,
            received_at=now,
            answered_at=now,
            published_at=now,
            code=f"B{i:07d}",
        )
        for i in range(ANSWERS)
    ]
    Question.objects.bulk_create(rows)
    # What publishing does: the search index holds the published answers.
    for row in Question.objects.filter(code__startswith="B"):
        search_services.index_object(row)
    print()
    counter = iter(range(10_000))
    measure(
        "submit_question (store, deadline, log, mail)",
        lambda: services.submit_question(
            main,
            name="A",
            email="a@example.org",
            title=f"Tiêu đề {next(counter)}",
            body="Nội dung câu hỏi",
        ),
    )
    measure("GET /hoi-dap/ (first page)", lambda: client.get("/hoi-dap/"))
    measure("GET /hoi-dap/?q=chu ky so", lambda: client.get("/hoi-dap/", {"q": "chu ky so"}))
    measure(
        "similar titles (goi-y)", lambda: queries.similar(main, "thủ tục chữ ký số doanh nghiệp")
    )
    measure(
        "GET /api/v1/questions/answers?q=dat dai",
        lambda: client.get("/api/v1/questions/answers", {"q": "dat dai"}),
    )
