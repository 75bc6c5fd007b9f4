"""POST /api/v1/questions, GET /api/v1/questions/{code}, GET …/answers."""

import pytest

from eportal.qa.models import Question

URL = "/api/v1/questions"


def payload(**overrides):
    return {
        "portal": "sotttt",
        "name": "Phạm Thu",
        "email": "thu@example.org",
        "title": "Đăng ký chữ ký số",
        "body": "Xin hỏi thủ tục đăng ký chữ ký số công cộng?",
        **overrides,
    }


def post(client, data, **headers):
    return client.post(URL, data, content_type="application/json", headers=headers)


def test_it_creates_a_question_and_returns_its_code_and_due_date(client, qa, mailoutbox):
    response = post(client, payload())

    assert response.status_code == 201
    body = response.json()
    question = Question.objects.get()
    assert body["code"] == question.code and body["status"] == "received"
    assert body["due_date"] == question.due_date.isoformat()
    assert mailoutbox[0].to == ["thu@example.org"]


def test_a_retry_with_the_same_idempotency_key_returns_the_first_result(client, qa):
    first = post(client, payload(), **{"Idempotency-Key": "abc-123"})
    second = post(client, payload(), **{"Idempotency-Key": "abc-123"})

    assert first.status_code == second.status_code == 201
    assert first.json() == second.json()
    assert Question.objects.count() == 1


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"body": ""}, "body", "Vui lòng nhập"),
        ({"body": "x" * 20_000}, "body", "tối đa 10000"),
        ({"email": "khong-hop-le"}, "email", "không hợp lệ"),
        ({"portal": "khong-co"}, "portal", "Không có cổng"),
        ({"topic": "Không có"}, "topic", "Lĩnh vực"),
    ],
)
def test_bad_input_is_422_json_naming_the_field(client, qa, overrides, field, message):
    response = post(client, payload(**overrides))
    assert response.status_code == 422
    assert message in " ".join(response.json()["errors"][field])
    assert not Question.objects.exists()


def test_malformed_json_is_422_not_500(client, qa):
    response = client.post(URL, "{not json", content_type="application/json")
    assert response.status_code in (400, 422)


def test_it_tracks_a_question_and_shows_the_answer_once_published(client, answered):
    question = answered("sotttt", "sotttt")
    body = client.get(f"{URL}/{question.code.lower()}").json()
    assert body["status"] == "answered" and body["answer"] is None
    assert [h["step"] for h in body["history"]] == ["received", "routed", "answered"]
    assert body["agency"] == question.agency.name

    from eportal.qa import services

    services.set_published(
        question,
        True,
        by=type(question.answer_approved_by).objects.get(pk=question.answer_approved_by_id),
    )
    body = client.get(f"{URL}/{question.code}").json()
    assert body["answer"]["text"] == question.answer


def test_an_unknown_code_is_404_json(client, qa):
    response = client.get(f"{URL}/ZZZZ9999")
    assert response.status_code == 404 and "Không tìm thấy" in response.json()["detail"]


def test_it_lists_published_answers_by_portal_topic_and_words(client, answered, qa):
    answered("sotttt", "sotttt", publish=True, title="Chữ ký số", topic=qa["topics"]["sotttt"])
    answered("quynhphu", "quynhphu", publish=True, title="Khai sinh")

    assert client.get(f"{URL}/answers").json()["count"] == 2
    assert [
        a["title"] for a in client.get(f"{URL}/answers", {"portal": "quynhphu"}).json()["items"]
    ] == ["Khai sinh"]
    assert client.get(f"{URL}/answers", {"q": "chu ky"}).json()["count"] == 1
    assert client.get(f"{URL}/answers", {"topic": "Đất đai sotttt"}).json()["count"] == 1
    assert client.get(f"{URL}/answers", {"portal": "khong-co"}).json()["count"] == 0
    assert client.get(f"{URL}/answers", {"page_size": "0"}).status_code == 422
    assert client.get(f"{URL}/answers", {"page_size": "abc"}).status_code == 422


def test_the_api_is_in_the_openapi_description(client, qa):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/questions" in paths and "/api/v1/questions/{code}" in paths
