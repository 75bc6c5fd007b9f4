"""A broad search says "more than N documents" instead of counting them all, and still pages."""

import pytest

from eportal.core.pagination import Pager
from eportal.legal import api, search
from tests.legal.helpers import add_documents


@pytest.fixture
def small_limit(monkeypatch):
    """Count at most 3 matches, 2 per page, so that five documents are "many"."""
    monkeypatch.setattr(search, "COUNT_LIMIT", 3)
    monkeypatch.setattr(search, "PAGE_SIZE", 2)


def heading(response):
    return response.content.decode().split('id="ket-qua">')[1].split("</h2>")[0]


@pytest.mark.django_db
def test_it_says_more_than_the_limit_and_pages_on(client, province, small_limit):
    add_documents(province["main"], 5)

    response = client.get("/van-ban/")
    assert heading(response) == "Tìm thấy hơn 3 văn bản"
    assert "Trang 1/hơn 2" in response.content.decode()
    assert response.context["results"].has_next

    # Past the limit the pages still answer; the last one knows it is the last.
    response = client.get("/van-ban/?trang=3")
    assert [d.number for d in response.context["results"]] == ["1/STC-VP"]
    assert "Trang 3/3" in response.content.decode()
    assert not response.context["results"].has_next
    response = client.get("/van-ban/?trang=4")
    assert "Không có trang 4: kết quả chỉ có 3 trang." in response.content.decode()


@pytest.mark.django_db
def test_a_narrow_search_is_counted_exactly(client, province, small_limit):
    add_documents(province["main"], 5)

    response = client.get("/van-ban/?q=nam+2001")
    assert heading(response) == "Tìm thấy 1 văn bản"
    assert response.context["results"].count_exact


@pytest.mark.django_db
def test_the_api_says_whether_its_count_is_exact(client, province, small_limit):
    add_documents(province["main"], 5)

    data = client.get("/api/v1/legal-documents?page_size=2").json()
    assert (data["count"], data["count_exact"], data["pages"]) == (3, False, 2)
    data = client.get("/api/v1/legal-documents?page_size=2&page=3").json()
    assert [item["number"] for item in data["items"]] == ["1/STC-VP"]
    data = client.get("/api/v1/legal-documents?q=nam+2001").json()
    assert (data["count"], data["count_exact"]) == (1, True)
    # The schema says the real bound (written when the API module was imported,
    # before this test made the bound small).
    assert api.LIMIT_TEXT == "1.000"
    schema = client.get("/api/v1/openapi.json").json()["components"]["schemas"]["PageOut"]
    assert "count_exact" in schema["properties"]
    assert "1.000" in schema["properties"]["count"]["description"]


def test_the_count_is_written_the_vietnamese_way():
    pager = Pager(list(range(10_050)), "1", 20, count_limit=10_000)
    assert (pager.count_display, pager.count_exact, pager.num_pages) == ("10.000", False, 500)
    # Without a limit the pager counts everything, as every other list does.
    pager = Pager(list(range(10_050)), "1", 20)
    assert (pager.count, pager.count_exact, pager.num_pages) == (10_050, True, 503)


@pytest.mark.django_db
def test_relevance_ranks_only_a_bounded_number_of_matches(client, province, small_limit):
    add_documents(province["main"], 5)

    response = client.get("/van-ban/?q=quyet+toan&sort=relevance")
    assert "Có hơn 3 văn bản phù hợp nên kết quả được xếp theo ngày ban hành" in (
        response.content.decode()
    )
    data = client.get("/api/v1/legal-documents?q=quyet+toan&sort=relevance").json()
    assert data["sorted_by"] == "date" and "hơn 3 văn bản" in data["note"]
    # Few enough: ranked, the document with that number first.
    data = client.get("/api/v1/legal-documents?q=2/STC-VP&sort=relevance").json()
    assert (data["sorted_by"], data["note"]) == ("relevance", "")
    assert data["items"][0]["number"] == "2/STC-VP"


def counts_of_matches(queries):
    """The queries that count the documents matching (the pager's count)."""
    return [
        q["sql"]
        for q in queries.captured_queries
        if "legal_legaldocumentpage" in q["sql"]
        and ("COUNT(" in q["sql"] or 'SELECT 1 AS "a"' in q["sql"])
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("many", [False, True])
def test_ranking_counts_the_matches_once_for_itself_and_the_pager(
    client, province, small_limit, many
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    add_documents(province["main"], 5 if many else 2)
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/van-ban/", {"q": "quyết toán", "sort": "relevance"})
    # Ranked (few matches), the matches are read once for the ranking and the
    # pager is told their number; past the bound, the pager counts once.
    assert len(counts_of_matches(queries)) == (1 if many else 0)
    results = response.context["results"]
    assert results.count_exact is not many
    assert results.count == (3 if many else 2)
    assert response.context["sort_note"].startswith("Có hơn") is many


@pytest.mark.django_db
def test_the_api_ranking_counts_the_matches_once_too(client, province, small_limit):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    add_documents(province["main"], 5)
    with CaptureQueriesContext(connection) as queries:
        data = client.get(
            "/api/v1/legal-documents", {"q": "quyết toán", "sort": "relevance", "page_size": 2}
        ).json()
    assert len(counts_of_matches(queries)) == 1
    assert (data["count"], data["count_exact"], data["sorted_by"]) == (3, False, "date")
