from datetime import date

from eportal.workdays import add_working_days, explain, is_working_day


def test_it_skips_saturday_and_sunday():
    # Friday 06/03/2026 + 1 working day is Monday 09/03.
    result = explain(date(2026, 3, 6), 1)
    assert result.due_date == date(2026, 3, 9)
    assert [(s.day, s.reason) for s in result.skipped] == [
        (date(2026, 3, 7), "Nghỉ hằng tuần"),
        (date(2026, 3, 8), "Nghỉ hằng tuần"),
    ]


def test_it_counts_monday_to_friday():
    assert all(is_working_day(date(2026, 3, day)) for day in range(9, 14))
    assert add_working_days(date(2026, 3, 9), 4) == date(2026, 3, 13)


def test_it_takes_a_holiday_on_a_sunday_with_its_compensatory_monday():
    # Hùng Kings' day 2026 is Sunday 26/04; Monday 27/04 is the day off in lieu.
    result = explain(date(2026, 4, 24), 1)
    assert result.due_date == date(2026, 4, 28)
    assert (date(2026, 4, 27), "Ngày Giỗ Tổ Hùng Vương (nghỉ bù)") in [
        (s.day, s.reason) for s in result.skipped
    ]
