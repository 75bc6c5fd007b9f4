"""The real worker over the database queue (as `make run` and deploy/ run it):
a citizen's request queues the mail and the PDF and returns at once; the
worker sends and makes them."""

import pytest
from django.conf import settings
from django.core import mail as outbox
from django.core.management import call_command
from django.test import override_settings
from django.test.client import RequestFactory

from eportal.core import mail
from eportal.core.models import OutgoingMail
from eportal.core.printing import serve_pdf

DATABASE_QUEUE = {"default": {"BACKEND": settings.TASK_BACKENDS["database"]}}


def run_worker():
    call_command(
        "db_worker",
        "--batch",
        "--no-startup-delay",
        "--no-reload",
        "--queue-name",
        "*",
        verbosity=0,
    )


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_QUEUE)
def test_the_worker_sends_queued_mail_once():
    from django_tasks_db.models import DBTaskResult

    message = mail.send(["an@example.org"], subject="Hồ sơ đã được tiếp nhận", body="Nội dung")
    assert message.status == OutgoingMail.Status.QUEUED and outbox.outbox == []
    assert DBTaskResult.objects.count() == 1

    run_worker()
    run_worker()

    message.refresh_from_db()
    assert message.status == OutgoingMail.Status.SENT and message.sent_at is not None
    assert [m.subject for m in outbox.outbox] == ["Hồ sơ đã được tiếp nhận"]


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_QUEUE)
def test_a_pdf_is_prepared_by_the_worker_then_served():
    request = RequestFactory().get("/ban-in/pdf/")
    html = "<html><body><h1>Giấy tiếp nhận hồ sơ</h1></body></html>"

    waiting = serve_pdf(request, html, "giay-tiep-nhan.pdf")
    assert waiting.status_code == 202 and waiting["Retry-After"] == "3"
    assert "Đang tạo tệp PDF" in waiting.content.decode()

    run_worker()
    ready = serve_pdf(request, html, "giay-tiep-nhan.pdf")

    assert ready.status_code == 200 and ready["Content-Type"] == "application/pdf"
    assert ready.content.startswith(b"%PDF")
