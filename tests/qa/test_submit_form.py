"""A citizen asks on the form, gets a tracking code and due date, and a confirmation mail."""

import re

from django.core import mail

from eportal.qa.models import Question

FORM = "/p/sotttt/hoi-dap/gui-cau-hoi/"


def form_data(client, url=FORM, **overrides):
    html = client.get(url).content.decode()
    token = re.search(r'name="form_token" value="([^"]+)"', html).group(1)
    return {
        "form_token": token,
        "name": "Lê Văn Cường",
        "email": "cuong@example.org",
        "title": "Đăng ký tên miền .vn cho hộ kinh doanh",
        "body": "Xin hỏi hộ kinh doanh có được đăng ký tên miền .vn không?",
        **overrides,
    }


def test_it_stores_the_question_and_shows_its_code_and_due_date(client, qa):
    response = client.post(FORM, form_data(client), follow=True)

    question = Question.objects.get()
    assert question.portal == qa["sotttt"]
    assert question.status == "received"
    page = response.content.decode()
    assert question.code in page
    assert question.due_date.strftime("%d/%m/%Y") in page
    assert response.redirect_chain[0][0].startswith("/p/sotttt/hoi-dap/gui-cau-hoi/da-tiep-nhan/")


def test_it_confirms_by_mail_with_the_code(client, qa):
    client.post(FORM, form_data(client))

    question = Question.objects.get()
    assert [m.to for m in mail.outbox] == [["cuong@example.org"]]
    assert question.code in mail.outbox[0].subject
    assert question.code in mail.outbox[0].body


def test_a_double_submit_creates_one_question(client, qa):
    data = form_data(client)
    first = client.post(FORM, data)
    second = client.post(FORM, data)

    assert Question.objects.count() == 1
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]


def test_a_double_submit_creates_one_question_even_when_the_cache_was_lost(client, qa):
    from django.core.cache import cache

    data = form_data(client)
    client.post(FORM, data)
    cache.clear()
    client.post(FORM, data)

    assert Question.objects.count() == 1


def test_it_lists_the_portals_topics(client, qa):
    html = client.get(FORM).content.decode()
    assert "Đất đai sotttt" in html
    assert "Đất đai quynhphu" not in html
