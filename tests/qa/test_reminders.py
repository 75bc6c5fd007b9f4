"""Reminders 3 and 1 working days before the due date; escalation every working day after it."""

from datetime import date

import pytest

from eportal.qa import services
from eportal.qa.reminders import send_reminders
from tests.qa.conftest import at


@pytest.fixture
def routed(ask, qa, board):
    # Received Tue 10/02/2026 → due Tue 10/03/2026.
    question = ask("main", now=at(2026, 2, 10, 9, 0))
    services.route_question(question, qa["sotttt"].agency, by=board["main"]["editor"])
    return question


def test_it_reminds_the_agency_three_and_one_working_days_before(routed, board, mailoutbox):
    mailoutbox.clear()
    assert send_reminders(today=date(2026, 3, 4)) == []  # 4 working days left
    sent = send_reminders(today=date(2026, 3, 5))  # Thu: 3 left (6, 9, 10)
    assert [r.kind for r in sent] == ["before_3"]
    assert board["sotttt"]["editor"].email in mailoutbox[0].to
    assert [r.kind for r in send_reminders(today=date(2026, 3, 9))] == ["before_1"]


def test_it_never_sends_the_same_reminder_twice(routed, mailoutbox):
    send_reminders(today=date(2026, 3, 5))
    mailoutbox.clear()
    assert send_reminders(today=date(2026, 3, 5)) == []
    assert mailoutbox == []


def test_an_overdue_question_is_escalated_to_the_board_every_working_day(routed, board, mailoutbox):
    mailoutbox.clear()
    assert [r.kind for r in send_reminders(today=date(2026, 3, 11))] == ["overdue"]
    assert board["main"]["editor"].email in mailoutbox[0].to
    assert send_reminders(today=date(2026, 3, 11)) == []
    assert send_reminders(today=date(2026, 3, 14)) == []  # Saturday
    assert [r.kind for r in send_reminders(today=date(2026, 3, 16))] == ["overdue"]
    assert routed.reminders.filter(kind="overdue").count() == 2


def test_an_answered_question_is_not_escalated(routed, board):
    services.draft_answer(routed, "Trả lời", by=board["sotttt"]["editor"])
    services.approve_answer(routed, by=board["sotttt"]["approver"])
    assert send_reminders(today=date(2026, 3, 11)) == []


def test_a_progress_notice_moves_the_reminders_to_the_promised_date(routed, board):
    services.send_progress_notice(
        routed,
        promised_date=date(2026, 3, 20),
        by=board["sotttt"]["editor"],
        today=date(2026, 3, 2),
    )
    assert send_reminders(today=date(2026, 3, 11)) == []
    assert [r.kind for r in send_reminders(today=date(2026, 3, 17))] == ["before_3"]


def test_the_command_runs_for_a_given_day(routed, capsys):
    from django.core.management import call_command

    call_command("qa", "remind", "--today", "2026-03-11")
    assert "1 reminder(s) sent" in capsys.readouterr().out
