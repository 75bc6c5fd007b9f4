"""Every search box reads a keyword the same way: the site search, the legal
documents, the answered questions and the procedures, on their pages and in
their API, find the same item for the same accents, abbreviations, typos."""

from datetime import date

import pytest

from eportal.legal.models import LegalDocumentPage
from eportal.legal.services import index_for
from eportal.search import services as search_services
from tests.online_services import make_procedure
from tests.qa.conftest import answered, ask, qa  # noqa: F401 (fixtures)

# The way citizens type "giấy phép xây dựng": as written, without accents, as
# the abbreviation, with a slip of the finger on the last word.
QUERIES = ["giấy phép xây dựng", "giay phep xay dung", "GPXD", "giay phep xay dumg"]


def legal_document(portal, number, summary, issued):
    page = LegalDocumentPage(
        title=f"Quyết định {number}",
        slug=number.lower().replace("/", "-"),
        form="quyet-dinh",
        number=number,
        issuer="Ủy ban nhân dân tỉnh Thái Bình",
        issued=issued,
        summary=summary,
        body=f"<p>{summary}.</p>",
    )
    index_for(portal).add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def items(province, answered):  # noqa: F811
    main = province["main"]
    make_procedure(
        main, code="1.009994", title="Cấp giấy phép xây dựng nhà ở riêng lẻ", sector="Xây dựng"
    )
    make_procedure(main, code="1.001193", title="Đăng ký khai sinh", sector="Hộ tịch")
    legal_document(
        main,
        "12/2024/QĐ-UBND",
        "Ban hành Quy định về cấp giấy phép xây dựng trên địa bàn tỉnh",
        date(2024, 5, 6),
    )
    legal_document(
        main, "30/2023/QĐ-UBND", "Quy định mức thu phí thăm quan di tích", date(2023, 9, 1)
    )
    answered(
        "main", "sotttt", publish=True, title="Hồ sơ xin giấy phép xây dựng nhà ở gồm những gì?"
    )
    answered("main", "sotttt", publish=True, title="Đăng ký khai sinh cho con ở đâu?")
    search_services.reindex()


SURFACES = {
    "site search": lambda client, q: [
        r.title for r in client.get("/tim-kiem/", {"q": q}).context["outcome"].results
    ],
    "site search API": lambda client, q: [
        i["title"] for i in client.get("/api/v1/search", {"q": q}).json()["items"]
    ],
    "legal documents": lambda client, q: [
        d.title for d in client.get("/van-ban/", {"q": q}).context["results"].items
    ],
    "legal documents API": lambda client, q: [
        "Quyết định " + i["number"]
        for i in client.get("/api/v1/legal-documents", {"q": q}).json()["items"]
    ],
    "questions": lambda client, q: [
        a.title for a in client.get("/hoi-dap/", {"q": q}).context["answers"]
    ],
    "questions API": lambda client, q: [
        i["title"] for i in client.get("/api/v1/questions/answers", {"q": q}).json()["items"]
    ],
    "procedures": lambda client, q: [
        i["page"].title for i in client.get("/thu-tuc/", {"q": q}).context["items"]
    ],
    "procedures API": lambda client, q: [
        i["title"] for i in client.get("/api/v1/procedures", {"q": q}).json()["items"]
    ],
}
EXPECTED = {
    "legal documents": ["Quyết định 12/2024/QĐ-UBND"],
    "questions": ["Hồ sơ xin giấy phép xây dựng nhà ở gồm những gì?"],
    "procedures": ["Cấp giấy phép xây dựng nhà ở riêng lẻ"],
}


@pytest.mark.django_db
@pytest.mark.parametrize("query", QUERIES)
def test_every_search_box_finds_the_same_items_however_the_keyword_is_typed(client, items, query):
    for surface, read in SURFACES.items():
        found = read(client, query)
        if surface.startswith("site search"):
            # One search over everything: each surface's item comes first (after
            # a typo, items holding only some of the words may follow).
            expected = {title for titles in EXPECTED.values() for title in titles}
            assert set(found[: len(expected)]) == expected, (surface, query, found)
        else:
            expected = EXPECTED[surface.removesuffix(" API")]
            assert found == expected, (surface, query, found)


@pytest.mark.django_db
def test_a_number_is_found_with_or_without_its_leading_zero(client, province):
    legal_document(
        province["main"],
        "05/2014/QĐ-UBND",
        "Ban hành Quy chế quản lý Cổng thông tin điện tử tỉnh",
        date(2014, 6, 12),
    )
    legal_document(province["main"], "15/2014/QĐ-UBND", "Quy định về quản lý chợ", date(2014, 8, 1))
    for query in ("05/2014/QĐ-UBND", "5/2014/QĐ-UBND", "quyết định 5/2014", "qd 05 2014"):
        found = SURFACES["legal documents"](client, query)
        assert found[:1] == ["Quyết định 05/2014/QĐ-UBND"], (query, found)
        assert "Quyết định 15/2014/QĐ-UBND" not in found, (query, found)


@pytest.mark.django_db
def test_the_legal_list_says_what_it_searched_instead_of_a_typo(client, items):
    html = client.get("/van-ban/", {"q": "giay phep xay dumg"}).content.decode()
    assert "kết quả dưới đây gồm cả văn bản có “giay phep xay dung”" in html
    data = client.get("/api/v1/legal-documents", {"q": "giay phep xay dumg"}).json()
    assert data["corrected"] == "giay phep xay dung"
    assert client.get("/api/v1/legal-documents", {"q": "GPXD"}).json()["corrected"] == ""
