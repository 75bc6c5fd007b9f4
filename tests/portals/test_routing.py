"""A portal is reached by its host, by /p/<slug>/ on any host, and unknown
hosts fall back to the main portal."""

import pytest


def test_it_serves_each_portal_on_its_own_host(client, province):
    main = client.get("/", HTTP_HOST="www.thaibinh.gov.vn")
    dept = client.get("/", HTTP_HOST="sotttt.thaibinh.gov.vn")
    assert main.status_code == 200 and dept.status_code == 200
    assert "Cổng thông tin điện tử tỉnh Thái Bình" in main.text
    assert "Sở Thông tin và Truyền thông" in dept.text


def test_it_serves_each_portal_by_path_on_any_host(client, province):
    response = client.get("/p/quynhphu/", HTTP_HOST="localhost")
    assert response.status_code == 200
    assert "Huyện Quỳnh Phụ" in response.text
    assert client.get("/p/www/", HTTP_HOST="127.0.0.1").status_code == 200


def test_it_falls_back_to_the_main_portal_for_an_unknown_host(client, province):
    response = client.get("/", HTTP_HOST="khongco.example.com")
    assert response.status_code == 200
    assert "Cổng thông tin điện tử tỉnh Thái Bình" in response.text


def test_it_links_component_portals_by_path_when_not_on_their_hosts(client, province):
    response = client.get("/", HTTP_HOST="localhost")
    assert 'href="/p/sotttt/"' in response.text
    assert 'href="/p/quynhphu/"' in response.text


def test_it_keeps_links_under_the_portal_path(client, province):
    from eportal.core.models import SectionPage

    home = province["sotttt"].home_page
    home.add_child(instance=SectionPage(title="Giới thiệu", slug="gioi-thieu", show_in_menus=True))
    response = client.get("/p/sotttt/", HTTP_HOST="localhost")
    assert 'href="/p/sotttt/gioi-thieu/"' in response.text
    page = client.get("/p/sotttt/gioi-thieu/", HTTP_HOST="localhost")
    assert page.status_code == 200
    assert "Giới thiệu" in page.text


def test_it_gives_a_vietnamese_404_for_an_unknown_portal_path(client, province):
    response = client.get("/p/khongco/", HTTP_HOST="localhost")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.text


def test_it_gives_a_404_not_a_500_for_odd_paths(client, province):
    for path in ["/p/", "/p//", "/p/%00/", "/p/sotttt/khong-co-trang/", "/khong/co/", "/p/SOTTTT/"]:
        response = client.get(path, HTTP_HOST="localhost")
        assert response.status_code in (400, 404, 301, 302), path


def test_it_speaks_english_under_en(client, province):
    response = client.get("/en/", HTTP_HOST="www.thaibinh.gov.vn")
    assert response.status_code == 200
    assert '<html lang="en">' in response.text
    assert 'href="/" lang="vi"' in response.text
    path_mode = client.get("/p/sotttt/en/", HTTP_HOST="localhost")
    assert path_mode.status_code == 200
    assert '<html lang="en">' in path_mode.text


@pytest.mark.django_db
def test_it_answers_health_checks(client):
    assert client.get("/healthz").json() == {"status": "ok"}


def test_it_translates_the_interface_to_english(client, province):
    response = client.get("/en/", HTTP_HOST="www.thaibinh.gov.vn")
    assert "Skip to main content" in response.text
    assert "Component portals" in response.text
    vietnamese = client.get("/", HTTP_HOST="www.thaibinh.gov.vn")
    assert "Bỏ qua, đến nội dung chính" in vietnamese.text


def test_it_publishes_a_sitemap_per_portal(client, province):
    from eportal.core.models import SectionPage

    province["sotttt"].home_page.add_child(
        instance=SectionPage(title="Giới thiệu", slug="gioi-thieu", live=True)
    )
    response = client.get("/sitemap.xml", HTTP_HOST="sotttt.thaibinh.gov.vn")
    assert response.status_code == 200
    assert "https://sotttt.thaibinh.gov.vn/gioi-thieu/" in response.content.decode()
    assert "quynhphu" not in response.content.decode()


def test_it_refuses_nul_bytes_in_the_query_with_a_400(client, province):
    response = client.get("/tim-kiem/?q=%00abc", HTTP_HOST="localhost")
    assert response.status_code == 400
    assert "không hợp lệ" in response.content.decode()
