"""Lists, pages and breadcrumbs kept rendered with a portal's content
(portals/caching.py: ``content_value``) are served without the database, and
change as soon as what they show is published, unpublished, moved, renamed,
deleted or syndicated differently."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from eportal.core import fragments
from eportal.news import services as news_services
from eportal.portals import caching
from tests.news.helpers import category, image, publish

SOTTTT = "/p/sotttt"


def address(page, portal):
    """The page's address through /p/<portal slug>/."""
    return f"/p/{portal.slug}/{page.url_path[len(portal.home_page.url_path) :]}"


@pytest.fixture
def stored_keys(monkeypatch):
    """The cache keys written during the test."""
    keys = []
    store = fragments.cache.set

    def record(key, *args, **kwargs):
        keys.append(key)
        return store(key, *args, **kwargs)

    monkeypatch.setattr(fragments.cache, "set", record)
    return keys


def queries_for(client, path):
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


@pytest.fixture
def main_path(province):
    return f"/p/{province['main'].slug}"


def test_it_serves_the_home_and_the_first_pages_of_lists_without_the_database(
    client, province, main_path
):
    publish(province["sotttt"], "Hội nghị chuyển đổi số năm 2026")
    for path in (f"{SOTTTT}/", f"{main_path}/", f"{main_path}/tin-tuc/", f"{main_path}/van-ban/"):
        assert queries_for(client, path) <= 1, path


def test_it_serves_an_article_from_the_cache(client, province):
    article = publish(province["sotttt"], "Khai trương trung tâm dữ liệu")
    assert queries_for(client, address(article, province["sotttt"])) == 0


def test_it_shows_a_new_article_on_its_portal_and_the_main_portal_at_once(
    client, province, main_path
):
    pages = [f"{SOTTTT}/", f"{SOTTTT}/tin-tuc/", f"{main_path}/", f"{main_path}/tin-tuc/"]
    for path in pages:
        client.get(path)  # cached without it
    publish(province["sotttt"], "Khai trương trung tâm dữ liệu tỉnh")
    for path in pages:
        assert "Khai trương trung tâm dữ liệu tỉnh" in client.get(path).text, path


def test_it_drops_an_unpublished_article_from_lists_and_its_address(client, province):
    article = publish(province["sotttt"], "Thông báo tuyển dụng công chức")
    path = address(article, province["sotttt"])
    assert client.get(path).status_code == 200
    assert "Thông báo tuyển dụng công chức" in client.get(f"{SOTTTT}/tin-tuc/").text
    article.unpublish()
    assert client.get(path).status_code == 404
    assert "Thông báo tuyển dụng công chức" not in client.get(f"{SOTTTT}/tin-tuc/").text


def test_it_shows_an_article_as_republished(client, province):
    article = publish(province["sotttt"], "Lịch tiếp công dân tháng 12")
    path = address(article, province["sotttt"])
    assert "Tóm tắt tin." in client.get(path).text
    article.summary = "Lịch tiếp công dân của lãnh đạo Sở tháng 12 năm 2026."
    article.save_revision().publish()
    page = client.get(path).text
    assert "Lịch tiếp công dân của lãnh đạo Sở tháng 12 năm 2026." in page
    assert "Lịch tiếp công dân của lãnh đạo Sở tháng 12 năm 2026." in client.get(f"{SOTTTT}/").text


def test_it_renames_a_list_in_the_breadcrumbs_of_its_articles(client, province):
    article = publish(province["sotttt"], "Tập huấn an toàn thông tin")
    path = address(article, province["sotttt"])
    parent = article.get_parent().specific
    assert parent.title in client.get(path).text
    parent.title = "Sự kiện nổi bật"
    parent.save_revision().publish()
    assert "Sự kiện nổi bật" in client.get(path).text


