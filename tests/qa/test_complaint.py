"""A complaint is not accepted in this channel: the asker is told at once where to file it."""

from eportal.qa.models import QASettings, Question
from tests.qa.test_submit_form import FORM, form_data


def test_it_shows_the_default_message_and_stores_nothing(client, qa):
    response = client.post(FORM, form_data(client, is_complaint="on"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "không tiếp nhận" in html and "Ban Tiếp công dân" in html
    assert not Question.objects.exists()


def test_it_shows_the_portals_own_message(client, qa):
    QASettings.objects.create(
        site=qa["sotttt"].site, complaint_message="Gửi đơn đến Thanh tra Sở, số 8 Lê Lợi."
    )

    response = client.post(FORM, form_data(client, is_complaint="on"))

    assert "Gửi đơn đến Thanh tra Sở, số 8 Lê Lợi." in response.content.decode()


def test_the_api_answers_422_with_where_to_file(client, qa):
    response = client.post(
        "/api/v1/questions",
        {
            "portal": "sotttt",
            "name": "A",
            "email": "a@example.org",
            "title": "Khiếu nại",
            "body": "Tôi khiếu nại quyết định hành chính.",
            "is_complaint": True,
        },
        content_type="application/json",
    )
    assert response.status_code == 422
    assert "Ban Tiếp công dân" in response.json()["where_to_file"]
    assert not Question.objects.exists()


def test_the_board_can_refuse_later_and_the_asker_gets_the_message_by_mail(ask, board, mailoutbox):
    from eportal.qa import services

    question = ask("main")
    mailoutbox.clear()
    services.refuse_as_complaint(
        question, by=board["main"]["editor"], note="Nội dung là khiếu nại."
    )

    question.refresh_from_db()
    assert question.status == "refused_complaint"
    assert "Ban Tiếp công dân" in mailoutbox[0].body
    assert mailoutbox[0].to == ["binh@example.org"]
