import re
from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail as django_mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from eportal.core import clock
from eportal.watch import traffic
from eportal.watch.models import PageViewDay, TrafficMinute, WatchAlert


@pytest.fixture(autouse=True)
def _fresh_counters():
    traffic._views.clear()
    yield
    traffic._views.clear()


def _writes(ctx):
    return [
        q["sql"]
        for q in ctx.captured_queries
        if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
        and "session" not in q["sql"].lower()
    ]


def test_a_page_view_is_counted_without_a_write_and_the_flush_stores_it(province, client):
    host = "sotttt.thaibinh.gov.vn"
    client.get("/", HTTP_HOST=host)  # warm the portal caches
    traffic._views.clear()
    with CaptureQueriesContext(connection) as ctx:
        for _ in range(3):
            assert client.get("/", HTTP_HOST=host).status_code == 200
        client.get("/admin/", HTTP_HOST=host)  # not a public page
        client.get("/khong-co-trang-nay/", HTTP_HOST=host)  # a 404 is not a view
    assert _writes(ctx) == []
    assert not PageViewDay.objects.exists()

    assert traffic.flush() == 3
    row = PageViewDay.objects.get(portal=province["sotttt"])
    assert (row.path, row.day, row.views) == ("/", clock.today(), 3)
    minute = TrafficMinute.objects.get(portal=province["sotttt"])
    assert minute.views == 3 and sum(minute.durations) == 3

    client.get("/", HTTP_HOST=host)
    traffic.flush()
    assert PageViewDay.objects.get(portal=province["sotttt"]).views == 4
    assert (
        sum(TrafficMinute.objects.filter(portal=province["sotttt"]).values_list("views", flat=True))
        == 4
    )


NOW = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)


def _seed(portal, per_minute, *, days=8):
    """A steady history: ``per_minute`` views every minute around NOW's time
    of day on each of the previous ``days`` days, and the 24 h before NOW."""
    rows = {}
    for d in range(1, days + 1):
        for m in range(0, 20):
            minute = NOW - timedelta(days=d, minutes=m)
            rows[minute] = per_minute + (m % 3)
    for m in range(0, 24 * 60):
        rows.setdefault(NOW - timedelta(minutes=m + 1), per_minute + (m % 3))
    TrafficMinute.objects.bulk_create(
        TrafficMinute(portal=portal, minute=k, views=v, durations=[v]) for k, v in rows.items()
    )


def test_a_storm_warning_spike_raises_one_alert(province, settings):
    settings.EPORTAL_DEPARTMENT_EMAILS = ["stttt@example.gov.vn"]
    portal = province["main"]
    _seed(portal, 60)
    # The last 10 minutes: a storm warning, 400 views a minute instead of ~60.
    TrafficMinute.objects.filter(portal=portal, minute__gte=NOW - timedelta(minutes=10)).update(
        views=400
    )
    alerts = traffic.detect_spikes(NOW)
    assert [a.key for a in alerts] == ["spike:www"]
    assert alerts[0].kind == WatchAlert.Kind.TRAFFIC and "4000" in alerts[0].title
    traffic.detect_spikes(NOW)  # the next run does not mail again
    assert len(django_mail.outbox) == 1
    assert WatchAlert.objects.get(key="spike:www").times_seen == 2


def test_a_normal_busy_day_raises_nothing(province):
    _seed(province["main"], 60)  # ~610 views in 10 minutes: above the floor, but usual
    assert traffic.detect_spikes(NOW) == []
    assert not WatchAlert.objects.exists()


def test_a_small_portal_below_the_floor_raises_nothing(province):
    portal = province["quynhphu"]
    _seed(portal, 1)
    TrafficMinute.objects.filter(portal=portal, minute__gte=NOW - timedelta(minutes=10)).update(
        views=40
    )
    assert traffic.detect_spikes(NOW) == []


def test_with_less_than_a_week_the_last_24_hours_are_the_baseline(province):
    portal = province["main"]
    _seed(portal, 60, days=0)
    TrafficMinute.objects.filter(portal=portal, minute__gte=NOW - timedelta(minutes=10)).update(
        views=400
    )
    assert len(traffic.baseline(portal.pk, NOW)) == 144
    assert [a.key for a in traffic.detect_spikes(NOW)] == ["spike:www"]


def test_percentiles_come_from_the_histogram():
    # 50, 100, 200, 500, 1000, 2000, 5000, open
    assert traffic.percentile([90, 5, 0, 0, 0, 0, 0, 5], 0.5) == 50
    assert traffic.percentile([90, 5, 0, 0, 0, 0, 0, 5], 0.95) == 100
    assert traffic.percentile([0, 0, 0, 0, 0, 0, 0, 1], 0.95) == 10000
    assert traffic.percentile([], 0.5) is None


def test_the_dashboard_shows_the_portals_of_the_administrator_only(province, board, client):
    PageViewDay.objects.create(
        portal=province["sotttt"], path="/tin-tuc/bao-so-3/", day=clock.today(), views=1234
    )
    PageViewDay.objects.create(
        portal=province["quynhphu"], path="/tin-tuc/le-hoi/", day=clock.today(), views=77
    )
    client.force_login(board["sotttt"]["administrator"])
    page = client.get("/admin/watch/traffic/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "/tin-tuc/bao-so-3/" in html and "1234" in html and "<svg" in html
    # One bar a day, placed with SVG numbers (Vietnamese formatting would write "24,0").
    bars = re.findall(r'<rect x="([^"]*)" y="([^"]*)" width="([^"]*)" height="([^"]*)"', html)
    assert len(bars) == 30 and all(float(v) >= 0 for bar in bars for v in bar)
    other = client.get("/admin/watch/traffic/", {"portal": province["quynhphu"].pk})
    assert "/tin-tuc/le-hoi/" not in other.content.decode()

    client.force_login(board["sotttt"]["editor"])
    assert client.get("/admin/watch/traffic/").status_code in (302, 403)
