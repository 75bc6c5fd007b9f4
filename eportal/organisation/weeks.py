"""ISO weeks of a work schedule (pure Python, no Django).

A schedule week runs Monday to Sunday and is named as ISO 8601 names it,
``2026-W50``: the week of 28 December may be week 53 of its year, and the
first days of January may belong to the last week of the year before. Public
holidays do not change which days a week holds (a holiday is still listed,
usually without items), so no working-day calendar is needed here.
"""

from __future__ import annotations

import datetime
import re

_WEEK = re.compile(r"^\s*(\d{4})-?W(\d{1,2})\s*$", re.IGNORECASE)


def monday_of(day: datetime.date) -> datetime.date:
    """Return the Monday of ``day``'s ISO week."""
    return day - datetime.timedelta(days=day.weekday())


def week_days(monday: datetime.date) -> list[datetime.date]:
    """Return the seven days of the week that starts on ``monday``."""
    return [monday + datetime.timedelta(days=n) for n in range(7)]


def week_name(monday: datetime.date) -> str:
    """Return the ISO name of a week, ``2026-W50``."""
    year, week, _weekday = monday.isocalendar()
    return f"{year}-W{week:02d}"


def week_number(monday: datetime.date) -> tuple[int, int]:
    """Return (ISO year, ISO week number) of a week."""
    year, week, _weekday = monday.isocalendar()
    return year, week


def parse_week(text: str | None) -> datetime.date | None:
    """Return the Monday of a week named ``2026-W50`` (or ``2026W50``), or None
    when the text names no week (week 53 of a year that has only 52 included)."""
    match = _WEEK.match(text or "")
    if not match:
        return None
    try:
        return datetime.date.fromisocalendar(int(match[1]), int(match[2]), 1)
    except ValueError:
        return None


def shift(monday: datetime.date, weeks: int) -> datetime.date:
    """Return the Monday ``weeks`` weeks after (before, if negative) ``monday``."""
    return monday + datetime.timedelta(weeks=weeks)
