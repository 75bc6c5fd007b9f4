"""Too many submits from one address or e-mail: a challenge first, then 429."""

import re

from eportal.qa.models import Question
from tests.abuse_helpers import answer
from tests.qa.test_api import payload, post
from tests.qa.test_submit_form import FORM, form_data


def test_the_api_asks_a_challenge_then_refuses_with_429(client, qa, settings):
    settings.EPORTAL_ABUSE = {"IP_LIMIT": 4, "EMAIL_LIMIT": 100, "CHALLENGE_AT": 0.5}
    assert post(client, payload()).status_code == 201
    assert post(client, payload()).status_code == 201
    challenged = post(client, payload())
    assert challenged.status_code == 428
    challenge = challenged.json()["challenge"]
    assert not re.search(r"cộng|\d\s*\+", challenge["question"])
    answered = post(
        client,
        payload(),
        **{
            "X-Challenge-Token": challenge["token"],
            "X-Challenge-Answer": answer("qa-submit", challenge["token"]),
        },
    )
    assert answered.status_code == 201
    refused = post(client, payload())
    assert refused.status_code == 429
    assert "quá nhiều lần" in refused.json()["detail"]
    assert Question.objects.count() == 3


def test_the_form_refuses_with_a_vietnamese_429_page(client, qa, settings):
    settings.EPORTAL_ABUSE = {"IP_LIMIT": 100, "EMAIL_LIMIT": 1, "CHALLENGE_AT": 1}
    client.post(FORM, form_data(client))
    response = client.post(FORM, form_data(client))
    assert response.status_code == 429
    assert "quá nhiều lần" in response.content.decode()


def test_the_form_shows_a_challenge_when_the_limit_is_near(client, qa, settings):
    settings.EPORTAL_ABUSE = {"IP_LIMIT": 10, "EMAIL_LIMIT": 100, "CHALLENGE_AT": 0.1}
    client.post(FORM, form_data(client))
    html = client.get(FORM).content.decode()
    assert "Câu hỏi kiểm tra" in html
    response = client.post(FORM, form_data(client, challenge_answer="99"))
    assert "Câu trả lời kiểm tra chưa đúng" in response.content.decode()
    assert Question.objects.count() == 1


def test_behind_the_proxy_each_citizen_has_their_own_limit(client, qa, settings):
    settings.EPORTAL_TRUSTED_PROXIES = ["127.0.0.1"]
    settings.EPORTAL_ABUSE = {"IP_LIMIT": 2, "EMAIL_LIMIT": 100, "CHALLENGE_AT": 1}
    citizens = [f"203.0.113.{n}" for n in range(1, 11)]
    for address in citizens:
        response = post(client, payload(), **{"X-Forwarded-For": address})
        assert response.status_code == 201, address
    post(client, payload(), **{"X-Forwarded-For": citizens[0]})
    assert post(client, payload(), **{"X-Forwarded-For": citizens[0]}).status_code == 429
    assert Question.objects.count() == len(citizens) + 1


def _challenge(client):
    html = client.get(FORM).content.decode()
    token = re.search(r'name="challenge_token" value="([^"]+)"', html).group(1)
    return html, token


def test_the_form_challenge_passes_a_right_answer_once_and_burns_a_wrong_one(client, qa, settings):
    settings.EPORTAL_ABUSE = {"IP_LIMIT": 20, "EMAIL_LIMIT": 100, "CHALLENGE_AT": 0.05}
    client.post(FORM, form_data(client))
    html, token = _challenge(client)
    assert "cộng" not in html
    right = answer("qa-submit", token)
    data = form_data(client, challenge_token=token, challenge_answer=right)
    assert client.post(FORM, data).status_code == 302
    assert Question.objects.count() == 2
    # The same solved token again (a script replaying it) is refused.
    replay = form_data(client, challenge_token=token, challenge_answer=right)
    assert "Câu trả lời kiểm tra chưa đúng" in client.post(FORM, replay).content.decode()
    # A wrong answer uses the question up: the right answer afterwards fails too.
    _html, token = _challenge(client)
    right = answer("qa-submit", token)
    client.post(FORM, form_data(client, challenge_token=token, challenge_answer="không biết"))
    late = form_data(client, challenge_token=token, challenge_answer=right)
    assert "Câu trả lời kiểm tra chưa đúng" in client.post(FORM, late).content.decode()
    assert Question.objects.count() == 2
