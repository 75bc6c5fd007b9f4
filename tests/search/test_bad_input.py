"""Whatever is typed, the reader gets a clear answer and never an error page;
the query is shown escaped."""

import pytest

from tests.search.conftest import index


@pytest.fixture
def item(province):
    return index(province["main"], "x", title="Đăng ký khai sinh", text="Thủ tục hộ tịch.")


@pytest.mark.parametrize(
    "q",
    [
        "",
        "   ",
        "?!.,;:-/",
        "' OR 1=1; DROP TABLE search_entry; --",
        '"; SELECT * FROM auth_user WHERE "a"="a',
        "%_%",
        "\\",
        "khai sinh:* & | !",
    ],
)
def test_it_answers_odd_queries_calmly(client, item, q):
    response = client.get("/tim-kiem/", {"q": q})
    assert response.status_code == 200
    api = client.get("/api/v1/search", {"q": q})
    assert api.status_code == 200
    assert api.json()["count"] in (0, 1)


def test_it_shows_html_in_the_query_escaped(client, item):
    q = '<script>alert("x")</script> khai sinh'
    page = client.get("/tim-kiem/", {"q": q}).text
    assert '<script>alert("x")</script>' not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; khai sinh" in page


def test_it_refuses_a_2000_character_query_with_a_message(client, item):
    q = "khai sinh " * 200
    page = client.get("/tim-kiem/", {"q": q})
    assert page.status_code == 200
    assert "Từ khóa quá dài: tối đa 200 ký tự" in page.text
    api = client.get("/api/v1/search", {"q": q})
    assert api.status_code == 422
    assert "q" in api.json()["errors"]


def test_it_shows_an_empty_page_beyond_the_last(client, item):
    page = client.get("/tim-kiem/", {"q": "khai sinh", "page": 10**9})
    assert page.status_code == 200
    assert "Trang này không có kết quả." in page.text
    api = client.get("/api/v1/search", {"q": "khai sinh", "page": 10**9}).json()
    assert api["count"] == 1 and api["items"] == []


@pytest.mark.parametrize(
    "params",
    [
        {"page": "abc"},
        {"page": "-1"},
        {"page": str(10**20)},
        {"from": "31/02/2024"},
        {"type": "khong-co"},
        {"from": "2024-05-01", "to": "2024-01-01"},
    ],
)
def test_it_explains_bad_filters(client, item, params):
    page = client.get("/tim-kiem/", {"q": "khai sinh", **params})
    assert page.status_code == 200
    assert 'role="alert"' in page.text
    api = client.get("/api/v1/search", {"q": "khai sinh", **params})
    assert api.status_code == 422
    assert api.json()["detail"] == "Dữ liệu không hợp lệ."


def test_it_asks_for_words_when_only_punctuation_is_typed(client, item):
    page = client.get("/tim-kiem/", {"q": "?!"}).text
    assert "Hãy nhập từ khóa có chữ hoặc số" in page


def test_it_refuses_a_3000_character_query_on_every_surface(client, item):
    q = "a" * 3000
    assert "Từ khóa quá dài" in client.get("/tim-kiem/", {"q": q}).text
    assert client.get("/api/v1/search", {"q": q}).status_code == 422
    suggest = client.get("/tim-kiem/goi-y/", {"q": q})
    assert suggest.status_code < 500


@pytest.mark.parametrize("raw", ["%ff%fe%fd", "khai%c3%28sinh", "%00khai+sinh", "%ed%a0%80"])
def test_it_answers_bytes_that_are_not_utf8(client, item, raw):
    page = client.get(f"/tim-kiem/?q={raw}")
    if "%00" in raw:
        # A NUL byte is refused before anything reads the request.
        assert page.status_code == 400
        assert "Yêu cầu chứa ký tự không hợp lệ." in page.text
    else:
        assert page.status_code == 200
    api = client.get(f"/api/v1/search?q={raw}")
    assert api.status_code in (200, 400, 422)
    assert api["Content-Type"].startswith("application/json")
    assert api.json()


@pytest.mark.parametrize("params", [{"year": "abc"}, {"year": "99999"}, {"year": "-5"}])
def test_it_explains_a_bad_year(client, item, params):
    page = client.get("/tim-kiem/", {"q": "khai sinh", **params})
    assert page.status_code == 200
    api = client.get("/api/v1/search", {"q": "khai sinh", **params})
    assert api.status_code in (200, 422)
