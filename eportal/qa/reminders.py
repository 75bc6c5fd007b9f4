"""Reminders before the due date and escalation after it (`eportal qa remind`).

Safe to run hourly: each reminder is recorded in `Reminder` (unique per
question, kind, day and due date) before it is sent, so a second run on the
same day sends nothing. Pass ``today`` to run as of another day (tests, replays).
"""

from __future__ import annotations

from datetime import date

from django.db import IntegrityError, transaction

from eportal.core import clock
from eportal.qa.models import Question, Reminder
from eportal.qa.notifications import notify, recipients
from eportal.workdays.services import calendar

BEFORE = {3: Reminder.Kind.BEFORE_3, 1: Reminder.Kind.BEFORE_1}


def _record(question, kind, today, due) -> Reminder | None:
    try:
        with transaction.atomic():
            return Reminder.objects.create(
                question=question,
                kind=kind,
                on=today,
                due_date=due,
                recipients=", ".join(
                    recipients(question, "overdue" if kind == Reminder.Kind.OVERDUE else "reminder")
                ),
            )
    except IntegrityError:
        return None


def send_reminders(today: date | None = None) -> list[Reminder]:
    """Send the reminders due today; return those sent (none twice)."""
    today = today or clock.today()
    work_calendar = calendar()
    sent = []
    open_questions = Question.objects.filter(
        status__in=[
            Question.Status.ROUTED,
            Question.Status.DRAFTED,
            Question.Status.RECEIVED,
            Question.Status.RETURNED,
        ]
    ).select_related("portal__site", "agency")
    for question in open_questions.exclude(due_date=None):
        due = question.effective_due_date
        if today > due:
            # Escalate on every working day until answered.
            if not work_calendar.is_working_day(today):
                continue
            reminder = _record(question, Reminder.Kind.OVERDUE, today, due)
            if reminder is not None:
                notify(question.pk, "overdue", days=work_calendar.working_days_between(due, today))
                sent.append(reminder)
            continue
        if question.agency_id is None:
            continue  # not routed yet: the board's queue shows it; the agency has nothing to do
        left = work_calendar.working_days_between(today, due)
        kind = BEFORE.get(left)
        if kind is None:
            continue
        reminder = _record(question, kind, today, due)
        if reminder is not None:
            notify(question.pk, "reminder", days=left)
            sent.append(reminder)
    return sent
