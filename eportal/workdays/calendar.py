"""Working-day arithmetic for Vietnamese state agencies (pure Python, no Django).

A day is a working day when it is Monday–Friday and not a public holiday, or
when the government has declared it a working day (a Saturday worked in
exchange for a bridging day off). Holidays come from the ``holidays`` package
(country VN: New Year, lunar Tết, Hùng Kings' day, 30/4, 1/5, National Day,
compensatory and substituted days it knows). Overrides passed in as data —
extra days off and working weekend days that the government announces each
year — take precedence over the package.

Counting rule (used by every legal deadline): the day the clock starts (the
day of receipt, issue, approval…) is day 0 and never counts; the due date is
the n-th working day after it, whatever kind of day day 0 was.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

import holidays

WEEKDAY_NAMES = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")
WEEKLY_REST = "Nghỉ hằng tuần"
SUBSTITUTED_WORKING_DAY = "Làm bù cho ngày nghỉ {day_off}"
SUBSTITUTED_WORKING_DAY_UNPAIRED = "Ngày làm bù"

_ONE_DAY = timedelta(days=1)


class DayKind(StrEnum):
    """What an override makes of a day."""

    DAY_OFF = "day_off"
    WORKING_DAY = "working_day"


class Source(StrEnum):
    """Where a day's status comes from."""

    WEEKDAY = "weekday"  # an ordinary Monday–Friday
    WEEKEND = "weekend"  # an ordinary Saturday or Sunday
    HOLIDAYS = "holidays"  # the `holidays` package (holidays, substituted days)
    OVERRIDE = "override"  # announced by the government, entered as data


@dataclass(frozen=True)
class Override:
    """A day that the government declared off, or declared a working day."""

    day: date
    kind: DayKind
    reason: str


@dataclass(frozen=True)
class CalendarDay:
    """One day's status and why."""

    day: date
    is_working: bool
    reason: str
    source: Source


@dataclass(frozen=True)
class Explanation:
    """A due date, the non-working days skipped to reach it, and the unusual days counted."""

    start: date
    working_days: int
    due_date: date
    skipped: tuple[CalendarDay, ...]
    # Weekend days (or holidays) that counted because they were declared working.
    extra_working: tuple[CalendarDay, ...] = ()


def format_day(day: date) -> str:
    """Return the day as officials write it: "Thứ Ba, 10/02/2026"."""
    return f"{WEEKDAY_NAMES[day.weekday()]}, {day:%d/%m/%Y}"


def _as_date(value: date) -> date:
    if isinstance(value, datetime):
        return value.date()
    if not isinstance(value, date):
        raise TypeError(f"expected a date, got {value!r}")
    return value


def _check_count(n: int) -> int:
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"the number of working days must be an int, got {n!r}")
    if n < 0:
        raise ValueError(f"the number of working days must not be negative, got {n}")
    return n


