"""Only the explicit recompute action moves stored due dates, and it says which."""

from datetime import date

import pytest
from wagtail.models import ModelLogEntry

from eportal.workdays import services
from eportal.workdays.models import CalendarOverride, Deadline

pytestmark = pytest.mark.django_db


@pytest.fixture
def deadlines(make_item):
    """Three open deadlines and one completed, then a day off on Tuesday 10/03/2026."""
    before = services.open_deadline(make_item(), "legal-document-issuer", date(2026, 3, 2))
    across = services.open_deadline(make_item(), "qa-answer", date(2026, 3, 2))
    after = services.open_deadline(make_item(), "legal-document-issuer", date(2026, 3, 16))
    done_item = make_item()
    done = services.open_deadline(done_item, "statistics", date(2026, 3, 2))
    services.complete_deadline(done_item, "statistics", date(2026, 3, 9))
    CalendarOverride.objects.create(
        date=date(2026, 3, 10), kind=CalendarOverride.Kind.DAY_OFF, reason="Nghỉ đột xuất"
    )
    return {"before": before, "across": across, "after": after, "done": done}


def test_it_lists_exactly_the_open_deadlines_that_move(deadlines):
    moved = services.recompute_open_deadlines()

    assert [(d.pk, old, new) for d, old, new in moved] == [
        (deadlines["across"].pk, date(2026, 3, 23), date(2026, 3, 24)),
    ]


def test_it_saves_the_new_due_dates_and_logs_them(deadlines):
    services.recompute_open_deadlines()

    due = dict(Deadline.objects.values_list("pk", "due_date"))
    assert due == {
        deadlines["before"].pk: date(2026, 3, 4),
        deadlines["across"].pk: date(2026, 3, 24),
        deadlines["after"].pk: date(2026, 3, 18),
        deadlines["done"].pk: date(2026, 3, 16),  # completed: never moved
    }
    entry = ModelLogEntry.objects.get(action=services.RECOMPUTE_ACTION)
    assert entry.object_id == str(deadlines["across"].pk)
    assert entry.data == {"old_due_date": "2026-03-23", "new_due_date": "2026-03-24"}


def test_it_changes_nothing_on_a_dry_run(deadlines):
    moved = services.recompute_open_deadlines(dry_run=True)

    assert [(old, new) for _, old, new in moved] == [(date(2026, 3, 23), date(2026, 3, 24))]
    assert Deadline.objects.get(pk=deadlines["across"].pk).due_date == date(2026, 3, 23)
    assert not ModelLogEntry.objects.filter(action=services.RECOMPUTE_ACTION).exists()


def test_it_finds_nothing_to_move_the_second_time(deadlines):
    services.recompute_open_deadlines()

    assert services.recompute_open_deadlines() == []
