from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from eportal.workdays import services
from eportal.workdays.models import CalendarOverride, Deadline

pytestmark = pytest.mark.django_db


def run(*args):
    out = StringIO()
    call_command("workdays", "recompute", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def moved_deadline(make_item):
    deadline = services.open_deadline(make_item(), "qa-answer", date(2026, 3, 2))
    CalendarOverride.objects.create(
        date=date(2026, 3, 10), kind=CalendarOverride.Kind.DAY_OFF, reason="Nghỉ đột xuất"
    )
    return deadline


def test_it_prints_what_would_move_on_a_dry_run(moved_deadline):
    output = run("--dry-run")

    assert f"auth.group #{moved_deadline.object_id} (qa-answer): 23/03/2026 → 24/03/2026" in output
    assert Deadline.objects.get().due_date == date(2026, 3, 23)


def test_it_moves_the_due_dates_and_prints_them(moved_deadline):
    output = run()

    assert "Đã dời hạn của 1 mục" in output
    assert Deadline.objects.get().due_date == date(2026, 3, 24)


def test_it_says_when_nothing_moves(db):
    assert "đều khớp" in run()
