"""GET /api/v1/legal-documents: search with filters, one document, clear errors."""

import pytest


@pytest.fixture
def pages(import_text):
    return {
        "old": import_text("12-2009-qd-ubnd.txt"),
        "regulation": import_text("05-2014-qd-ubnd.txt"),
        "plan": import_text("86-kh-stttt.txt", portal="sotttt"),
    }


@pytest.mark.django_db
def test_it_lists_and_filters_documents(client, pages):
    data = client.get("/api/v1/legal-documents").json()
    assert data["count"] == 3 and data["page"] == 1
    assert [item["number"] for item in data["items"]] == [
        "86/KH-STTTT",
        "05/2014/QĐ-UBND",
        "12/2009/QĐ-UBND",
    ]
    item = data["items"][1]
    assert item["form"] == "quyet-dinh"
    assert item["issuer"] == "Ủy ban nhân dân tỉnh Thái Bình"
    assert item["issued"] == "2014-06-26" and item["effective"] == "2014-07-06"
    assert item["signer"] == "Phạm Văn Xuyên"
    assert item["status"] == "in_force"
    assert item["url"].endswith("/van-ban/05-2014-qd-ubnd/")
    assert {"type": "replaces", "number": "12/2009/QĐ-UBND"}.items() <= item["relations"][
        -1
    ].items() or any(
        r["type"] == "replaces" and r["number"] == "12/2009/QĐ-UBND" for r in item["relations"]
    )
    assert any(r["type"] == "based_on" and r["number"] is None for r in item["relations"])

    filtered = client.get("/api/v1/legal-documents?form=quyet-dinh&year=2014&q=cong thong tin")
    assert [i["number"] for i in filtered.json()["items"]] == ["05/2014/QĐ-UBND"]
    expired = client.get("/api/v1/legal-documents?status=expired").json()
    assert [i["number"] for i in expired["items"]] == ["12/2009/QĐ-UBND"]


@pytest.mark.django_db
def test_it_gives_one_document_with_its_reverse_relations(client, pages):
    data = client.get(f"/api/v1/legal-documents/{pages['old'].pk}").json()
    assert data["status"] == "expired"
    assert data["status_changed_on"] == "2014-07-06"
    assert data["expired_by"] == "05/2014/QĐ-UBND"
    assert data["incoming"][0]["type"] == "replaces_by"
    assert "Điều 1." in data["body"]
    assert client.get("/api/v1/legal-documents/999999").status_code == 404


@pytest.mark.django_db
def test_bad_parameters_give_422_json_and_a_page_past_the_end_is_empty(client, pages):
    for query, field in [("form=to-trinh", "form"), ("year=abc", "year"), ("status=x", "status")]:
        response = client.get(f"/api/v1/legal-documents?{query}")
        assert response.status_code == 422
        assert field in response.json()["errors"]
    data = client.get("/api/v1/legal-documents?page=1000000000").json()
    assert data["items"] == [] and data["count"] == 3
    assert "Không có trang" in data["message"]


@pytest.mark.django_db
def test_it_is_described_in_openapi(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/legal-documents" in paths
    assert "/api/v1/legal-documents/{document_id}" in paths
