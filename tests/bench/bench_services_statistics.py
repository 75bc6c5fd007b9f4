"""Benchmark: the public statistics page with 100,000 dossiers.

Run: .venv/bin/python tests/bench/bench_services_statistics.py [--dossiers N] [--runs N]

Builds a throw-away SQLite database (or uses BENCH_DATABASE_URL), three
portals, 60 procedures and N dossiers spread over two years in every state,
rebuilds the statistics rollup (bulk_create skips the signals that keep it),
then requests /thu-tuc/thong-ke/ for the last twelve months on the main portal
(every portal) and on one component portal, and for the last calendar year
(stocks read from the dossiers' history), printing the median and p95.
Target: < 300 ms median.
"""

import argparse
import os
import random
import statistics as stats
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
WORK = Path(tempfile.mkdtemp(prefix="eportal-bench-"))
os.environ["DATABASE_URL"] = os.environ.get(
    "BENCH_DATABASE_URL", f"sqlite:///{WORK / 'bench.sqlite3'}"
)
os.environ.setdefault("EPORTAL_VAR_DIR", str(WORK))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "eportal.settings")
os.environ.setdefault("LOG_LEVEL", "WARNING")


def build(n_dossiers: int):
    from django.core.management import call_command
    from django.utils import timezone

    from eportal.dossiers.models import Channel, Dossier, Status
    from eportal.portals import services
    from eportal.portals.models import Agency
    from eportal.procedures.models import ProcedurePage, ProcedureView
    from eportal.procedures.signal_handlers import ensure_index
    from eportal.workdays.calendar import default_calendar

    call_command("migrate", verbosity=0)
    if Dossier.objects.exists():  # a BENCH_DATABASE_URL built by an earlier run
        from eportal.portals.models import Portal

        return list(Portal.objects.order_by("-is_main", "pk"))
    portals = [
        services.create_portal(
            services.PortalSpec(
                agency=Agency(name="UBND tỉnh", kind="main", code="000.00.00.H56"), is_main=True
            )
        ),
        services.create_portal(
            services.PortalSpec(
                agency=Agency(
                    name="Sở Thông tin và Truyền thông", kind="department", code="000.00.10.H56"
                )
            )
        ),
        services.create_portal(
            services.PortalSpec(
                agency=Agency(name="Huyện Quỳnh Phụ", kind="district", code="000.20.30.H56")
            )
        ),
    ]
    pages = []
    for p_index, portal in enumerate(portals):
        index, _ = ensure_index(portal)
        for i in range(20):
            page = ProcedurePage(
                title=f"Thủ tục {p_index}-{i}",
                slug=f"thu-tuc-{p_index}-{i}",
                code=f"{p_index + 1}.{i:06d}",
                sector=f"Lĩnh vực {i % 6}",
                agency=portal.agency,
                level="province",
                steps="Nộp\nTrả",
                processing_days=3 + i % 10,
                applicant="Cá nhân",
                result="Giấy phép",
                online_level="toan-trinh",
                service_level=4,
                submit_online=True,
            )
            index.add_child(instance=page)
            page.save_revision().publish()
            pages.append((page, portal))
    work = default_calendar()
    rng = random.Random(42)
    today = timezone.localdate()
    start = today - timedelta(days=730)
    rows = []
    counters = {}
    for _n in range(n_dossiers):
        page, portal = pages[rng.randrange(len(pages))]
        received = start + timedelta(days=rng.randrange(730))
        key = (portal.agency_id, received)
        counters[key] = counters.get(key, 0) + 1
        due = work.add_working_days(received, page.processing_days)
        fate = rng.random()
        status, finished, closed, paused = Status.ACCEPTED, None, None, None
        if fate < 0.75:
            finished = due + timedelta(days=rng.randint(-3, 2))
            finished = max(finished, received)
            status, closed = Status.RETURNED, finished
        elif fate < 0.8:
            status, closed = Status.NOT_ACCEPTED, received
        elif fate < 0.85:
            status, paused = Status.SUPPLEMENT_REQUESTED, received + timedelta(days=1)
        if closed and closed > today:
            status, finished, closed = Status.PROCESSING, None, None
        rows.append(
            Dossier(
                code=f"{portal.agency.code}-{received:%y%m%d}-{counters[key]:04d}",
                procedure=page,
                procedure_code=page.code,
                procedure_title=page.title,
                processing_days=page.processing_days,
                portal=portal,
                agency=portal.agency,
                applicant_name="Người nộp",
                channel=rng.choice(list(Channel.values)),
                status=status,
                submitted_at=timezone.make_aware(datetime.combine(received, datetime.min.time())),
                received_on=received,
                accepted_on=received,
                due_date=due,
                finished_on=finished,
                closed_on=closed,
                paused_since=paused,
            )
        )
        if len(rows) == 5000:
            Dossier.objects.bulk_create(rows)
            rows = []
    Dossier.objects.bulk_create(rows)
    views = []
    for page, _portal in pages:
        month = date(start.year, start.month, 1)
        while month <= today:
            views.append(ProcedureView(procedure=page, month=month, count=rng.randint(10, 500)))
            month = date(month.year + (month.month == 12), month.month % 12 + 1, 1)
    ProcedureView.objects.bulk_create(views)
    # bulk_create bypasses the signals that keep the monthly rollup.
    from eportal.dossiers import rollup

    started = time.perf_counter()
    rows = rollup.rebuild()
    print(f"Rollup rebuilt: {rows:,} rows in {time.perf_counter() - started:.1f} s")
    return portals


def measure(client, url, runs, host):
    timings = []
    client.get(url, HTTP_HOST=host)  # warm-up
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(url, HTTP_HOST=host)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.status_code
    timings.sort()
    p95 = timings[min(len(timings) - 1, round(0.95 * len(timings)) - 1)]
    return stats.median(timings), p95


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dossiers", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    import django

    django.setup()
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.utils import timezone

    from eportal.dossiers.models import Dossier

    setup_test_environment()
    started = time.perf_counter()
    portals = build(args.dossiers)
    print(f"Built {Dossier.objects.count():,} dossiers in {time.perf_counter() - started:.0f} s")
    today = timezone.localdate()
    first = date(today.year - 1, today.month, 1) if today.month != 12 else date(today.year, 1, 1)
    query = f"?tu={first:%Y-%m}&den={today:%Y-%m}"
    client = Client()
    last_year = f"?tu={today.year - 1}-01&den={today.year - 1}-12"
    for label, portal, period in (
        ("main portal (all portals)", portals[0], query),
        ("component portal", portals[1], query),
        ("main portal, last calendar year (stocks from history)", portals[0], last_year),
    ):
        median, p95 = measure(
            client, f"/thu-tuc/thong-ke/{period}", args.runs, portal.site.hostname
        )
        verdict = "OK" if median < 300 else "OVER TARGET"
        print(
            f"Statistics page, 12 months, {label}: median {median:.0f} ms, p95 {p95:.0f} ms ({verdict})"
        )


if __name__ == "__main__":
    main()
