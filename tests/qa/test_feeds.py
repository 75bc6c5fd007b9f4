"""Feeds of published answers (/feeds/hoi-dap/…), RSS and Atom."""

import pytest

from tests.feed_helpers import count_queries, read_feed, titles


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_it_lists_only_published_answers(client, answered, ask, kind):
    published = answered("sotttt", "sotttt", publish=True, title="Cấp phép bưu chính")
    answered("sotttt", "sotttt", title="Câu trả lời chưa công khai")
    ask("sotttt", title="Câu hỏi chưa trả lời")

    feed = read_feed(client, f"/p/sotttt/feeds/hoi-dap/{kind}/")

    assert titles(feed) == ["Cấp phép bưu chính"]
    entry = feed.entries[0]
    assert entry.link == f"https://sotttt.thaibinh.gov.vn/hoi-dap/tra-loi/{published.code}/"
    assert published.answer in entry.summary
    # The citizen's contact details stay private.
    assert "binh@example.org" not in str(feed) and "Trần Thị Bình" not in str(feed)
    assert entry.published_parsed[:5] == published.published_at.utctimetuple()[:5]


def test_the_main_portal_names_the_source_portal(client, answered, qa):
    answered("quynhphu", "quynhphu", publish=True, title="Đăng ký khai sinh")
    answered("main", "sotttt", publish=True, title="Chữ ký số cho hộ kinh doanh")

    feed = read_feed(client, "/feeds/hoi-dap/rss/", HTTP_HOST=qa["main"].site.hostname)

    assert set(titles(feed)) == {
        f"[{qa['quynhphu'].name}] Đăng ký khai sinh",
        "Chữ ký số cho hộ kinh doanh",
    }
    district = read_feed(client, "/p/quynhphu/feeds/hoi-dap/atom/")
    assert titles(district) == ["Đăng ký khai sinh"]


def test_the_list_page_announces_its_feeds(client, qa):
    html = client.get("/p/sotttt/hoi-dap/").content.decode()
    assert 'type="application/rss+xml"' in html and 'href="/p/sotttt/feeds/hoi-dap/rss/"' in html
    assert 'type="application/atom+xml"' in html and 'href="/p/sotttt/feeds/hoi-dap/atom/"' in html


def test_the_feed_costs_the_same_queries_for_2_and_6_answers(
    client, answered, qa, django_assert_num_queries
):
    host = {"HTTP_HOST": qa["main"].site.hostname}
    for i in range(2):
        answered("quynhphu", "quynhphu", publish=True, title=f"Câu hỏi {i}")
    few = count_queries(client, "/feeds/hoi-dap/atom/", **host)
    for i in range(2, 6):
        answered("sotttt" if i % 2 else "main", "sotttt", publish=True, title=f"Câu hỏi {i}")
    client.get("/feeds/hoi-dap/atom/", **host)
    with django_assert_num_queries(few):
        feed = read_feed(client, "/feeds/hoi-dap/atom/", **host)
    assert len(feed.entries) == 6
