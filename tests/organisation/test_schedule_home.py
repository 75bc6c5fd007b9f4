"""The leaders' work schedule on the home page (the home block ``work_schedule``):
today's lines, the coming days' on a day without any, nothing unpublished."""

import datetime

from django.core.cache import caches

from eportal.core import clock
from tests.organisation.conftest import item, this_monday
from tests.portals.test_home_blocks import compose, home_html

BLOCK = ("work_schedule", {"title": "", "show": "today"})


def _at(day: datetime.date):
    return clock.frozen_at(datetime.datetime.combine(day, datetime.time(3), datetime.UTC))


def test_the_home_shows_todays_lines_of_the_published_week(client, province, publish_week):
    monday = this_monday()
    with _at(monday + datetime.timedelta(days=1)):
        publish_week(items=[item(1, content="Tiếp công dân định kỳ"), item(2, content="Họp HĐND")])
        compose(province["main"], BLOCK)
        html = home_html(client, province["main"])
    assert "Tiếp công dân định kỳ" in html and "Họp HĐND" not in html
    assert "Xem lịch công tác cả tuần" in html


def test_on_a_day_without_lines_it_shows_the_coming_days(client, province, publish_week):
    monday = this_monday()
    with _at(monday + datetime.timedelta(days=2)):
        publish_week(items=[item(0, content="Giao ban đầu tuần"), item(4, content="Kiểm tra đê")])
        compose(province["main"], BLOCK)
        html = home_html(client, province["main"])
    assert "Kiểm tra đê" in html and "Giao ban đầu tuần" not in html


def test_an_unpublished_week_shows_no_box(client, province):
    caches["default"].clear()
    compose(province["sotttt"], BLOCK)
    assert "schedule-home" not in home_html(client, province["sotttt"])
