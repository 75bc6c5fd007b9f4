"""The public week and day views, the leader filter, search, the feed and the API."""

import datetime

from django.utils.formats import date_format

from eportal.core import clock
from eportal.organisation import queries, weeks
from tests.organisation.conftest import item, this_monday


def test_the_week_view_shows_this_week_by_default_and_any_week_by_name(
    publish_week, leaders, client
):
    publish_week(items=[item(0, content="Họp giao ban UBND tỉnh", chair=leaders["chairman"])])
    next_monday = weeks.shift(this_monday(), 1)
    publish_week(
        monday=next_monday, items=[item(2, content="Hội nghị xúc tiến đầu tư", monday=next_monday)]
    )
    html = client.get("/p/www/lich-cong-tac/").content.decode()
    assert "Họp giao ban UBND tỉnh" in html and "Hội nghị xúc tiến đầu tư" not in html
    assert f"?tuan={weeks.week_name(next_monday)}" in html
    html = client.get(f"/p/www/lich-cong-tac/?tuan={weeks.week_name(next_monday)}").content.decode()
    assert "Hội nghị xúc tiến đầu tư" in html and "Họp giao ban UBND tỉnh" not in html
    html = client.get("/p/www/lich-cong-tac/?tuan=2020-W01").content.decode()
    assert "chưa được đăng" in html


def test_the_leader_filter_keeps_what_they_chair(publish_week, leaders, client):
    publish_week(
        items=[
            item(0, content="Họp giao ban", chair=leaders["chairman"]),
            item(1, content="Kiểm tra đê điều", chair=leaders["vice"]),
        ]
    )
    html = client.get(f"/p/www/lich-cong-tac/?lanh-dao={leaders['vice'].pk}").content.decode()
    assert "Kiểm tra đê điều" in html and "Họp giao ban" not in html


def test_a_component_portal_shows_its_own_schedule_not_the_main_one(publish_week, client):
    publish_week(items=[item(0, content="Họp giao ban UBND tỉnh")])
    publish_week("sotttt", items=[item(0, content="Giao ban Sở Thông tin")])
    html = client.get("/p/sotttt/lich-cong-tac/").content.decode()
    assert "Giao ban Sở Thông tin" in html and "Họp giao ban UBND tỉnh" not in html


def test_the_day_view_and_the_home_pages_read_function_show_todays_items(publish_week, client):
    today = clock.today()
    offset = today.weekday()
    publish_week(
        items=[
            item(offset, content="Tiếp công dân định kỳ"),
            item((offset + 1) % 7, content="Việc khác"),
        ]
    )
    from eportal.portals.models import Portal

    entries = queries.items_on(Portal.objects.get(slug="www"), today)
    assert [e.content for e in entries] == ["Tiếp công dân định kỳ"]
    html = client.get("/p/www/lich-cong-tac/ngay/").content.decode()
    assert "Tiếp công dân định kỳ" in html and "Việc khác" not in html
    assert date_format(today, "d/m/Y") in html


def test_search_finds_items_with_or_without_accents(publish_week, client):
    publish_week(
        items=[
            item(0, content="Kiểm tra công tác phòng chống lụt bão", place="Huyện Thái Thụy"),
            item(1, content="Họp giao ban"),
        ]
    )
    for q in ("lụt bão", "lut bao", "thai thuy"):
        html = client.get("/p/www/lich-cong-tac/", {"q": q}).content.decode()
        assert "Tìm thấy 1 nội dung" in html, q
        assert "phòng chống lụt bão" in html


def test_the_feed_lists_published_weeks(publish_week, client):
    import feedparser

    publish_week(items=[item(0, content="Họp giao ban")])
    feed = feedparser.parse(client.get("/p/www/feeds/lich-cong-tac/rss/").content)
    assert len(feed.entries) == 1 and "Họp giao ban" in feed.entries[0].description


def test_the_api_gives_the_week_its_items_and_the_leaders(publish_week, leaders, client):
    publish_week(
        items=[item(0, content="Họp giao ban", chair=leaders["chairman"], place="Phòng 1")]
    )
    week = client.get("/api/v1/work-schedules/current").json()
    assert week["week"] == weeks.week_name(this_monday())
    (entry,) = week["items"]
    assert (entry["content"], entry["chair"], entry["change"]) == (
        "Họp giao ban",
        "Nguyễn Quang Minh",
        None,
    )
    listing = client.get("/api/v1/work-schedules", {"portal": "www"}).json()
    assert listing["count"] == 1 and listing["items"][0]["item_count"] == 1
    assert client.get("/api/v1/work-schedules/2020-W01").status_code == 404
    found = client.get("/api/v1/work-schedules/search", {"q": "hop giao ban"}).json()
    assert [f["content"] for f in found] == ["Họp giao ban"]
    people = client.get("/api/v1/leaders", {"portal": "www"}).json()
    assert [p["full_name"] for p in people] == ["Nguyễn Quang Minh", "Lê Thị Thu Hà"]
    assert people[0]["ical"].endswith(f"/lich-cong-tac/lanh-dao/{leaders['chairman'].pk}/ical/")
    assert people[0]["url"].endswith(f"/lanh-dao/{leaders['chairman'].pk}/")


def test_a_past_leader_is_listed_apart(leaders, client):
    leaders["vice"].term_end = datetime.date(2020, 6, 30)
    leaders["vice"].save()
    current = client.get("/api/v1/leaders", {"portal": "www", "current": "true"}).json()
    past = client.get("/api/v1/leaders", {"portal": "www", "current": "false"}).json()
    assert [p["full_name"] for p in current] == ["Nguyễn Quang Minh"]
    assert [p["full_name"] for p in past] == ["Lê Thị Thu Hà"]


def test_the_week_prints(publish_week, client):
    publish_week(items=[item(0, content="Họp giao ban")])
    html = client.get("/p/www/lich-cong-tac/ban-in/").content.decode()
    assert "Họp giao ban" in html and "<table>" in html


def test_the_feed_reads_its_weeks_in_a_fixed_number_of_queries(
    publish_week, client, django_assert_max_num_queries
):
    for n in range(3):
        monday = weeks.shift(this_monday(), -n)
        publish_week(monday=monday, items=[item(0, monday=monday), item(1, monday=monday)])
    client.get("/p/www/feeds/lich-cong-tac/rss/")  # warm the portal's caches
    with django_assert_max_num_queries(12):
        assert client.get("/p/www/feeds/lich-cong-tac/rss/").status_code == 200