class WorkCalendar:
    """Vietnam's working days: the ``holidays`` package plus announced overrides."""

    def __init__(self, overrides: Iterable[Override] = ()) -> None:
        self._overrides: dict[date, Override] = {}
        for override in overrides:
            self._overrides[_as_date(override.day)] = override
        self._holidays = holidays.country_holidays("VN", language="vi")
        # The package fills years lazily on lookup; a half-filled year seen by
        # another thread would hide holidays, so years are filled under a lock.
        self._lock = threading.Lock()
        self._years: set[int] = set()
        self._pairs: dict[date, date] = {}  # substituted working day -> its day off

    @property
    def overrides(self) -> tuple[Override, ...]:
        return tuple(sorted(self._overrides.values(), key=lambda o: o.day))

    def _load_year(self, year: int) -> None:
        if year in self._years:
            return
        with self._lock:
            if year in self._years:
                return
            # A working Saturday in late December may belong to a swap made in
            # the next year's data (e.g. 27/12/2014 for 02/01/2015).
            for y in (year, year + 1):
                self._holidays.get(date(y, 1, 1))  # fills year y (expand=True)
            for day_off, name in self._holidays.items():
                for worked in self._holidays.weekend_workdays:
                    if f"{worked:%d/%m/%Y}" in name:
                        self._pairs[worked] = day_off
            self._years.add(year)

    def describe(self, day: date) -> CalendarDay:
        """Return whether ``day`` is a working day, and why."""
        day = _as_date(day)
        override = self._overrides.get(day)
        if override is not None:
            return CalendarDay(
                day, override.kind == DayKind.WORKING_DAY, override.reason, Source.OVERRIDE
            )
        self._load_year(day.year)
        name = self._holidays.get(day)
        if name:
            return CalendarDay(day, False, name, Source.HOLIDAYS)
        if day.weekday() in self._holidays.weekend:
            if day in self._holidays.weekend_workdays:
                day_off = self._pairs.get(day)
                reason = (
                    SUBSTITUTED_WORKING_DAY.format(day_off=format_day(day_off))
                    if day_off
                    else SUBSTITUTED_WORKING_DAY_UNPAIRED
                )
                return CalendarDay(day, True, reason, Source.HOLIDAYS)
            return CalendarDay(day, False, WEEKLY_REST, Source.WEEKEND)
        return CalendarDay(day, True, "", Source.WEEKDAY)

    def is_working_day(self, day: date) -> bool:
        """Return True if ``day`` is a working day."""
        return self.describe(day).is_working

    def explain(self, start: date, n: int) -> Explanation:
        """Return the n-th working day after ``start`` and the days skipped on the way.

        ``start`` is day 0 and never counts, whatever kind of day it is; n=0
        returns ``start``. Negative n is a ValueError.
        """
        start = _as_date(start)
        _check_count(n)
        day, counted, skipped, extra_working = start, 0, [], []
        while counted < n:
            day += _ONE_DAY
            status = self.describe(day)
            if status.is_working:
                counted += 1
                if status.source != Source.WEEKDAY:
                    extra_working.append(status)
            else:
                skipped.append(status)
        return Explanation(start, n, day, tuple(skipped), tuple(extra_working))

    def add_working_days(self, start: date, n: int) -> date:
        """Return the n-th working day after ``start`` (day 0, never counted)."""
        return self.explain(start, n).due_date

    def working_days_between(self, start: date, end: date) -> int:
        """Return the number of working days in (start, end].

        ``working_days_between(s, add_working_days(s, n)) == n``. If ``end`` is
        before ``start`` the count of (end, start] is returned negated, like a
        date difference (useful for "overdue by k working days").
        """
        start, end = _as_date(start), _as_date(end)
        if end < start:
            return -self.working_days_between(end, start)
        count, day = 0, start
        while day < end:
            day += _ONE_DAY
            count += self.is_working_day(day)
        return count

    def year(self, year: int) -> tuple[list[CalendarDay], list[CalendarDay]]:
        """Return the year's days off (holidays, overrides) and its extra working days.

        Ordinary weekends are left out of the first list; the second lists the
        Saturdays/Sundays (or holidays) that are working days.
        """
        days_off, extra_working = [], []
        day = date(year, 1, 1)
        while day.year == year:
            status = self.describe(day)
            if not status.is_working and status.source != Source.WEEKEND:
                days_off.append(status)
            elif status.is_working and status.source != Source.WEEKDAY:
                extra_working.append(status)
            day += _ONE_DAY
        return days_off, extra_working


_default: WorkCalendar | None = None


def default_calendar() -> WorkCalendar:
    """Return a shared calendar with the package's holidays and no overrides."""
    global _default
    if _default is None:
        _default = WorkCalendar()
    return _default


def is_working_day(day: date) -> bool:
    """Return True if ``day`` is a working day in the default calendar."""
    return default_calendar().is_working_day(day)


def add_working_days(start: date, n: int) -> date:
    """Return the n-th working day after ``start`` in the default calendar."""
    return default_calendar().add_working_days(start, n)


def working_days_between(start: date, end: date) -> int:
    """Return the number of working days in (start, end] in the default calendar."""
    return default_calendar().working_days_between(start, end)


def explain(start: date, n: int) -> Explanation:
    """Return the due date and skipped days in the default calendar."""
    return default_calendar().explain(start, n)
