"""The 2026 National Day break: Saturday 22/08 is worked so that Monday 31/08 is off."""

from datetime import date

from eportal.workdays import explain, is_working_day


def test_it_counts_the_working_saturday_22_august():
    assert is_working_day(date(2026, 8, 22))
    # Received Friday 21/08: the Saturday is day 1.
    assert explain(date(2026, 8, 21), 1).due_date == date(2026, 8, 22)


def test_it_skips_the_swapped_monday_and_national_day():
    result = explain(date(2026, 8, 27), 3)

    # Fri 28/08 is day 1; 29/08–02/09 are off; Thu 03/09 day 2, Fri 04/09 day 3.
    assert result.due_date == date(2026, 9, 4)
    reasons = {s.day: s.reason for s in result.skipped}
    assert reasons == {
        date(2026, 8, 29): "Nghỉ hằng tuần",
        date(2026, 8, 30): "Nghỉ hằng tuần",
        date(2026, 8, 31): "Ngày nghỉ (thay cho ngày 22/08/2026)",
        date(2026, 9, 1): "Quốc khánh",
        date(2026, 9, 2): "Quốc khánh",
    }


def test_it_reaches_a_due_date_before_the_break_a_day_sooner():
    # From Friday 14/08, ten working days end Thursday 27/08, not Friday 28/08,
    # because Saturday 22/08 is worked.
    result = explain(date(2026, 8, 14), 10)
    assert result.due_date == date(2026, 8, 27)
    assert date(2026, 8, 22) not in {s.day for s in result.skipped}


def test_it_says_which_weekend_day_counted():
    result = explain(date(2026, 8, 20), 10)

    assert result.due_date == date(2026, 9, 7)
    assert [(s.day, s.reason) for s in result.extra_working] == [
        (date(2026, 8, 22), "Làm bù cho ngày nghỉ Thứ Hai, 31/08/2026"),
    ]
