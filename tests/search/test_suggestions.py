"""Type-ahead: titles that complete what is typed, as JSON."""

from tests.search.conftest import index


def test_it_suggests_titles_starting_words_with_what_is_typed(client, province):
    index(province["main"], "a", title="Đăng ký khai sinh")
    index(province["main"], "b", title="Đăng ký kết hôn")
    items = client.get("/tim-kiem/goi-y/", {"q": "dang ky kh"}).json()["items"]
    assert [i["title"] for i in items] == ["Đăng ký khai sinh"]
    assert items[0]["url"] == "/muc/a/"
    assert client.get("/tim-kiem/goi-y/", {"q": "đ"}).json() == {"items": []}


def test_it_puts_a_search_box_in_every_pages_header(client, province):
    home = client.get("/p/sotttt/").text
    assert (
        '<form class="site-search" role="search" method="get" action="/p/sotttt/tim-kiem/">' in home
    )
    assert '<label for="site-search-q" class="visually-hidden">' in home
