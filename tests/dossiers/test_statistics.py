"""The public statistics count what officials report: received by channel,
resolved early / on time / late, in progress within or past the deadline,
paused, carried over, page views, the on-time rate; with CSV/XLSX export."""

from datetime import date, datetime, time

from django.utils import timezone

from eportal.core import clock
from eportal.dossiers import services as dossier_services
from eportal.dossiers import statistics
from eportal.dossiers.models import Channel
from eportal.procedures import services as procedure_services
from eportal.procedures.queries import procedure_portal
from eportal.workdays.services import calendar


def at(day):
    return clock.frozen_at(timezone.make_aware(datetime.combine(day, time(9))))


def _counter(procedure, staff, day, channel=Channel.IN_PERSON):
    with at(day):
        dossier, _ = dossier_services.submit_dossier(
            procedure,
            user=None,
            answers=[],
            files={},
            channel=channel,
            applicant={"name": "Người nộp"},
            received_by=staff,
        )
        dossier_services.accept(dossier, by=staff)
    dossier.refresh_from_db()
    return dossier


def test_it_counts_each_outcome(procedure, board, client):
    staff = board["sotttt"]["one_stop_officer"]
    work = calendar()
    carried = _counter(procedure, staff, date(2026, 1, 26))  # open into February
    early = _counter(procedure, staff, date(2026, 2, 2), Channel.POST)
    on_time = _counter(procedure, staff, date(2026, 2, 3))
    late = _counter(procedure, staff, date(2026, 2, 4))
    _counter(procedure, staff, date(2026, 2, 5))  # open past its due date
    paused = _counter(procedure, staff, date(2026, 2, 23))
    for dossier, finished in (
        (early, work.add_working_days(early.accepted_on, 2)),
        (on_time, on_time.due_date),
        (late, work.add_working_days(late.due_date, 1)),
    ):
        with at(finished):
            dossier_services.finish(dossier, by=staff)
    with at(date(2026, 2, 24)):
        dossier_services.request_supplement(paused, by=staff, items="Giấy tờ bổ sung")
    report = statistics.build_report(
        start=date(2026, 2, 1),
        end=date(2026, 2, 28),
        portal=procedure_portal(procedure),
    )
    totals = report.totals
    assert (
        totals["received"] == 5
        and totals["received_post"] == 1
        and totals["received_in_person"] == 4
    )
    assert totals["carried_over"] == 1
    assert (totals["early"], totals["on_time"], totals["late"]) == (1, 1, 1)
    assert totals["on_time_rate"] == 66.7
    # Still open on 28 February: carried (due in early Feb), overdue, paused.
    assert totals["overdue"] == 2 and totals["within"] == 1 and totals["paused"] == 1
    assert [m["received"] for m in report.months] == [5]
    assert carried.pk  # received in January: not counted as received in February

    page = client.get("/p/sotttt/thu-tuc/thong-ke/", {"tu": "2026-02", "den": "2026-02"})
    body = page.content.decode()
    assert page.status_code == 200 and "<svg" in body and "66.7" in body
    csv = client.get("/p/sotttt/thu-tuc/thong-ke/xuat/csv/", {"tu": "2026-02", "den": "2026-02"})
    assert csv.status_code == 200 and procedure.code in csv.content.decode("utf-8-sig")
    xlsx = client.get("/p/sotttt/thu-tuc/thong-ke/xuat/xlsx/", {"tu": "2026-02", "den": "2026-02"})
    assert xlsx.content[:2] == b"PK"


def test_it_counts_page_views_and_survives_bad_parameters(
    procedure, client, django_assert_num_queries, settings
):
    settings.EPORTAL_VIEW_FLUSH_SECONDS = 3600
    procedure_services.flush_views()
    host = {"HTTP_HOST": procedure.get_site().hostname}
    client.get(procedure.url, **host)
    client.get(procedure.url, **host)
    # A view is added up in memory: reading a procedure writes nothing.
    with django_assert_num_queries(0):
        procedure_services.count_view(procedure)
    today = timezone.localdate()
    assert statistics.build_report(start=today.replace(day=1), end=today).totals["views"] == 0
    assert procedure_services.flush_views() == 3  # what the worker is handed
    report = statistics.build_report(start=today.replace(day=1), end=today)
    assert report.totals["views"] == 3
    bad = client.get("/p/sotttt/thu-tuc/thong-ke/", {"tu": "abc", "den": "2026-13", "co_quan": "x"})
    assert bad.status_code == 200 and "không hợp lệ" in bad.content.decode()


def test_it_renders_statistics_in_few_queries(
    procedure, board, client, django_assert_max_num_queries
):
    staff = board["sotttt"]["one_stop_officer"]
    for day in range(2, 12):
        _counter(procedure, staff, date(2026, 3, day))
    client.get("/thu-tuc/thong-ke/")
    # Seven for the statistics (rollup flows, carried over, open dossiers now
    # and closed since, views, procedures, agencies), the rest the page's frame.
    with django_assert_max_num_queries(26):
        assert (
            client.get("/thu-tuc/thong-ke/", {"tu": "2026-01", "den": "2026-06"}).status_code == 200
        )
