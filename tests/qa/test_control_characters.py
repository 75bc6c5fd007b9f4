"""A NUL or another control character in a question never reaches the database,
through the page or the API."""

from eportal.qa.models import Question
from tests.qa.test_api import payload, post
from tests.qa.test_submit_form import FORM, form_data

DIRTY = "Xin hỏi\x00 thủ tục\x08 đăng ký\x1b tên miền?\nCảm ơn."


def test_the_question_api_strips_control_characters(client, qa):
    response = post(client, payload(body=DIRTY, title="Đăng ký\x00 chữ ký số"))
    assert response.status_code == 201, response.content
    question = Question.objects.get()
    assert question.body == "Xin hỏi thủ tục đăng ký tên miền?\nCảm ơn."
    assert question.title == "Đăng ký chữ ký số"


def test_the_question_page_does_not_store_control_characters(client, qa):
    response = client.post(FORM, form_data(client, body=DIRTY, title="Tên\x00 miền .vn"))
    assert response.status_code in (200, 302)
    for question in Question.objects.all():
        assert "\x00" not in question.body + question.title
        assert "\x08" not in question.body and "\x1b" not in question.body
