"""The statistics read a monthly rollup kept by every dossier save; these tests
hold it to a plain recount of the dossiers, period by period."""

import random
from datetime import date, timedelta

import pytest
from django.core.management import call_command

from eportal.dossiers import rollup, statistics
from eportal.dossiers import services as dossier_services
from eportal.dossiers.models import Channel, Dossier, DossierMonthStat, Status
from eportal.procedures.queries import procedure_portal
from tests.dossiers.test_statistics import _counter, at
from tests.online_services import make_procedure

PERIODS = [
    (date(2026, 1, 1), date(2026, 1, 31)),  # one whole month
    (date(2026, 1, 1), date(2026, 4, 30)),  # whole months
    (date(2026, 1, 15), date(2026, 3, 10)),  # partial months at both edges
    (date(2026, 2, 3), date(2026, 2, 20)),  # inside one month
    (date(2026, 2, 10), date(2026, 3, 31)),  # partial start, whole end
    (date(2025, 12, 1), date(2026, 6, 30)),  # reaching past every dossier
]


def expected(dossiers, start, end, as_of):
    """Count by definition, one dossier at a time (the module docstring)."""

    def within(day):
        return day is not None and start <= day <= end

    def open_on(d, day):
        return d.received_on <= day and (d.closed_on is None or d.closed_on > day)

    finished = [d for d in dossiers if within(d.finished_on)]
    still_open = [d for d in dossiers if open_on(d, as_of)]
    return {
        "received_online": sum(
            within(d.received_on) and d.channel == Channel.ONLINE for d in dossiers
        ),
        "received_in_person": sum(
            within(d.received_on) and d.channel == Channel.IN_PERSON for d in dossiers
        ),
        "received_post": sum(within(d.received_on) and d.channel == Channel.POST for d in dossiers),
        "carried_over": sum(
            d.received_on < start and (d.closed_on is None or d.closed_on >= start)
            for d in dossiers
        ),
        "early": sum(d.finished_on < d.due_date for d in finished),
        "on_time": sum(d.finished_on == d.due_date for d in finished),
        "late": sum(d.finished_on > d.due_date for d in finished),
        "within": sum(d.due_date is None or d.due_date >= as_of for d in still_open),
        "overdue": sum(d.due_date is not None and d.due_date < as_of for d in still_open),
    }


@pytest.fixture
def history(procedure, province, board):
    """Forty dossiers of two procedures through every ending, Jan–Apr 2026."""
    staff = board["sotttt"]["one_stop_officer"]
    other = make_procedure(province["sotttt"], code="1.000002", title="Thủ tục thứ hai")
    rng = random.Random(7)
    for n in range(40):
        day = date(2026, 1, 5) + timedelta(days=rng.randrange(90))
        channel = rng.choice([Channel.IN_PERSON, Channel.POST])
        dossier = _counter(rng.choice([procedure, other]), staff, day, channel)
        fate = n % 5
        later = day + timedelta(days=rng.randrange(1, 20))
        with at(later):
            if fate == 0:
                dossier_services.finish(dossier, by=staff)
            elif fate == 1:
                dossier_services.finish(dossier, by=staff)
                dossier_services.return_result(dossier, by=staff)
            elif fate == 2:
                dossier_services.request_supplement(dossier, by=staff, items="Bản sao")
            elif fate == 3:
                dossier_services.stop(dossier, by=staff, reason="Không đủ điều kiện")
    return staff


def test_the_rollup_equals_a_recount_from_scratch(history):
    incremental = set(
        DossierMonthStat.objects.values_list(
            "portal_id", "agency_id", "procedure_id", "procedure_code", "month", *rollup.FLOWS
        )
    )
    assert incremental  # the saves above wrote rows

    rollup.rebuild()

    rebuilt = set(
        DossierMonthStat.objects.values_list(
            "portal_id", "agency_id", "procedure_id", "procedure_code", "month", *rollup.FLOWS
        )
    )
    assert incremental == rebuilt


@pytest.mark.parametrize("start,end", PERIODS)
def test_every_figure_matches_a_count_by_definition(history, procedure, start, end):
    report = statistics.build_report(start=start, end=end, portal=procedure_portal(procedure))
    dossiers = list(Dossier.objects.all())
    want = expected(dossiers, start, end, report.as_of)
    assert {key: report.totals[key] for key in want} == want
    per_procedure = {row.code: row.values for row in report.procedures}
    for code in ("1.000001", "1.000002"):
        mine = [d for d in dossiers if d.procedure_code == code]
        got = per_procedure.get(code, {})
        assert {key: got.get(key, 0) for key in want} == expected(mine, start, end, report.as_of)
    received_by_month = {m["month"]: m["received"] for m in report.months}
    for month, count in received_by_month.items():
        lo, hi = max(month, start), min(statistics.month_end(month), end)
        assert count == sum(lo <= d.received_on <= hi for d in dossiers)


