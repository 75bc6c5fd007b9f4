"""Deadlines: the one door through which features open, complete and recompute them.

A due date is computed once, when the clock starts, and stored. Editing the
calendar later never moves it silently; only ``recompute_open_deadlines`` (an
explicit admin action) does, and it reports what moved.
"""

from __future__ import annotations

import logging
import uuid
from datetime import date, datetime

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from eportal.workdays.calendar import WorkCalendar
from eportal.workdays.models import CalendarOverride, Deadline, DeadlineRule

logger = logging.getLogger(__name__)

RECOMPUTE_ACTION = "workdays.recompute"
_VERSION_KEY = "eportal:workdays:calendar-version"
_cached: tuple[str, WorkCalendar] | None = None


def calendar() -> WorkCalendar:
    """Return the working calendar with the overrides stored in the database.

    The calendar is cached in the process; a version token in Django's cache
    (shared by all processes when it is Redis) tells every process when an
    override was saved or deleted.
    """
    global _cached
    version = cache.get(_VERSION_KEY)
    if version is None:
        cache.add(_VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(_VERSION_KEY, "")
    if _cached is None or _cached[0] != version:
        overrides = [o.to_override() for o in CalendarOverride.objects.all()]
        _cached = (version, WorkCalendar(overrides))
    return _cached[1]


def invalidate_calendar() -> None:
    """Make every process rebuild its calendar on next use."""
    global _cached
    _cached = None
    cache.set(_VERSION_KEY, uuid.uuid4().hex, None)


def _local_date(value: date | datetime) -> date:
    if isinstance(value, datetime):
        return timezone.localdate(value) if timezone.is_aware(value) else value.date()
    return value


def _item_key(obj) -> tuple[ContentType, str]:
    if obj.pk is None:
        raise ValueError(f"{obj!r} must be saved before it can have a deadline")
    return ContentType.objects.get_for_model(obj), str(obj.pk)


def get_deadline(obj, rule_code: str) -> Deadline | None:
    """Return the stored deadline of ``obj`` under the rule, or None."""
    content_type, object_id = _item_key(obj)
    return (
        Deadline.objects.select_related("rule")
        .filter(content_type=content_type, object_id=object_id, rule__code=rule_code)
        .first()
    )


def open_deadline(obj, rule_code: str, started_on: date | datetime, portal=None) -> Deadline | None:
    """Start the clock for ``obj`` under a rule and store its due date.

    Idempotent: if the item already has a deadline under that rule it is
    returned unchanged. ``started_on`` is day 0 (an aware datetime is taken in
    local time). Return None if the rule is switched off in this province; an
    unknown rule code raises ``DeadlineRule.DoesNotExist``.
    """
    rule = DeadlineRule.objects.get(code=rule_code)
    content_type, object_id = _item_key(obj)
    existing = (
        Deadline.objects.select_related("rule")
        .filter(content_type=content_type, object_id=object_id, rule=rule)
        .first()
    )
    if existing is not None:
        return existing
    if not rule.active:
        return None
    started_on = _local_date(started_on)
    deadline, _created = Deadline.objects.get_or_create(
        content_type=content_type,
        object_id=object_id,
        rule=rule,
        defaults={
            "portal": portal,
            "working_days": rule.working_days,
            "started_on": started_on,
            "due_date": calendar().add_working_days(started_on, rule.working_days),
        },
    )
    return deadline


def complete_deadline(obj, rule_code: str, on: date | datetime) -> Deadline:
    """Record that ``obj`` met its deadline's obligation on the given day.

    The first completion counts; a later call (an edit, a re-answer) leaves it.
    Raise ``Deadline.DoesNotExist`` if the item has no deadline under the rule.
    """
    content_type, object_id = _item_key(obj)
    deadline = Deadline.objects.select_related("rule").get(
        content_type=content_type, object_id=object_id, rule__code=rule_code
    )
    if deadline.completed_on is None:
        deadline.completed_on = _local_date(on)
        deadline.save(update_fields=["completed_on"])
    return deadline


def recompute_open_deadlines(dry_run: bool = False, user=None) -> list[tuple[Deadline, date, date]]:
    """Recompute open deadlines with the current calendar; return those that move.

    Each entry is (deadline, old due date, new due date). Unless ``dry_run``,
    the new due dates are saved and each change is written to the audit log.
    """
    work_calendar = calendar()
    moved = []
    open_deadlines = Deadline.objects.filter(completed_on__isnull=True).select_related(
        "rule", "content_type"
    )
    for deadline in open_deadlines.order_by("due_date", "pk"):
        new_due = work_calendar.add_working_days(deadline.started_on, deadline.working_days)
        if new_due != deadline.due_date:
            moved.append((deadline, deadline.due_date, new_due))
    if dry_run or not moved:
        return moved
    with transaction.atomic():
        for deadline, old_due, new_due in moved:
            deadline.due_date = new_due
            log(
                instance=deadline,
                action=RECOMPUTE_ACTION,
                user=user,
                data={"old_due_date": old_due.isoformat(), "new_due_date": new_due.isoformat()},
            )
        Deadline.objects.bulk_update([deadline for deadline, _, _ in moved], ["due_date"])
    logger.info("Recomputed %d open deadline(s) after a calendar change", len(moved))
    return moved
