"""Items changed, added or cancelled after a week is published are marked
"điều chỉnh" with the time of the publication that changed them."""

import datetime

from django.utils import timezone

from eportal.organisation import queries
from eportal.organisation.models import ScheduleChange
from tests.organisation.conftest import item, republish, schedule_item


def _by_content(page):
    return {entry.content: entry for entry in queries.entries(page)}


def test_it_marks_nothing_at_the_first_publication(publish_week, leaders):
    page = publish_week(items=[item(0, chair=leaders["chairman"]), item(1, content="Tiếp dân")])
    assert [e.is_changed for e in queries.entries(page)] == [False, False]


def test_it_marks_a_moved_item_an_added_one_and_a_cancelled_one(publish_week, superuser):
    page = publish_week(
        items=[
            item(0, content="Họp giao ban"),
            item(1, content="Tiếp dân"),
            item(2, content="Làm việc với Ban Tuyên giáo"),
        ]
    )

    def edit(draft):
        items = list(draft.items.all())
        items[0].start_time = datetime.time(14, 0)  # moved to the afternoon
        items[1].cancelled = True
        draft.items = [*items, schedule_item(day_offset=3, content="Làm việc với Sở Y tế")]

    page = republish(page, superuser, edit)
    entries = _by_content(page)
    assert entries["Họp giao ban"].change.kind == ScheduleChange.Kind.CHANGED
    assert entries["Họp giao ban"].changed_at == page.last_published_at
    assert entries["Tiếp dân"].change.kind == ScheduleChange.Kind.CANCELLED
    assert entries["Tiếp dân"].cancelled
    assert entries["Làm việc với Sở Y tế"].change.kind == ScheduleChange.Kind.ADDED
    unchanged = [e for e in queries.entries(page) if e.date == entries["Họp giao ban"].date]
    assert unchanged[0].is_changed  # the one moved on Monday


def test_a_mark_stays_when_a_later_publication_changes_something_else(publish_week, superuser):
    page = publish_week(items=[item(0, content="Họp giao ban"), item(1, content="Tiếp dân")])

    def move_first(draft):
        items = list(draft.items.all())
        items[0].place = "Phòng họp số 2"
        draft.items = items

    page = republish(page, superuser, move_first)
    marked_at = _by_content(page)["Họp giao ban"].changed_at
    assert marked_at is not None

    def retitle(draft):
        draft.note = "Lịch có thể thay đổi."

    page = republish(page, superuser, retitle)
    entries = _by_content(page)
    assert entries["Họp giao ban"].changed_at == marked_at
    assert not entries["Tiếp dân"].is_changed


def test_an_item_deleted_after_publication_is_still_shown_as_cancelled(publish_week, superuser):
    page = publish_week(items=[item(0, content="Họp giao ban"), item(1, content="Tiếp dân")])

    def delete_second(draft):
        draft.items = [i for i in draft.items.all() if i.content != "Tiếp dân"]

    page = republish(page, superuser, delete_second)
    entry = _by_content(page)["Tiếp dân"]
    assert entry.cancelled and entry.change.kind == ScheduleChange.Kind.REMOVED


def test_the_week_shows_the_mark_and_its_time(publish_week, superuser, client):
    page = publish_week(items=[item(0, content="Họp giao ban")])

    def edit(draft):
        items = list(draft.items.all())
        items[0].start_time = datetime.time(15, 30)
        draft.items = items

    page = republish(page, superuser, edit)
    html = client.get("/p/www/lich-cong-tac/").content.decode()
    assert "Họp giao ban" in html
    assert "Điều chỉnh" in html
    assert f"lúc {timezone.localtime(page.last_published_at):%H:%M %d/%m/%Y}" in html
    assert "schedule-item--changed" in html
