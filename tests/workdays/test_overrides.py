"""Days announced by the government take precedence over the holidays package."""

from datetime import date

from eportal.workdays import DayKind, Override, Source, WorkCalendar

NEW_YEAR_2026 = "Công văn 12729/VPCP-KGVX ngày 25/12/2025"


def test_it_takes_an_announced_day_off():
    calendar = WorkCalendar([Override(date(2026, 1, 2), DayKind.DAY_OFF, NEW_YEAR_2026)])

    assert not calendar.is_working_day(date(2026, 1, 2))
    result = calendar.explain(date(2026, 1, 1), 1)
    assert result.due_date == date(2026, 1, 5)
    assert (date(2026, 1, 2), NEW_YEAR_2026) in [(s.day, s.reason) for s in result.skipped]


def test_it_takes_an_announced_working_saturday():
    calendar = WorkCalendar([Override(date(2026, 1, 10), DayKind.WORKING_DAY, NEW_YEAR_2026)])

    assert calendar.is_working_day(date(2026, 1, 10))
    assert calendar.add_working_days(date(2026, 1, 9), 1) == date(2026, 1, 10)


def test_it_lets_an_override_beat_a_package_holiday():
    # Should the package wrongly hold 31/08/2026 as off, an override corrects it.
    calendar = WorkCalendar([Override(date(2026, 8, 31), DayKind.WORKING_DAY, "Đính chính")])

    status = calendar.describe(date(2026, 8, 31))
    assert status.is_working
    assert status.source == Source.OVERRIDE


def test_it_lets_an_override_beat_a_package_working_saturday():
    calendar = WorkCalendar([Override(date(2026, 8, 22), DayKind.DAY_OFF, "Đính chính")])

    assert not calendar.is_working_day(date(2026, 8, 22))


def test_it_leaves_the_default_calendar_alone():
    WorkCalendar([Override(date(2026, 3, 9), DayKind.DAY_OFF, "Thử")])

    assert WorkCalendar().is_working_day(date(2026, 3, 9))