def test_a_dossier_paused_then_counts_as_paused_in_that_period(procedure, board):
    staff = board["sotttt"]["one_stop_officer"]
    dossier = _counter(procedure, staff, date(2026, 2, 2))
    with at(date(2026, 2, 10)):
        dossier_services.request_supplement(dossier, by=staff, items="Bản sao")
    with at(date(2026, 3, 3)):
        dossier_services.start_processing(dossier, by=staff)  # documents brought to the desk
    portal = procedure_portal(procedure)

    february = statistics.build_report(start=date(2026, 2, 1), end=date(2026, 2, 28), portal=portal)
    january = statistics.build_report(start=date(2026, 1, 1), end=date(2026, 1, 31), portal=portal)

    assert february.totals["paused"] == 1
    assert january.totals["paused"] == 0


def test_moving_a_dossier_to_another_month_moves_its_count(procedure, board):
    staff = board["sotttt"]["one_stop_officer"]
    dossier = _counter(procedure, staff, date(2026, 1, 20))
    assert DossierMonthStat.objects.get(month=date(2026, 1, 1)).received_in_person == 1

    dossier = Dossier.objects.get(pk=dossier.pk)
    dossier.received_on = date(2026, 2, 3)
    dossier.save()

    assert not DossierMonthStat.objects.filter(month=date(2026, 1, 1)).exists()
    assert DossierMonthStat.objects.get(month=date(2026, 2, 1)).received_in_person == 1
    dossier.delete()
    assert not DossierMonthStat.objects.exists()


def test_counts_survive_the_deletion_of_the_procedure_page(procedure, board):
    staff = board["sotttt"]["one_stop_officer"]
    for day in (5, 6, 7):
        _counter(procedure, staff, date(2026, 1, day))
    code = procedure.code
    procedure.delete()

    report = statistics.build_report(start=date(2026, 1, 1), end=date(2026, 1, 31))
    assert report.totals["received"] == 3
    orphan = Dossier.objects.filter(procedure_code=code).first()
    orphan.received_on = date(2026, 1, 8)
    orphan.save()  # a recount of the orphaned rows merges them
    assert DossierMonthStat.objects.filter(procedure__isnull=True).count() == 1
    again = statistics.build_report(start=date(2026, 1, 1), end=date(2026, 1, 31))
    assert again.totals["received"] == 3


def test_the_rebuild_command_recounts_bulk_loaded_dossiers(procedure, board, capsys):
    staff = board["sotttt"]["one_stop_officer"]
    template = _counter(procedure, staff, date(2026, 1, 5))
    copies = []
    for n in range(5):
        template.pk = None
        template.code = f"{template.code}-{n}"
        template.submission_key = None
        template.status = Status.RETURNED
        template.finished_on = template.closed_on = date(2026, 1, 9)
        copies.append(
            Dossier(
                **{f.attname: getattr(template, f.attname) for f in Dossier._meta.concrete_fields}
            )
        )
    Dossier.objects.bulk_create(copies)  # no signals: the rollup misses them
    assert (
        statistics.build_report(start=date(2026, 1, 1), end=date(2026, 1, 31)).totals["received"]
        == 1
    )

    call_command("procedure-statistics", "rebuild")

    assert "Đã tính lại thống kê" in capsys.readouterr().out
    totals = statistics.build_report(start=date(2026, 1, 1), end=date(2026, 1, 31)).totals
    assert totals["received"] == 6 and totals["resolved"] == 5


def test_the_page_costs_the_same_queries_with_more_dossiers(procedure, board, client):
    staff = board["sotttt"]["one_stop_officer"]
    params = {"tu": "2026-01", "den": "2026-06"}

    def count_queries():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        client.get("/thu-tuc/thong-ke/", params)  # warm caches
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/thu-tuc/thong-ke/", params).status_code == 200
        return len(queries)

    _counter(procedure, staff, date(2026, 3, 2))
    few = count_queries()
    for day in range(3, 20):
        _counter(procedure, staff, date(2026, 3, day))
    assert count_queries() == few


def test_a_partly_loaded_dossier_still_recounts_the_month_it_leaves(procedure, board):
    staff = board["sotttt"]["one_stop_officer"]
    dossier = _counter(procedure, staff, date(2026, 1, 20))

    partial = Dossier.objects.only("pk", "received_on").get(pk=dossier.pk)
    partial.received_on = date(2026, 3, 2)
    partial.save()

    assert not DossierMonthStat.objects.filter(month=date(2026, 1, 1)).exists()
    assert DossierMonthStat.objects.get(month=date(2026, 3, 1)).received_in_person == 1
