from datetime import date

import pytest

from eportal.workdays import services
from eportal.workdays.models import Deadline

pytestmark = pytest.mark.django_db


def test_it_records_completion_on_time(make_item):
    question = make_item()
    services.open_deadline(question, "qa-answer", date(2026, 2, 10))

    deadline = services.complete_deadline(question, "qa-answer", date(2026, 3, 10))

    assert deadline.completed_on == date(2026, 3, 10)
    assert deadline.on_time is True
    assert not deadline.is_overdue(date(2026, 3, 30))


def test_it_keeps_the_first_completion(make_item):
    question = make_item()
    services.open_deadline(question, "qa-answer", date(2026, 2, 10))
    services.complete_deadline(question, "qa-answer", date(2026, 3, 11))

    deadline = services.complete_deadline(question, "qa-answer", date(2026, 3, 5))

    assert deadline.completed_on == date(2026, 3, 11)
    assert deadline.on_time is False


def test_it_reports_an_open_deadline_as_overdue_after_the_due_date(make_item):
    question = make_item()
    deadline = services.open_deadline(question, "qa-answer", date(2026, 2, 10))

    assert not deadline.is_overdue(date(2026, 3, 10))
    assert deadline.is_overdue(date(2026, 3, 11))


def test_it_refuses_to_complete_a_deadline_never_opened(make_item):
    with pytest.raises(Deadline.DoesNotExist):
        services.complete_deadline(make_item(), "qa-answer", date(2026, 3, 10))
