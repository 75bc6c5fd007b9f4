"""Swaps announced for 2026 that the holidays package does not hold are seeded."""

from datetime import date

import pytest

from eportal.workdays import services
from eportal.workdays.models import CalendarOverride

pytestmark = pytest.mark.django_db


def test_it_seeds_the_new_year_2026_swap_with_its_legal_source():
    day_off = CalendarOverride.objects.get(date=date(2026, 1, 2))
    worked = CalendarOverride.objects.get(date=date(2026, 1, 10))

    assert day_off.kind == CalendarOverride.Kind.DAY_OFF
    assert worked.kind == CalendarOverride.Kind.WORKING_DAY
    assert "12729/VPCP-KGVX" in day_off.reason
    assert "12729/VPCP-KGVX" in worked.reason


def test_it_applies_the_seeded_swap_to_due_dates():
    calendar = services.calendar()

    # Received Wednesday 31/12/2025: 01/01 and 02/01 are off, Monday 05/01 is day 1.
    assert calendar.add_working_days(date(2025, 12, 31), 1) == date(2026, 1, 5)
    # Received Friday 09/01/2026: Saturday 10/01 is worked, so it is day 1.
    assert calendar.add_working_days(date(2026, 1, 9), 1) == date(2026, 1, 10)
