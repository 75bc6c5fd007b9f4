"""Working days and legal deadlines.

The pure part (this package's ``calendar`` and ``rules`` modules) imports no
Django; ``models``, ``services`` and the admin live beside it.
"""

from eportal.workdays.calendar import (
    CalendarDay,
    DayKind,
    Explanation,
    Override,
    Source,
    WorkCalendar,
    add_working_days,
    default_calendar,
    explain,
    format_day,
    is_working_day,
    working_days_between,
)
from eportal.workdays.rules import DEADLINE_RULES, DeadlineRuleSpec, RuleCode

__all__ = [
    "DEADLINE_RULES",
    "CalendarDay",
    "DayKind",
    "DeadlineRuleSpec",
    "Explanation",
    "Override",
    "RuleCode",
    "Source",
    "WorkCalendar",
    "add_working_days",
    "default_calendar",
    "explain",
    "format_day",
    "is_working_day",
    "working_days_between",
]
