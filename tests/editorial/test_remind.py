"""`eportal deadlines remind` e-mails the board two working days before a due date
and once it is missed, each reminder once, however often it runs."""

from datetime import date
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError

from eportal.workdays.services import open_deadline
from tests.news.helpers import article

# Monday 2 March 2026 + 15 working days = Monday 23 March 2026.
STARTED = date(2026, 3, 2)
DUE = date(2026, 3, 23)


@pytest.fixture
def remind(django_capture_on_commit_callbacks):
    """Run the command as cron would; e-mails are queued once its transaction commits."""

    def run(today):
        out = StringIO()
        with django_capture_on_commit_callbacks(execute=True):
            call_command("deadlines", "remind", "--today", today.isoformat(), stdout=out)
        return out.getvalue()

    return run


def test_it_reminds_two_working_days_before_and_on_the_missed_day(province, board, remind):
    portal = province["sotttt"]
    page = article(portal, "Phổ biến nghị quyết", live=False, kind="policy", source_date=STARTED)
    page.save_revision()

    remind(date(2026, 3, 18))  # Wednesday: three working days left
    assert mail.outbox == []

    output = remind(date(2026, 3, 19))  # Thursday: two working days before the due date
    assert "Đã gửi 1 thư nhắc." in output
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert "Phổ biến nghị quyết" in message.subject and "23/03/2026" in message.subject
    assert set(message.to) == {board["sotttt"]["editor"].email, board["sotttt"]["approver"].email}

    assert "Đã gửi 0 thư nhắc." in remind(date(2026, 3, 19))  # the next hour
    assert "Đã gửi 0 thư nhắc." in remind(date(2026, 3, 23))  # due today, already reminded

    remind(date(2026, 3, 24))  # missed
    assert len(mail.outbox) == 2 and "quá hạn" in mail.outbox[1].subject
    remind(date(2026, 3, 25))
    assert len(mail.outbox) == 2


def test_it_reminds_for_any_apps_deadline_and_not_for_completed_ones(province, board, remind):
    portal = province["quynhphu"]
    open_deadline(board["quynhphu"]["editor"], "qa-answer", STARTED, portal=portal)
    done = article(portal, "Đã đăng", live=False, kind="policy", source_date=STARTED)
    done.save_revision().publish()
    remind(date(2026, 3, 24))
    assert len(mail.outbox) == 1
    assert board["quynhphu"]["approver"].email in mail.outbox[0].to


def test_it_rejects_a_bad_date(db):
    with pytest.raises(CommandError):
        call_command("deadlines", "remind", "--today", "31/02/2026")
