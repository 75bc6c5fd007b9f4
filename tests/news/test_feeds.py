"""RSS and Atom feeds per portal and per category."""

from tests.feed_helpers import read_feed, titles
from tests.news.helpers import publish


def test_it_serves_the_portal_feed_with_syndicated_items(client, province):
    publish(province["main"], "Tin của tỉnh")
    publish(province["sotttt"], "Tin của Sở")
    response = client.get("/feeds/tin-tuc/rss/", HTTP_HOST="www.thaibinh.gov.vn")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    assert "Tin của tỉnh" in response.text
    assert (
        "[Sở Thông tin và Truyền thông] Tin của Sở" in response.text
        or "Tin của Sở" in response.text
    )
    assert "https://sotttt.thaibinh.gov.vn/tin-tuc/su-kien/" in response.text


def test_it_serves_a_category_feed_in_atom(client, province):
    publish(province["sotttt"], "Thông báo nghỉ lễ", kind="announcement")
    publish(province["sotttt"], "Tin sự kiện")
    response = client.get("/p/sotttt/feeds/tin-tuc/thong-bao/atom/")
    assert response.status_code == 200
    assert "Thông báo nghỉ lễ" in response.text
    assert "Tin sự kiện" not in response.text


def test_it_gives_404_for_an_unknown_category_feed(client, province):
    assert client.get("/p/sotttt/feeds/tin-tuc/khong-co/rss/").status_code == 404


def test_a_feed_reader_reads_both_formats_with_the_source_portal_named(client, province):
    publish(province["main"], "Tin của tỉnh")
    publish(province["sotttt"], "Tin của Sở")
    name = province["sotttt"].name
    for kind in ("rss", "atom"):
        feed = read_feed(client, f"/feeds/tin-tuc/{kind}/", HTTP_HOST="www.thaibinh.gov.vn")
        assert set(titles(feed)) == {"Tin của tỉnh", f"[{name}] Tin của Sở"}
        assert all(entry.link.startswith("https://") for entry in feed.entries)
        assert all(entry.id == entry.link for entry in feed.entries)
