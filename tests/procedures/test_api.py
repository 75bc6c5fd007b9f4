"""The JSON API: catalogue, detail, statistics, and citizens' dossiers."""

from eportal.dossiers.models import Dossier
from tests.online_services import make_procedure, pdf_file, png_file


def test_it_lists_filters_and_details_procedures(province, client):
    make_procedure(province["sotttt"], code="1.000001", title="Cấp giấy phép bưu chính")
    make_procedure(
        province["quynhphu"],
        code="2.000002",
        title="Đăng ký khai sinh",
        sector="Hộ tịch",
        level="district",
        online_level="",
        service_level=2,
        submit_online=False,
    )
    data = client.get("/api/v1/procedures", {"q": "khai sinh"}).json()
    assert [p["code"] for p in data["items"]] == ["2.000002"]
    assert client.get("/api/v1/procedures", {"online": "true"}).json()["count"] == 1
    assert (
        client.get("/api/v1/procedures", {"level": "district"}).json()["items"][0]["code"]
        == "2.000002"
    )
    assert client.get("/api/v1/procedures", {"sector": "Hộ tịch"}).json()["count"] == 1
    detail = client.get("/api/v1/procedures/1.000001").json()
    assert detail["processing_days"] == 5 and len(detail["components"]) == 3
    assert detail["form_fields"][0]["name"] == "field_0"
    assert client.get("/api/v1/procedures/9.999999").status_code == 404
    bad = client.get("/api/v1/procedures", {"level": "vu-tru"})
    assert bad.status_code == 422 and "level" in bad.json()["errors"]
    stats = client.get(
        "/api/v1/procedures/1.000001/statistics", {"from": "2026-01", "to": "2026-03"}
    )
    assert stats.status_code == 200 and stats.json()["totals"]["received"] == 0
    assert (
        client.get("/api/v1/procedures/1.000001/statistics", {"from": "hom-qua"}).status_code == 422
    )
    assert "/procedures/{code}/statistics" in client.get("/api/v1/openapi.json").content.decode()


def test_the_procedure_list_pages_and_filters_like_the_catalogue_page(province, client):
    for n in range(3):
        make_procedure(province["sotttt"], code=f"1.00000{n}", title=f"Thủ tục số {n}")
    first = client.get("/api/v1/procedures", {"page_size": 2}).json()
    assert (first["count"], first["pages"], len(first["items"])) == (3, 2, 2)
    second = client.get("/api/v1/procedures", {"page_size": 2, "page": 2}).json()
    assert [p["code"] for p in second["items"]] == ["1.000002"]
    past = client.get("/api/v1/procedures", {"page": 9}).json()
    assert past["items"] == [] and past["message"]
    assert client.get("/api/v1/procedures", {"page_size": 500}).status_code == 422
    agency = province["sotttt"].agency
    by_name = client.get("/api/v1/procedures", {"agency": agency.name}).json()
    assert (
        by_name["count"] == client.get("/api/v1/procedures", {"agency": agency.pk}).json()["count"]
    )
    unknown = client.get("/api/v1/procedures", {"agency": "Sở Không Có"})
    assert unknown.status_code == 422 and "agency" in unknown.json()["errors"]
    # The page refuses the same value with the same message and lists without that filter.
    page = client.get("/p/sotttt/thu-tuc/", {"co_quan": "Sở Không Có", "cap": "vu-tru"})
    body = page.content.decode()
    assert page.status_code == 200 and "Không có cơ quan này." in body
    assert "Cấp thực hiện không hợp lệ." in body and "3 thủ tục" in body


def test_it_lets_a_citizen_submit_and_follow_a_dossier(procedure, citizen, other_citizen, client):
    data = {
        "procedure": procedure.code,
        "field_0": "Đề nghị",
        "field_1": "1990-01-01",
        "field_2": "Trực tiếp",
        "field_3": "034090001234",
        "component_0": pdf_file(),
        "component_1": png_file(),
    }
    assert client.post("/api/v1/dossiers", data).status_code == 401
    client.force_login(citizen)
    response = client.post(
        "/api/v1/dossiers",
        data | {"component_0": pdf_file(), "component_1": png_file()},
        HTTP_IDEMPOTENCY_KEY="abc",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "new" and body["code"] == Dossier.objects.get().code
    again = client.post(
        "/api/v1/dossiers",
        data | {"component_0": pdf_file(), "component_1": png_file()},
        HTTP_IDEMPOTENCY_KEY="abc",
    )
    assert again.json()["code"] == body["code"] and Dossier.objects.count() == 1
    followed = client.get(f"/api/v1/dossiers/{body['code']}").json()
    assert followed["history"][0]["status"] == "new"
    missing = client.post("/api/v1/dossiers", {"procedure": procedure.code})
    assert missing.status_code == 422 and "component_0" in missing.json()["errors"]
    unknown = client.post("/api/v1/dossiers", {"procedure": "0.000000"})
    assert unknown.status_code == 422
    client.force_login(other_citizen)
    assert client.get(f"/api/v1/dossiers/{body['code']}").status_code == 404
