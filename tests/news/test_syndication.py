"""A component portal's article shows on the main portal, labelled, linking to
its one canonical page; the main board features or hides it there only."""

import pytest
from django.core.exceptions import PermissionDenied

from eportal.news import services
from tests.news.helpers import publish


def test_it_lists_component_articles_on_the_main_portal_labelled(client, province):
    article = publish(province["quynhphu"], "Quỳnh Phụ ra quân làm thủy lợi")
    response = client.get("/tin-tuc/su-kien/", HTTP_HOST="www.thaibinh.gov.vn")
    assert "Quỳnh Phụ ra quân làm thủy lợi" in response.text
    assert "Nguồn: Huyện Quỳnh Phụ" in response.text or "Nguồn: Cổng thông tin" in response.text
    assert article.get_url_parts()[2] in response.text
    assert "quynhphu.thaibinh.gov.vn" in response.text
    # One canonical page: the main portal has no copy of it.
    own = client.get("/tin-tuc/su-kien/quy-nh-phu/", HTTP_HOST="www.thaibinh.gov.vn")
    assert own.status_code == 404


def test_it_keeps_other_kinds_out_of_a_main_category(client, province):
    publish(province["sotttt"], "Thông báo tuyển dụng", kind="announcement")
    response = client.get("/tin-tuc/su-kien/", HTTP_HOST="www.thaibinh.gov.vn")
    assert "Thông báo tuyển dụng" not in response.text
    response = client.get("/tin-tuc/thong-bao/", HTTP_HOST="www.thaibinh.gov.vn")
    assert "Thông báo tuyển dụng" in response.text


def test_it_hides_and_features_on_the_main_portal_only(client, province, board):
    first = publish(province["sotttt"], "Tin thứ nhất của Sở")
    second = publish(province["quynhphu"], "Tin thứ hai của huyện")
    approver = board["main"]["approver"]

    services.choose_syndication(first, featured=False, hidden=True, by=approver)
    main = client.get("/tin-tuc/", HTTP_HOST="www.thaibinh.gov.vn").text
    assert "Tin thứ nhất của Sở" not in main
    assert "Tin thứ nhất của Sở" in client.get("/p/sotttt/tin-tuc/").text

    services.choose_syndication(first, featured=True, hidden=False, by=approver)
    main = client.get("/tin-tuc/", HTTP_HOST="www.thaibinh.gov.vn").text
    assert main.index("Tin thứ nhất của Sở") < main.index("Tin thứ hai của huyện")
    first.refresh_from_db()
    assert first.live and first.title == "Tin thứ nhất của Sở"
    assert second.live


def test_it_refuses_the_choice_to_a_component_board(province, board):
    article = publish(province["quynhphu"], "Tin của huyện")
    with pytest.raises(PermissionDenied):
        services.choose_syndication(
            article, featured=True, hidden=False, by=board["sotttt"]["approver"]
        )


def test_it_lets_the_main_board_choose_in_the_admin(client, province, board):
    article = publish(province["quynhphu"], "Tin của huyện")
    client.force_login(board["main"]["editor"])
    listing = client.get("/admin/tin-dong-bo/")
    assert "Tin của huyện" in listing.text
    client.post(f"/admin/tin-dong-bo/{article.pk}/", {"choice": "hidden"})
    assert article.__class__.objects.get(pk=article.pk).syndication.hidden
    client.force_login(board["quynhphu"]["approver"])
    assert client.get("/admin/tin-dong-bo/").status_code in (302, 403)


def test_it_keeps_an_article_featured_when_its_board_publishes_a_new_revision(
    client, province, board
):
    featured = publish(province["sotttt"], "Tin nổi bật của Sở")
    publish(province["quynhphu"], "Tin mới hơn của huyện")
    featured.summary = "Tóm tắt đã sửa."
    draft = featured.save_revision()  # written before the main board featured it
    services.choose_syndication(featured, featured=True, hidden=False, by=board["main"]["approver"])
    draft.publish()
    main = client.get("/tin-tuc/", HTTP_HOST="www.thaibinh.gov.vn").text
    assert main.index("Tin nổi bật của Sở") < main.index("Tin mới hơn của huyện")
    assert "Tóm tắt đã sửa." in main
