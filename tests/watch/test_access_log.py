"""Page views nginx served from its cache are read from its access log, each
line once, through a rotation, with the middleware's own rule."""

import os
from datetime import UTC, date, datetime

from django.core.management import call_command

from eportal.watch import access_log
from eportal.watch.models import PageViewDay, TrafficMinute

HTML = "text/html; charset=utf-8"


def line(
    path,
    *,
    host="sotttt.thaibinh.gov.vn",
    cache="HIT",
    status=200,
    method="GET",
    when="2026-11-20T09:15:42+07:00",
    seconds="0.002",
    content_type=HTML,
):
    return f"{when}\t{host}\t{method}\t{path}\t{status}\t{cache}\t{seconds}\t{content_type}\n"


def views(portal, path):
    row = PageViewDay.objects.filter(portal=portal, path=path).first()
    return row.views if row else 0


def test_it_counts_cache_hits_once_and_leaves_the_rest_to_django(province, tmp_path):
    log = tmp_path / "eportal-traffic.log"
    log.write_text(
        line("/tin-tuc/")
        + line("/tin-tuc/", cache="STALE")
        + line("/tin-tuc/", cache="MISS")  # reached Django: counted there
        + line("/tin-tuc/", cache="BYPASS")
        + line("/", host="www.thaibinh.gov.vn")
        + line("/p/sotttt/hoi-dap/", host="127.0.0.1:8080")  # the portal by path
        + line("/tin-tuc/", status=404)
        + line("/tin-tuc/", method="POST")
        + line("/static/css/site.css", content_type="text/css")
        + line("/admin/", content_type=HTML)
        + line("/feeds/tin-tuc/rss/", content_type="application/rss+xml")
        + "a line that is not in the eportal_traffic format\n"
        + line("/tin-tuc/").rstrip("\n"),  # nginx is still writing it
        encoding="utf-8",
    )
    assert access_log.ingest(log) == (4, 1)
    sotttt, main = province["sotttt"], province["main"]
    assert views(sotttt, "/tin-tuc/") == 2
    assert views(main, "/") == 1
    assert views(sotttt, "/p/sotttt/hoi-dap/") == 1
    row = PageViewDay.objects.get(portal=sotttt, path="/tin-tuc/")
    assert row.day == date(2026, 11, 20)
    minute = TrafficMinute.objects.get(
        portal=sotttt, minute=datetime(2026, 11, 20, 2, 15, tzinfo=UTC)
    )
    assert minute.views == 3 and minute.durations[0] == 3  # all under 50 ms

    # Read again: nothing new. The unfinished line, once whole, is counted once.
    assert access_log.ingest(log) == (0, 0)
    with log.open("a", encoding="utf-8") as handle:
        handle.write("\n" + line("/tin-tuc/"))
    assert access_log.ingest(log)[0] == 2
    assert views(sotttt, "/tin-tuc/") == 4


def test_it_finishes_a_rotated_log_then_reads_the_new_one(province, tmp_path):
    log = tmp_path / "eportal-traffic.log"
    log.write_text(line("/tin-tuc/"), encoding="utf-8")
    access_log.ingest(log)
    with log.open("a", encoding="utf-8") as handle:
        handle.write(line("/tin-tuc/"))  # written just before the rotation
    os.rename(log, tmp_path / "eportal-traffic.log.1")
    log.write_text(line("/tin-tuc/") + line("/tin-tuc/"), encoding="utf-8")
    assert access_log.ingest(log)[0] == 3
    assert views(province["sotttt"], "/tin-tuc/") == 4

    log.write_text(line("/tin-tuc/"), encoding="utf-8")  # truncated in place
    assert access_log.ingest(log)[0] == 1


def test_the_periodic_command_reads_the_configured_log(province, tmp_path, settings, capsys):
    log = tmp_path / "eportal-traffic.log"
    log.write_text(line("/tin-tuc/") * 3, encoding="utf-8")
    settings.EPORTAL_NGINX_TRAFFIC_LOG = str(log)
    call_command("watch-traffic")
    assert "Lượt xem từ bộ nhớ đệm nginx: 3" in capsys.readouterr().out
    assert views(province["sotttt"], "/tin-tuc/") == 3
