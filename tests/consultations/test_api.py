import json

from eportal.consultations import services
from eportal.consultations.models import Comment

COMMENT = {"article": "dieu-1", "name": "Trần Bình", "email": "binh@example.com", "body": "Ý kiến."}


def _post(client, consultation, payload, **headers):
    return client.post(
        f"/api/v1/consultations/{consultation.pk}/comments",
        json.dumps(payload),
        content_type="application/json",
        headers=headers,
    )


def test_it_lists_consultations_by_status_and_portal(make_consultation, client):
    make_consultation(slug="mo", title="Mở")
    make_consultation(slug="sap", title="Sắp", opens=2, closes=5)
    make_consultation("quynhphu", slug="huyen", title="Huyện")
    body = client.get("/api/v1/consultations?status=open").json()
    assert {c["title"] for c in body} == {"Mở", "Huyện"}
    body = client.get("/api/v1/consultations?portal=sotttt").json()
    assert {(c["title"], c["status"]) for c in body} == {("Mở", "open"), ("Sắp", "upcoming")}
    assert client.get("/api/v1/consultations?portal=khong-co").json() == []
    assert client.get("/api/v1/consultations?status=la").status_code == 422
    assert client.get("/api/v1/consultations?page_size=-3").status_code == 422


def test_it_reads_a_draft_with_articles_and_approved_comments_only(consultation, client, superuser):
    shown, _ = services.submit_comment(
        consultation, name="An", email="an@example.com", body="Hiện", article_key="dieu-2"
    )
    services.submit_comment(consultation, name="Bảo", email="bao@example.com", body="Chờ")
    services.approve(shown, by=superuser)
    body = client.get(f"/api/v1/consultations/{consultation.pk}").json()
    assert [a["key"] for a in body["articles"]] == ["dieu-1", "dieu-2", "dieu-3"]
    article = body["articles"][1]
    assert article["comment_count"] == 1 and article["comments"][0]["body"] == "Hiện"
    assert "email" not in article["comments"][0]
    assert body["general_comments"] == []
    assert client.get("/api/v1/consultations/999999").status_code == 404


def test_it_takes_a_comment_and_replays_a_retry(consultation, client):
    response = _post(client, consultation, COMMENT, **{"Idempotency-Key": "k-1"})
    assert response.status_code == 201
    again = _post(client, consultation, COMMENT, **{"Idempotency-Key": "k-1"})
    assert again.status_code == 201 and again.json()["id"] == response.json()["id"]
    assert Comment.objects.get().article_key == "dieu-1"


def test_it_refuses_a_comment_when_not_open_with_409(consultation, client, superuser):
    services.close(consultation, by=superuser)
    response = _post(client, consultation, COMMENT)
    assert response.status_code == 409
    assert "Đã hết thời gian lấy ý kiến" in response.json()["detail"]


def test_bad_input_gives_422_json_never_500(consultation, client, settings):
    settings.EPORTAL_ABUSE = {"IP_LIMIT": 100, "EMAIL_LIMIT": 100}
    for payload in (
        COMMENT | {"email": "sai"},
        COMMENT | {"body": ""},
        COMMENT | {"body": "x" * 6000},
        COMMENT | {"article": "dieu-99"},
        COMMENT | {"body": "a\x00b", "name": ""},
        {"name": "thiếu trường"},
    ):
        response = _post(client, consultation, payload)
        assert response.status_code == 422, (payload, response.content)
        assert response.json()["detail"]
    response = client.post(
        f"/api/v1/consultations/{consultation.pk}/comments",
        "{không phải json",
        content_type="application/json",
    )
    assert response.status_code in (400, 422)
    assert Comment.objects.count() == 0


def test_html_is_stored_as_text(consultation, client):
    _post(client, consultation, COMMENT | {"body": "<img src=x onerror=alert(1)>"})
    assert Comment.objects.get().body == "<img src=x onerror=alert(1)>"


def test_too_many_comments_get_429_in_vietnamese(consultation, client, settings):
    settings.EPORTAL_ABUSE = {"IP_LIMIT": 2, "EMAIL_LIMIT": 2, "CHALLENGE_AT": 1.0}
    for n in range(2):
        assert _post(client, consultation, COMMENT | {"body": f"ý kiến {n}"}).status_code == 201
    response = _post(client, consultation, COMMENT | {"body": "lần ba"})
    assert response.status_code == 429
    assert "quá nhiều lần" in response.json()["detail"]


def test_it_is_in_the_openapi_description(db, client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/consultations" in paths
    assert "/api/v1/consultations/{consultation_id}/comments" in paths


def test_it_filters_closed_and_concluded(make_consultation, client, superuser):
    early = make_consultation(slug="dong-som", title="Đóng sớm")
    make_consultation(slug="het-han", title="Hết hạn", opens=-9, closes=-1)
    make_consultation(slug="mo", title="Mở")
    services.close(early, by=superuser)

    def titles(status):
        return {c["title"] for c in client.get(f"/api/v1/consultations?status={status}").json()}

    assert titles("closed") == {"Đóng sớm", "Hết hạn"}
    assert titles("open") == {"Mở"}
    services.conclude(early, explanation="Đã tiếp thu.", by=superuser)
    assert titles("closed") == {"Hết hạn"}
    assert titles("concluded") == {"Đóng sớm"}
    detail = client.get(f"/api/v1/consultations/{early.pk}").json()
    assert detail["conclusion"] == "Đã tiếp thu."
    assert detail["synthesis_xlsx"].endswith("/gop-y/dong-som/tong-hop/xlsx/")
