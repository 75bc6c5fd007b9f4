"""GET /api/v1/search: count, items, facets, in the OpenAPI description."""

import datetime

from tests.search.conftest import index


def test_it_returns_items_and_facets(client, province):
    index(
        province["sotttt"],
        "a",
        kind="article",
        title="Hội nghị chuyển đổi số",
        text="Sở tổ chức hội nghị.",
        date=datetime.date(2024, 5, 2),
        sector="Công nghệ",
    )
    index(
        province["quynhphu"],
        "b",
        kind="legal",
        title="Kế hoạch chuyển đổi số huyện",
        date=datetime.date(2023, 1, 9),
    )

    data = client.get("/api/v1/search", {"q": "chuyen doi so"}).json()
    assert data["count"] == 2
    item = next(i for i in data["items"] if i["title"] == "Hội nghị chuyển đổi số")
    assert item["type"] == "article"
    assert item["portal"] == "Cổng thông tin điện tử Sở Thông tin và Truyền thông"
    assert item["date"] == "2024-05-02"
    assert item["url"].endswith("/p/sotttt/muc/a/")
    # "Sở" is "so" without accents: it matches "số" of the query, and is marked.
    assert item["snippet"] == "<mark>Sở</mark> tổ chức hội nghị."
    assert {f["value"]: f["count"] for f in data["facets"]["type"]} == {"article": 1, "legal": 1}
    assert {f["value"] for f in data["facets"]["portal"]} == {"sotttt", "quynhphu"}


def test_it_filters_by_type_portal_and_dates(client, province):
    index(
        province["sotttt"],
        "a",
        kind="article",
        title="Chuyển đổi số 2024",
        date=datetime.date(2024, 5, 2),
    )
    index(
        province["quynhphu"],
        "b",
        kind="legal",
        title="Chuyển đổi số 2023",
        date=datetime.date(2023, 1, 9),
    )

    def titles(**params):
        data = client.get("/api/v1/search", {"q": "chuyển đổi số", **params}).json()
        return [i["title"] for i in data["items"]]

    assert titles(type="legal") == ["Chuyển đổi số 2023"]
    assert titles(portal="sotttt") == ["Chuyển đổi số 2024"]
    assert titles(**{"from": "2024-01-01"}) == ["Chuyển đổi số 2024"]
    assert titles(to="2023-12-31") == ["Chuyển đổi số 2023"]
    assert titles(portal="khong-co") == []


def test_it_is_described_in_openapi(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/search" in paths
