"""Fixtures: leaders and published weeks of the work schedule on the test portals."""

import datetime

import pytest

from eportal.core import clock
from eportal.organisation import services, weeks
from eportal.organisation.models import ScheduleItem, WorkSchedulePage


@pytest.fixture
def leaders(province):
    main, dept = province["main"], province["sotttt"]
    return {
        "chairman": services.add_leader(
            main, full_name="Nguyễn Quang Minh", position="Chủ tịch UBND tỉnh", order=1
        ),
        "vice": services.add_leader(
            main, full_name="Lê Thị Thu Hà", position="Phó Chủ tịch UBND tỉnh", order=2
        ),
        "director": services.add_leader(
            dept, full_name="Trần Đức Hải", position="Giám đốc Sở", order=1
        ),
    }


def this_monday():
    return weeks.monday_of(clock.today())


@pytest.fixture
def publish_week(province, superuser):
    """Publish a week of ``portal_key``'s schedule with ``items`` (dicts)."""

    def publish(portal_key="main", monday=None, items=()):
        index = services.ensure_index_page(province[portal_key])[0]
        page = services.new_week(index, monday or this_monday(), items, by=superuser)
        page.get_latest_revision().publish(user=superuser)
        return WorkSchedulePage.objects.get(pk=page.pk)

    return publish


def republish(page, user, change):
    """Edit the latest revision of ``page`` as an editor would and publish it."""
    draft = page.get_latest_revision_as_object()
    change(draft)
    draft.save_revision(user=user).publish(user=user)
    return WorkSchedulePage.objects.get(pk=page.pk)


def item(day_offset=0, hour=8, content="Họp giao ban", monday=None, **fields):
    monday = monday or this_monday()
    return {
        "date": monday + datetime.timedelta(days=day_offset),
        "start_time": datetime.time(hour, 0),
        "content": content,
        **fields,
    }


def schedule_item(**fields):
    return ScheduleItem(**item(**fields))
