"""Feeds of consultations (/feeds/gop-y/…): an item when a draft opens for
comments, when commenting closes and when the synthesis is published."""

from datetime import timedelta

import pytest
from django.utils import timezone

from eportal.consultations import services
from eportal.consultations.models import ConsultationPage
from tests.consultations.conftest import DRAFT
from tests.feed_helpers import count_queries, read_feed, titles


def unpublished(province, superuser, title):
    portal = province["sotttt"]
    index = portal.home_page.get_children().get(slug="gop-y")
    now = timezone.now()
    page = ConsultationPage(
        title=title,
        slug="chua-dang",
        drafting_agency=portal.agency,
        draft_text=DRAFT,
        opens_at=now - timedelta(days=3),
        closes_at=now + timedelta(days=3),
        live=False,
    )
    index.add_child(instance=page)
    page.save_revision(user=superuser)
    return page


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_it_has_an_item_per_event_newest_first(
    make_consultation, client, superuser, province, kind
):
    make_consultation(slug="dang-mo", title="Dự thảo đang mở", opens=-2, closes=10)
    make_consultation(slug="sap-mo", title="Dự thảo sắp mở", opens=3, closes=10)
    closed = make_consultation(slug="da-dong", title="Dự thảo đã đóng", opens=-20, closes=-5)
    services.conclude(closed, explanation="Tiếp thu ý kiến về Điều 2.", by=superuser)
    unpublished(province, superuser, "Dự thảo chưa đăng")

    feed = read_feed(client, f"/p/sotttt/feeds/gop-y/{kind}/")

    assert titles(feed) == [
        "Công bố tổng hợp, giải trình: Dự thảo đã đóng",
        "Lấy ý kiến: Dự thảo đang mở",
        "Kết thúc lấy ý kiến: Dự thảo đã đóng",
        "Lấy ý kiến: Dự thảo đã đóng",
    ]
    assert "Tiếp thu ý kiến về Điều 2." in feed.entries[0].summary
    assert feed.entries[1].link == "https://sotttt.thaibinh.gov.vn/gop-y/dang-mo/"
    assert len({entry.id for entry in feed.entries}) == 4


def test_an_early_close_is_dated_when_it_happened(make_consultation, client, superuser):
    page = make_consultation(slug="dong-som", title="Dự thảo đóng sớm", opens=-2, closes=10)
    services.close(page, by=superuser)

    feed = read_feed(client, "/p/sotttt/feeds/gop-y/rss/")

    assert titles(feed)[0] == "Kết thúc lấy ý kiến: Dự thảo đóng sớm"
    closed_at = feed.entries[0].published_parsed
    assert closed_at[:3] == timezone.now().utctimetuple()[:3]


def test_the_main_portal_names_the_source_portal(make_consultation, client, province):
    make_consultation("quynhphu", slug="huyen", title="Dự thảo của huyện")
    make_consultation("main", slug="tinh", title="Dự thảo của tỉnh")

    feed = read_feed(client, "/feeds/gop-y/atom/", HTTP_HOST="www.thaibinh.gov.vn")

    assert set(titles(feed)) == {
        f"[{province['quynhphu'].name}] Lấy ý kiến: Dự thảo của huyện",
        "Lấy ý kiến: Dự thảo của tỉnh",
    }
    assert "Lấy ý kiến: Dự thảo của huyện" in titles(
        read_feed(client, "/p/quynhphu/feeds/gop-y/rss/")
    )


def test_the_list_page_announces_its_feeds(client, province):
    html = client.get("/p/quynhphu/gop-y/").content.decode()
    assert 'type="application/rss+xml"' in html and 'href="/p/quynhphu/feeds/gop-y/rss/"' in html
    assert 'type="application/atom+xml"' in html and 'href="/p/quynhphu/feeds/gop-y/atom/"' in html


def test_the_feed_costs_the_same_queries_for_2_and_6_drafts(
    make_consultation, client, superuser, django_assert_num_queries
):
    def grow(start, count):
        for n in range(start, start + count):
            page = make_consultation(
                "quynhphu" if n % 2 else "sotttt", slug=f"du-thao-{n}", opens=-20, closes=-5
            )
            services.conclude(page, explanation="Tiếp thu.", by=superuser)

    host = {"HTTP_HOST": "www.thaibinh.gov.vn"}
    grow(0, 2)
    few = count_queries(client, "/feeds/gop-y/rss/", **host)
    grow(2, 4)
    client.get("/feeds/gop-y/rss/", **host)
    with django_assert_num_queries(few):
        feed = read_feed(client, "/feeds/gop-y/rss/", **host)
    assert len(feed.entries) == 18
