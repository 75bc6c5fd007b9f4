"""Deadlines that run across the 2026 lunar New Year (Tết Bính Ngọ, 17/02/2026)."""

from datetime import date

from eportal.workdays import add_working_days, explain, is_working_day


def test_it_skips_the_five_tet_days_and_the_weekends_around_them():
    result = explain(date(2026, 2, 10), 15)

    assert result.due_date == date(2026, 3, 10)
    tet = {s.day: s.reason for s in result.skipped if s.reason != "Nghỉ hằng tuần"}
    assert tet == {
        date(2026, 2, 16): "Giao thừa Tết Nguyên Đán",
        date(2026, 2, 17): "Tết Nguyên Đán",
        date(2026, 2, 18): "Mùng hai Tết Nguyên Đán",
        date(2026, 2, 19): "Mùng ba Tết Nguyên Đán",
        date(2026, 2, 20): "Mùng bốn Tết Nguyên Đán",
    }


def test_it_treats_the_nine_day_break_as_one_gap():
    # Civil servants are off from Saturday 14/02 to Sunday 22/02/2026.
    assert not any(is_working_day(date(2026, 2, day)) for day in range(14, 23))
    assert add_working_days(date(2026, 2, 13), 1) == date(2026, 2, 23)


def test_it_gives_a_two_day_legal_document_deadline_after_tet():
    # Issued on Friday 13/02: 23/02 is day 1, 24/02 day 2.
    assert add_working_days(date(2026, 2, 13), 2) == date(2026, 2, 24)
