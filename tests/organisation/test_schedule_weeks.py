"""Weeks are ISO weeks: Monday to Sunday, named 2026-W50; holidays change nothing."""

import datetime

from hypothesis import given
from hypothesis import strategies as st

from eportal.organisation import weeks


def test_it_names_the_week_that_spans_new_year_by_its_iso_year():
    # 1 January 2027 is a Friday: its week began on Monday 28 December 2026, week 53.
    monday = weeks.monday_of(datetime.date(2027, 1, 1))
    assert monday == datetime.date(2026, 12, 28)
    assert weeks.week_name(monday) == "2026-W53"
    assert weeks.parse_week("2026-W53") == monday


def test_it_refuses_a_week_53_in_a_year_of_52_weeks():
    assert weeks.parse_week("2025-W53") is None
    assert weeks.parse_week("2025-W52") == datetime.date(2025, 12, 22)


def test_it_reads_the_browsers_and_the_short_form_and_nothing_else():
    assert weeks.parse_week("2026-W05") == weeks.parse_week("2026w5") == datetime.date(2026, 1, 26)
    assert weeks.parse_week("") is None
    assert weeks.parse_week("tuần 5") is None
    assert weeks.parse_week("2026-W00") is None


def test_a_week_with_a_holiday_still_has_seven_days():
    # Hùng Kings' day (10/3 lunar) fell on Monday 27 April 2026; Tết on 17 February.
    for day in (datetime.date(2026, 4, 27), datetime.date(2026, 2, 17)):
        days = weeks.week_days(weeks.monday_of(day))
        assert len(days) == 7 and days[0].weekday() == 0 and day in days


@given(st.dates(min_value=datetime.date(1990, 1, 1), max_value=datetime.date(2100, 12, 31)))
def test_every_day_belongs_to_the_week_its_name_names(day):
    monday = weeks.monday_of(day)
    assert monday <= day <= monday + datetime.timedelta(days=6)
    assert weeks.parse_week(weeks.week_name(monday)) == monday
    assert weeks.shift(monday, 1) - monday == datetime.timedelta(days=7)
