"""The board routes, the agency answers, its approver approves (never their own draft)."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from eportal.qa import services
from eportal.workdays.services import get_deadline


def test_the_whole_path_leaves_a_history_and_mails_the_asker(ask, qa, board, mailoutbox):
    question = ask("main")
    services.route_question(
        question, qa["sotttt"].agency, topic=qa["topics"]["main"], by=board["main"]["editor"]
    )
    services.send_progress_notice(
        question,
        promised_date=question.due_date + timedelta(days=7),
        note="Cần thêm thời gian.",
        by=board["sotttt"]["contributor"],
    )
    services.draft_answer(
        question, "Trả lời: hồ sơ gồm đơn và giấy tờ.", by=board["sotttt"]["editor"]
    )
    services.approve_answer(question, by=board["sotttt"]["approver"])
    services.set_published(question, True, by=board["main"]["approver"])

    question.refresh_from_db()
    assert question.status == "published" and question.general_interest
    kinds = [e.kind for e in question.events.all()]
    assert kinds == ["received", "routed", "progress", "drafted", "answered", "published"]
    citizen = [m.subject for m in mailoutbox if m.to == ["binh@example.org"]]
    assert len(citizen) == 5  # received, routed, progress, answered, published
    assert get_deadline(question, "qa-answer").completed_on is not None


def test_nobody_approves_their_own_draft(ask, qa, board):
    question = ask("sotttt")
    services.route_question(question, qa["sotttt"].agency, by=board["sotttt"]["editor"])
    services.draft_answer(question, "Trả lời", by=board["sotttt"]["approver"])

    with pytest.raises(PermissionDenied):
        services.approve_answer(question, by=board["sotttt"]["approver"])


def test_only_the_agencys_approver_approves(ask, qa, board):
    question = ask("main")
    services.route_question(question, qa["sotttt"].agency, by=board["main"]["editor"])
    services.draft_answer(question, "Trả lời", by=board["sotttt"]["editor"])

    for user in (
        board["main"]["approver"],
        board["quynhphu"]["approver"],
        board["sotttt"]["contributor"],
    ):
        with pytest.raises(PermissionDenied):
            services.approve_answer(question, by=user)


def test_an_agency_sends_back_a_question_outside_its_scope_and_the_asker_is_told(
    ask, qa, board, mailoutbox
):
    question = ask("main")
    services.route_question(question, qa["quynhphu"].agency, by=board["main"]["editor"])
    mailoutbox.clear()

    services.return_to_board(
        question,
        reason="Thuộc thẩm quyền Sở Tài nguyên và Môi trường.",
        by=board["quynhphu"]["editor"],
    )

    question.refresh_from_db()
    assert question.status == "returned" and question.agency is None
    assert mailoutbox[0].to == ["binh@example.org"]
    assert "Sở Tài nguyên và Môi trường" in mailoutbox[0].body
    # The board routes it again.
    services.route_question(question, qa["sotttt"].agency, by=board["main"]["editor"])
    assert question.status == "routed"


def test_out_of_scope_needs_a_reason(ask, board):
    question = ask("main")
    with pytest.raises(ValidationError):
        services.mark_out_of_scope(question, reason=" ", by=board["main"]["editor"])
    services.mark_out_of_scope(
        question, reason="Đây là góp ý, không phải câu hỏi.", by=board["main"]["editor"]
    )
    assert question.status == "out_of_scope"


def test_a_progress_notice_must_promise_a_later_date_before_the_deadline(ask, qa, board):
    question = ask("main")
    services.route_question(question, qa["sotttt"].agency, by=board["main"]["editor"])
    agent = board["sotttt"]["editor"]

    with pytest.raises(ValidationError):
        services.send_progress_notice(question, promised_date=question.due_date, by=agent)
    with pytest.raises(ValidationError):
        services.send_progress_notice(
            question,
            promised_date=question.due_date + timedelta(days=9),
            today=question.due_date + timedelta(days=1),
            by=agent,
        )


def test_every_step_is_in_the_audit_log(ask, qa, board):
    from wagtail.models import ModelLogEntry

    question = ask("main")
    services.route_question(question, qa["sotttt"].agency, by=board["main"]["editor"])

    actions = list(
        ModelLogEntry.objects.filter(object_id=str(question.pk)).values_list("action", flat=True)
    )
    assert "qa.receive" in actions and "qa.route" in actions
