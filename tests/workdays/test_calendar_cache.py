"""The cached calendar follows the overrides that the administrator saves or deletes."""

from datetime import date

import pytest

from eportal.workdays import services
from eportal.workdays.models import CalendarOverride

pytestmark = pytest.mark.django_db

MONDAY = date(2026, 3, 9)


def test_it_picks_up_a_new_override():
    assert services.calendar().is_working_day(MONDAY)

    CalendarOverride.objects.create(
        date=MONDAY, kind=CalendarOverride.Kind.DAY_OFF, reason="Nghỉ đột xuất"
    )

    assert not services.calendar().is_working_day(MONDAY)


def test_it_forgets_a_deleted_override():
    override = CalendarOverride.objects.create(
        date=MONDAY, kind=CalendarOverride.Kind.DAY_OFF, reason="Nghỉ đột xuất"
    )
    assert not services.calendar().is_working_day(MONDAY)

    override.delete()

    assert services.calendar().is_working_day(MONDAY)


def test_it_reuses_the_calendar_while_nothing_changes(django_assert_num_queries):
    first = services.calendar()

    with django_assert_num_queries(0):
        assert services.calendar() is first
