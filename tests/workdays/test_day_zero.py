"""The day the clock starts is day 0: it never counts, whatever kind of day it is."""

from datetime import date, datetime

import pytest

from eportal.workdays import add_working_days, explain


def test_it_returns_the_start_for_zero_days():
    assert add_working_days(date(2026, 2, 17), 0) == date(2026, 2, 17)
    assert explain(date(2026, 3, 7), 0).skipped == ()


def test_it_never_counts_a_working_day_of_receipt():
    assert add_working_days(date(2026, 3, 9), 1) == date(2026, 3, 10)


def test_it_makes_monday_day_one_after_a_saturday_receipt():
    assert add_working_days(date(2026, 3, 7), 1) == date(2026, 3, 9)


def test_it_counts_from_the_first_working_day_after_a_holiday_receipt():
    # A question received on Tết (Tuesday 17/02/2026): day 1 is Monday 23/02.
    result = explain(date(2026, 2, 17), 1)
    assert result.due_date == date(2026, 2, 23)
    assert date(2026, 2, 17) not in {s.day for s in result.skipped}


def test_it_refuses_a_negative_number_of_days():
    with pytest.raises(ValueError, match="negative"):
        add_working_days(date(2026, 3, 9), -3)


def test_it_takes_the_date_of_a_datetime():
    assert add_working_days(datetime(2026, 3, 7, 23, 30), 1) == date(2026, 3, 9)
