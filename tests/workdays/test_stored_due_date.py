"""A due date is computed once and stored; a later calendar edit does not move it."""

from datetime import date

import pytest

from eportal.workdays import services
from eportal.workdays.models import CalendarOverride, Deadline, DeadlineRule

pytestmark = pytest.mark.django_db


def test_it_stores_the_due_date_when_the_clock_starts(make_item):
    question = make_item()

    deadline = services.open_deadline(question, "qa-answer", date(2026, 2, 10))

    assert deadline.started_on == date(2026, 2, 10)
    assert deadline.due_date == date(2026, 3, 10)
    assert deadline.working_days == 15
    assert deadline.item == question


def test_it_opens_one_deadline_per_item_and_rule(make_item):
    question = make_item()

    first = services.open_deadline(question, "qa-answer", date(2026, 2, 10))
    again = services.open_deadline(question, "qa-answer", date(2026, 2, 11))

    assert again.pk == first.pk
    assert again.due_date == date(2026, 3, 10)
    assert Deadline.objects.count() == 1


def test_it_keeps_the_stored_due_date_when_the_calendar_changes(make_item):
    question = make_item()
    services.open_deadline(question, "qa-answer", date(2026, 3, 2))  # due 23/03

    CalendarOverride.objects.create(
        date=date(2026, 3, 10), kind=CalendarOverride.Kind.DAY_OFF, reason="Nghỉ đột xuất"
    )

    assert services.calendar().add_working_days(date(2026, 3, 2), 15) == date(2026, 3, 24)
    assert Deadline.objects.get().due_date == date(2026, 3, 23)


def test_it_keeps_the_working_days_when_the_rule_is_edited(make_item):
    question = make_item()
    services.open_deadline(question, "qa-answer", date(2026, 3, 2))

    DeadlineRule.objects.filter(code="qa-answer").update(working_days=5)

    assert Deadline.objects.get().working_days == 15
    assert services.recompute_open_deadlines() == []


def test_it_opens_nothing_under_a_rule_switched_off(make_item):
    DeadlineRule.objects.filter(code="statistics").update(active=False)

    assert services.open_deadline(make_item(), "statistics", date(2026, 3, 2)) is None
    assert not Deadline.objects.exists()


def test_it_refuses_an_unknown_rule(make_item):
    with pytest.raises(DeadlineRule.DoesNotExist):
        services.open_deadline(make_item(), "no-such-rule", date(2026, 3, 2))
