"""Feeds of the catalogue (/feeds/thu-tuc/…): new and changed procedures."""

from datetime import timedelta

import pytest
from django.utils import timezone

from eportal.procedures.models import ProcedurePage
from tests.feed_helpers import count_queries, read_feed, titles
from tests.online_services import make_procedure


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_it_lists_new_and_changed_procedures_last_published_first(province, client, kind):
    changed = make_procedure(province["sotttt"], code="1.000001", title="Cấp giấy phép bưu chính")
    two_days_ago = timezone.now() - timedelta(days=2)
    ProcedurePage.objects.filter(pk=changed.pk).update(
        first_published_at=two_days_ago, last_published_at=two_days_ago
    )
    make_procedure(province["sotttt"], code="1.000002", title="Cấp phép tần số")
    make_procedure(
        province["sotttt"], code="1.000003", title="Thủ tục chưa công bố", publish=False, live=False
    )
    changed = ProcedurePage.objects.get(pk=changed.pk)
    changed.fees = "50.000 đồng"
    changed.save_revision().publish()

    feed = read_feed(client, f"/p/sotttt/feeds/thu-tuc/{kind}/")

    assert titles(feed) == [
        "Thủ tục sửa đổi: Cấp giấy phép bưu chính",
        "Thủ tục mới: Cấp phép tần số",
    ]
    entry = feed.entries[0]
    assert entry.link.startswith("https://sotttt.thaibinh.gov.vn/thu-tuc/")
    assert "1.000001" in entry.summary and "Bưu chính" in entry.summary


def test_the_main_portal_names_the_source_portal(province, client):
    make_procedure(
        province["quynhphu"], code="2.000002", title="Đăng ký khai sinh", level="district"
    )
    make_procedure(province["main"], code="3.000003", title="Cấp phép xây dựng")

    feed = read_feed(client, "/feeds/thu-tuc/rss/", HTTP_HOST="www.thaibinh.gov.vn")

    assert set(titles(feed)) == {
        f"[{province['quynhphu'].name}] Thủ tục mới: Đăng ký khai sinh",
        "Thủ tục mới: Cấp phép xây dựng",
    }
    assert titles(read_feed(client, "/p/quynhphu/feeds/thu-tuc/atom/")) == [
        "Thủ tục mới: Đăng ký khai sinh"
    ]


def test_the_list_page_announces_its_feeds(province, client):
    html = client.get("/p/sotttt/thu-tuc/").content.decode()
    assert 'type="application/rss+xml"' in html and 'href="/p/sotttt/feeds/thu-tuc/rss/"' in html
    assert 'type="application/atom+xml"' in html and 'href="/p/sotttt/feeds/thu-tuc/atom/"' in html


def test_the_feed_costs_the_same_queries_for_2_and_6_procedures(
    province, client, django_assert_num_queries
):
    def grow(start, count):
        for n in range(start, start + count):
            portal = province["quynhphu" if n % 2 else "sotttt"]
            make_procedure(portal, code=f"1.{n:06d}", title=f"Thủ tục số {n}")

    host = {"HTTP_HOST": "www.thaibinh.gov.vn"}
    grow(0, 2)
    few = count_queries(client, "/feeds/thu-tuc/atom/", **host)
    grow(2, 4)
    client.get("/feeds/thu-tuc/atom/", **host)
    with django_assert_num_queries(few):
        feed = read_feed(client, "/feeds/thu-tuc/atom/", **host)
    assert len(feed.entries) == 6
