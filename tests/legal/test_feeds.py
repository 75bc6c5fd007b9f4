"""Feeds of legal documents (/feeds/van-ban/…) and of the Gazette, RSS and Atom."""

from datetime import date

import pytest

from eportal.legal import services
from eportal.legal.models import GazetteEntry, GazetteIssue, LegalDocumentPage, LegalField
from eportal.vntext import slugify
from tests.feed_helpers import count_queries, read_feed, titles

MAIN = {"HTTP_HOST": "www.thaibinh.gov.vn"}


def document(portal, number, *, form="quyet-dinh", summary="Về việc ban hành quy chế", **fields):
    """A document published under the portal's /van-ban/ (``live=False``: a draft)."""
    live = fields.pop("live", True)
    page = LegalDocumentPage(
        title=f"Quyết định {number}",
        slug=slugify(number),
        form=form,
        number=number,
        issuer="Ủy ban nhân dân tỉnh Thái Bình",
        issued=fields.pop("issued", date(2024, 5, 1)),
        summary=summary,
        live=False,
        **fields,
    )
    services.index_for(portal).add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    return LegalDocumentPage.objects.get(pk=page.pk)


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_it_lists_published_documents_with_their_issue_date(client, province, kind):
    document(province["main"], "05/2024/QĐ-UBND", summary="Quy chế quản lý cổng thông tin")
    document(province["main"], "06/2024/QĐ-UBND", summary="Dự thảo chưa ban hành", live=False)

    feed = read_feed(client, f"/feeds/van-ban/{kind}/", **MAIN)

    assert titles(feed) == ["Quyết định 05/2024/QĐ-UBND: Quy chế quản lý cổng thông tin"]
    entry = feed.entries[0]
    assert entry.link.startswith("https://www.thaibinh.gov.vn/van-ban/")
    assert entry.published_parsed[:3] == (2024, 4, 30)  # 1 May 00:00 in Hanoi is 30 April UTC
    assert "Ủy ban nhân dân tỉnh Thái Bình" in entry.summary


def test_the_main_portal_names_a_component_portals_documents(client, province):
    document(province["sotttt"], "12/2024/QĐ-STTTT", summary="Quy định về an toàn thông tin")

    feed = read_feed(client, "/feeds/van-ban/rss/", **MAIN)

    name = province["sotttt"].name
    assert f"[{name}] Quyết định 12/2024/QĐ-STTTT: Quy định về an toàn thông tin" in titles(feed)
    own = read_feed(client, "/p/sotttt/feeds/van-ban/atom/")
    assert titles(own) == ["Quyết định 12/2024/QĐ-STTTT: Quy định về an toàn thông tin"]


def test_it_filters_by_form_and_field_as_the_list_does(client, province):
    finance = LegalField.objects.get_or_create(slug="tai-chinh", defaults={"name": "Tài chính"})[0]
    document(province["main"], "01/2024/QĐ-UBND", summary="Giá đất", sector=finance)
    document(province["main"], "02/2024/QĐ-UBND", summary="Giao thông")
    document(
        province["main"], "03/2024/CV-UBND", form="cong-van", summary="Ngân sách", sector=finance
    )

    by_form = read_feed(client, "/feeds/van-ban/rss/?form=cong-van", **MAIN)
    by_field = read_feed(client, "/feeds/van-ban/atom/?field=tai-chinh", **MAIN)
    both = read_feed(client, "/feeds/van-ban/rss/?form=quyet-dinh&field=tai-chinh", **MAIN)

    assert [t.split(": ")[1] for t in titles(by_form)] == ["Ngân sách"]
    assert sorted(t.split(": ")[1] for t in titles(by_field)) == ["Giá đất", "Ngân sách"]
    assert [t.split(": ")[1] for t in titles(both)] == ["Giá đất"]
    assert "Tài chính" in both.feed.title and "Quyết định" in both.feed.title
    assert both.feed.link.endswith("/van-ban/?form=quyet-dinh&field=tai-chinh")


@pytest.mark.parametrize(
    "query", ["?form=khong-co", "?field=khong-co", "?year=abc", "?issued_from=x"]
)
def test_a_filter_that_names_nothing_is_not_found(client, province, query):
    assert client.get(f"/feeds/van-ban/rss/{query}", **MAIN).status_code == 404


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_the_gazette_feed_lists_issues_without_draft_documents(client, province, kind):
    published = document(province["main"], "07/2024/QĐ-UBND", summary="Quy chế văn thư")
    draft = document(province["main"], "08/2024/QĐ-UBND", summary="Bí mật", live=False)
    issue = GazetteIssue.objects.create(
        portal=province["main"], number="15", published_on=date(2024, 6, 3)
    )
    GazetteEntry.objects.create(issue=issue, document=published)
    GazetteEntry.objects.create(issue=issue, document=draft)

    feed = read_feed(client, f"/feeds/van-ban/cong-bao/{kind}/", **MAIN)

    assert titles(feed) == ["Công báo số 15 ngày 03/06/2024"]
    entry = feed.entries[0]
    assert entry.link == f"https://www.thaibinh.gov.vn/van-ban/cong-bao/{issue.pk}/"
    assert "Quyết định 07/2024/QĐ-UBND" in entry.summary
    assert "08/2024" not in entry.summary and "Bí mật" not in entry.summary


def test_the_list_pages_announce_their_feeds(client, province):
    html = client.get("/p/sotttt/van-ban/?form=quyet-dinh&page=1").content.decode()
    assert (
        '<link rel="alternate" type="application/rss+xml" title="'
        f"{province['sotttt'].name} – " in html
    )
    assert 'href="/p/sotttt/feeds/van-ban/rss/?form=quyet-dinh"' in html
    assert 'type="application/atom+xml"' in html
    assert 'href="/p/sotttt/feeds/van-ban/atom/?form=quyet-dinh"' in html
    gazette = client.get("/p/sotttt/van-ban/cong-bao/").content.decode()
    assert 'href="/p/sotttt/feeds/van-ban/cong-bao/rss/"' in gazette


def test_the_feeds_cost_the_same_queries_for_2_and_8_documents(
    client, province, django_assert_num_queries
):
    paths = ["/feeds/van-ban/rss/", "/feeds/van-ban/atom/?form=quyet-dinh"]
    paths += ["/feeds/van-ban/cong-bao/rss/"]
    finance = LegalField.objects.get_or_create(slug="tai-chinh", defaults={"name": "Tài chính"})[0]

    def grow(start, count):
        issue = GazetteIssue.objects.create(
            portal=province["main"], number=str(start), published_on=date(2024, 6, 1 + start)
        )
        for i in range(start, start + count):
            portal = province["sotttt" if i % 2 else "main"]
            page = document(portal, f"{i + 1}/2024/QĐ-UBND", sector=finance)
            GazetteEntry.objects.create(issue=issue, document=page)

    grow(0, 2)
    few = {path: count_queries(client, path, **MAIN) for path in paths}
    grow(2, 6)
    for path in paths:
        client.get(path, **MAIN)
        with django_assert_num_queries(few[path]):
            assert client.get(path, **MAIN).status_code == 200
