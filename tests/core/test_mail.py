"""One way to send mail: rendered in the recipient's language, stored, sent by
the task, never twice, retried after a failure, muted for bulk loads."""

from datetime import timedelta
from types import SimpleNamespace
from unittest import mock

import pytest
from django.core import mail as outbox
from django.utils import translation

from eportal.core import mail
from eportal.core.models import OutgoingMail

pytestmark = pytest.mark.django_db

QUESTION = SimpleNamespace(
    code="ABC123",
    name="An",
    title="Hỏi về hộ khẩu",
    due_date=None,
    portal=SimpleNamespace(name="Sở Tư pháp"),
)


def test_it_sends_a_template_whose_first_line_is_the_subject():
    message = mail.send(
        ["an@example.org", "an@example.org", ""],
        template="qa/mail/received.txt",
        context={"question": QUESTION},
    )

    assert message.status == OutgoingMail.Status.SENT and message.attempts == 1
    [sent] = outbox.outbox
    assert sent.to == ["an@example.org"]
    assert sent.subject == "Đã tiếp nhận câu hỏi ABC123"
    assert "Kính gửi An," in sent.body


def test_it_writes_in_english_to_who_chose_english():
    with translation.override("en"):
        language = mail.recipient_language()
    mail.send(
        ["an@example.org"],
        template="qa/mail/received.txt",
        context={"question": QUESTION},
        language=language,
    )

    assert language == "en"
    assert "ABC123" in outbox.outbox[0].subject
    assert "Đã tiếp nhận" not in outbox.outbox[0].subject


def test_it_never_sends_a_message_twice():
    message = mail.send(["an@example.org"], subject="Thông báo", body="Nội dung")

    assert mail.deliver.call(message.pk) == "skipped"
    assert len(outbox.outbox) == 1


def test_a_failure_is_kept_for_a_retry_and_never_raises():
    with mock.patch("django.core.mail.EmailMessage.send", side_effect=OSError("SMTP down")):
        message = mail.send(["an@example.org"], subject="Thông báo", body="Nội dung")

    assert message.status == OutgoingMail.Status.QUEUED and "SMTP down" in message.error
    assert mail.retry_unsent(older_than=timedelta(0)) == 1
    message.refresh_from_db()
    assert message.status == OutgoingMail.Status.SENT and message.attempts == 2


def test_it_gives_up_after_the_last_attempt(settings):
    settings.EPORTAL_MAIL_ATTEMPTS = 1
    with mock.patch("django.core.mail.EmailMessage.send", side_effect=OSError("SMTP down")):
        message = mail.send(["an@example.org"], subject="Thông báo", body="Nội dung")

    assert message.status == OutgoingMail.Status.FAILED


def test_a_broken_attachment_does_not_hold_back_the_notice():
    mail.send(
        ["an@example.org"],
        subject="Hồ sơ đã được tiếp nhận",
        body="Nội dung",
        attachments=("eportal.core.no_such_module.build", [1]),
    )

    assert outbox.outbox[0].subject == "Hồ sơ đã được tiếp nhận"
    assert outbox.outbox[0].attachments == []


def test_it_sends_nothing_while_muted():
    with mail.muted():
        assert mail.send(["an@example.org"], subject="Thông báo", body="x") is None
    assert outbox.outbox == [] and not OutgoingMail.objects.exists()
