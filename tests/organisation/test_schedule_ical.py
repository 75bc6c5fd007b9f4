"""The iCalendar feeds, per agency and per leader, read back with icalendar."""

import datetime

from icalendar import Calendar

from eportal.organisation.models import WorkScheduleIndexPage
from tests.organisation.conftest import item, republish


def _calendar(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def test_the_agency_feed_holds_every_item_in_local_time_with_stable_uids(
    publish_week, leaders, client, superuser
):
    page = publish_week(
        items=[
            item(0, content="Họp giao ban", chair=leaders["chairman"], place="Phòng họp số 1"),
            item(1, hour=14, content="Tiếp công dân", end_time=datetime.time(16, 30)),
        ]
    )
    cal = _calendar(client, "/p/www/lich-cong-tac/ical/")
    events = {e["summary"]: e for e in cal.walk("VEVENT")}
    assert set(events) == {"Họp giao ban", "Tiếp công dân"}
    assert [tz["tzid"] for tz in cal.walk("VTIMEZONE")] == ["Asia/Ho_Chi_Minh"]
    start = events["Tiếp công dân"].decoded("dtstart")
    assert (start.hour, str(start.tzinfo)) == (14, "Asia/Ho_Chi_Minh")
    assert events["Tiếp công dân"].decoded("dtend").time() == datetime.time(16, 30)
    assert events["Họp giao ban"]["location"] == "Phòng họp số 1"
    assert "Nguyễn Quang Minh" in events["Họp giao ban"]["description"]
    uids = {str(e["uid"]) for e in events.values()}

    def move(draft):
        items = list(draft.items.all())
        items[0].start_time = datetime.time(9, 0)
        draft.items = items

    republish(page, superuser, move)
    again = {
        e["summary"]: e for e in _calendar(client, "/p/www/lich-cong-tac/ical/").walk("VEVENT")
    }
    assert {str(e["uid"]) for e in again.values()} == uids
    assert again["Họp giao ban"].decoded("dtstart").hour == 9
    assert again["Họp giao ban"]["sequence"] > events["Họp giao ban"]["sequence"]


def test_the_leaders_feed_holds_only_what_they_chair(publish_week, leaders, client):
    publish_week(
        items=[
            item(0, content="Họp giao ban", chair=leaders["chairman"]),
            item(1, content="Kiểm tra đê điều", chair=leaders["vice"]),
        ]
    )
    index = WorkScheduleIndexPage.objects.get(url_path__startswith="/www/")
    path = "/p/www/lich-cong-tac/" + index.reverse_subpage("leader_ical", args=[leaders["vice"].pk])
    summaries = [str(e["summary"]) for e in _calendar(client, path).walk("VEVENT")]
    assert summaries == ["Kiểm tra đê điều"]


def test_another_portals_leader_has_no_feed_here(leaders, client):
    director = leaders["director"].pk
    assert client.get(f"/p/www/lich-cong-tac/lanh-dao/{director}/ical/").status_code == 404
    assert client.get(f"/p/sotttt/lich-cong-tac/lanh-dao/{director}/ical/").status_code == 200


def test_a_cancelled_item_is_cancelled_in_the_calendar(publish_week, client):
    publish_week(items=[item(0, content="Hội nghị sơ kết", cancelled=True)])
    (event,) = _calendar(client, "/p/www/lich-cong-tac/ical/").walk("VEVENT")
    assert event["status"] == "CANCELLED"
