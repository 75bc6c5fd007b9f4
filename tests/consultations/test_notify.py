from django.core import mail

from eportal.consultations import services


def test_subscribers_are_told_once_when_the_synthesis_is_published(
    consultation, board, django_capture_on_commit_callbacks
):
    for n, notify in enumerate([True, True, False]):
        services.submit_comment(
            consultation,
            name=f"Người {n}",
            email="chung@example.com" if n < 2 else "khac@example.com",
            body=f"Ý kiến {n}",
            notify=notify,
        )
    approver = board["sotttt"]["approver"]
    services.close(consultation, by=approver)
    with django_capture_on_commit_callbacks(execute=True):
        services.conclude(consultation, explanation="Đã giải trình.", by=approver)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["chung@example.com"]
    assert consultation.title in mail.outbox[0].subject
    assert services.notify_subscribers(consultation.pk) == 0
    assert len(mail.outbox) == 1


def test_nothing_is_sent_before_the_conclusion(consultation):
    services.submit_comment(consultation, name="An", email="an@example.com", body="x", notify=True)
    assert services.notify_subscribers(consultation.pk) == 0
    assert mail.outbox == []
