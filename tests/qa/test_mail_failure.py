"""A mail failure never loses a question: it stays stored and visible to the board."""

from unittest import mock

from eportal.core.models import OutgoingMail
from eportal.qa.models import Question
from tests.qa.test_submit_form import FORM, form_data


def test_the_question_is_kept_when_the_confirmation_mail_fails(client, qa, board):
    data = form_data(client)
    with mock.patch("django.core.mail.EmailMessage.send", side_effect=OSError("SMTP down")):
        response = client.post(FORM, data, follow=True)

    question = Question.objects.get()
    assert response.status_code == 200 and question.code in response.content.decode()
    client.force_login(board["sotttt"]["editor"])
    assert question.code in client.get("/admin/hoi-dap/").content.decode()
    [unsent] = [m for m in OutgoingMail.objects.all() if m.to == [question.email]]
    assert unsent.status == OutgoingMail.Status.QUEUED and "SMTP down" in unsent.error