def test_it_follows_an_article_moved_to_another_portal(client, province):
    article = publish(province["sotttt"], "Hướng dẫn kê khai thuế điện tử")
    assert "Hướng dẫn kê khai thuế điện tử" in client.get(f"{SOTTTT}/tin-tuc/").text
    client.get("/p/quynhphu/tin-tuc/")
    article.move(category(province["quynhphu"]), pos="last-child")
    assert "Hướng dẫn kê khai thuế điện tử" not in client.get(f"{SOTTTT}/tin-tuc/").text
    assert "Hướng dẫn kê khai thuế điện tử" in client.get("/p/quynhphu/tin-tuc/").text


def test_it_hides_a_component_article_on_the_main_portal_when_the_board_says_so(
    client, province, board, main_path
):
    article = publish(province["sotttt"], "Sở Thông tin tổ chức hội thi tin học")
    assert "Sở Thông tin tổ chức hội thi tin học" in client.get(f"{main_path}/tin-tuc/").text
    news_services.choose_syndication(
        article, featured=False, hidden=True, by=board["main"]["approver"]
    )
    assert "Sở Thông tin tổ chức hội thi tin học" not in client.get(f"{main_path}/tin-tuc/").text
    assert "Sở Thông tin tổ chức hội thi tin học" in client.get(f"{SOTTTT}/tin-tuc/").text


def test_it_renders_filtered_and_far_pages_for_each_request(
    client, province, main_path, stored_keys
):
    client.get(f"{main_path}/van-ban/?q=quyết định")
    client.get(f"{main_path}/tin-tuc/?trang=9")
    client.get(f"{main_path}/tin-tuc/?trang=1&x=1")
    assert not [key for key in stored_keys if ":legal-index:" in key or ":news-index:" in key]
    client.get(f"{main_path}/tin-tuc/?trang=2")
    assert [key for key in stored_keys if ":news-index:" in key]


def test_it_does_not_keep_addresses_that_lead_nowhere(client, province, stored_keys):
    assert client.get(f"{SOTTTT}/khong-co-trang-nay/").status_code == 404
    assert client.get(f"{SOTTTT}/tin-tuc/khong-co/trang-nay/").status_code == 404
    assert not [key for key in stored_keys if "khong-co" in key]


def test_it_keeps_the_lists_of_each_portal_apart(client, province):
    publish(province["quynhphu"], "Huyện Quỳnh Phụ ra quân làm thủy lợi")
    client.get(f"{SOTTTT}/")
    assert "Huyện Quỳnh Phụ ra quân làm thủy lợi" not in client.get(f"{SOTTTT}/").text
    assert "Huyện Quỳnh Phụ ra quân làm thủy lợi" in client.get("/p/quynhphu/").text


def test_it_drops_every_portal_list_when_an_image_changes(province):
    scopes = [caching.content_scope(portal.pk) for portal in province.values()]
    before = [fragments._generation(scope) for scope in scopes]
    image(province["sotttt"])
    assert all(fragments._generation(s) != b for s, b in zip(scopes, before, strict=True))


def test_it_shows_a_document_in_force_on_the_day_it_takes_effect(client, province, main_path):
    from datetime import date

    from eportal.legal.models import LegalDocumentPage, Status
    from eportal.legal.services import apply_effects
    from tests.legal.helpers import add_documents

    (document,) = add_documents(province["main"], 1, effective=date(2030, 1, 1))
    document.save_revision().publish()
    LegalDocumentPage.objects.filter(pk=document.pk).update(status=Status.NOT_YET)
    fragments.invalidate(caching.content_scope(province["main"].pk))
    page = address(document, province["main"])
    assert "legal-status--not_yet" in client.get(f"{main_path}/van-ban/").text
    assert str(Status.NOT_YET.label) in client.get(page).text
    apply_effects(today=date(2030, 1, 1))
    assert "legal-status--not_yet" not in client.get(f"{main_path}/van-ban/").text
    assert "legal-status--in_force" in client.get(f"{main_path}/van-ban/").text
    assert str(Status.IN_FORCE.label) in client.get(page).text
    assert str(Status.NOT_YET.label) not in client.get(page).text
