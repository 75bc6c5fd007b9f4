from datetime import timedelta

from django.utils import timezone

from eportal.consultations import services


def test_it_lists_open_upcoming_and_closed_drafts_of_the_portal(make_consultation, client):
    make_consultation(slug="dang-mo", title="Dự thảo đang mở")
    make_consultation(slug="sap-mo", title="Dự thảo sắp mở", opens=3, closes=10)
    make_consultation(slug="da-dong", title="Dự thảo đã đóng", opens=-10, closes=-1)
    make_consultation("quynhphu", slug="huyen", title="Dự thảo của huyện")
    html = client.get("/p/sotttt/gop-y/").content.decode()
    assert html.index("Đang lấy ý kiến") < html.index("Dự thảo đang mở")
    assert html.index("Sắp lấy ý kiến") < html.index("Dự thảo sắp mở")
    assert html.index("Đã kết thúc lấy ý kiến") < html.index("Dự thảo đã đóng")
    assert "Dự thảo của huyện" not in html


def test_the_main_portal_lists_every_portals_drafts_with_their_source(make_consultation, client):
    make_consultation(slug="so", title="Dự thảo của Sở")
    make_consultation("quynhphu", slug="huyen", title="Dự thảo của huyện")
    html = client.get("/gop-y/").content.decode()
    assert "Dự thảo của Sở" in html and "Dự thảo của huyện" in html
    assert "Nguồn: Cổng thông tin điện tử huyện Quỳnh Phụ" in html
    assert "/p/quynhphu/gop-y/huyen/" in html


def test_the_list_does_not_grow_queries_with_drafts(
    make_consultation, client, django_assert_max_num_queries, superuser
):
    for n in range(6):
        page = make_consultation(slug=f"du-thao-{n}")
        comment, _ = services.submit_comment(page, name="An", email="an@example.com", body="Ý kiến")
        services.approve(comment, by=superuser)
    client.get("/gop-y/")
    with django_assert_max_num_queries(25):
        response = client.get("/gop-y/")
    assert response.content.decode().count("1 ý kiến") == 6


def test_an_early_closed_draft_is_listed_as_closed(consultation, client, superuser):
    services.close(consultation, by=superuser)
    html = client.get("/p/sotttt/gop-y/").content.decode()
    assert html.index("Đã kết thúc lấy ý kiến") < html.index(consultation.title)
    assert consultation.closes_at > timezone.now() + timedelta(days=5)
