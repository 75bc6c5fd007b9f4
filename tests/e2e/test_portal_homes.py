"""The main portal's home and a component portal's home, by host and by path,
readable on a phone and free of serious accessibility violations."""

import pytest

from tests.e2e.conftest import axe_violations


@pytest.mark.parametrize(
    "host,path,heading",
    [
        ("www.thaibinh.gov.vn", "/", "Cổng thông tin điện tử tỉnh Thái Bình"),
        ("sotttt.thaibinh.gov.vn", "/", "Sở Thông tin và Truyền thông"),
        ("127.0.0.1", "/p/www/", "Cổng thông tin điện tử tỉnh Thái Bình"),
        ("127.0.0.1", "/p/sotttt/", "Sở Thông tin và Truyền thông"),
    ],
)
def test_it_shows_the_portal_home(page, demo, port, host, path, heading):
    page.goto(f"http://{host}:{port}{path}")
    assert heading in page.locator("header").text_content()
    assert page.locator("footer").get_by_text("Thư điện tử").count() == 1
    # The page fits a 390 px phone screen: nothing scrolls sideways.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert axe_violations(page) == []


def test_it_navigates_a_component_portal_by_path(page, demo, port):
    page.goto(f"http://127.0.0.1:{port}/p/sotttt/")
    menu = page.get_by_role("navigation", name="Chuyên mục chính")
    # On a phone the menu is folded behind its button.
    menu.get_by_text("Chuyên mục", exact=True).click()
    menu.get_by_role("link", name="Giới thiệu").click()
    assert page.url.endswith("/p/sotttt/gioi-thieu/")
    page.get_by_role("link", name="Chức năng, nhiệm vụ").first.click()
    assert page.url.endswith("/p/sotttt/gioi-thieu/chuc-nang-nhiem-vu/")
    assert axe_violations(page) == []


def test_it_lists_the_component_portals_on_the_main_portal(page, demo, port):
    page.goto(f"http://127.0.0.1:{port}/")
    page.get_by_role("link", name="Cổng thông tin điện tử huyện Quỳnh Phụ").click()
    assert page.url.endswith("/p/quynhphu/")
    assert "Huyện Quỳnh Phụ" in page.locator("footer").inner_text()


def test_it_shows_the_vietnamese_404_page(page, demo, port):
    response = page.goto(f"http://127.0.0.1:{port}/p/khong-co-cong-nay/")
    assert response.status == 404
    assert page.get_by_role("heading", name="Không tìm thấy trang").is_visible()
    assert axe_violations(page) == []


def test_it_works_without_javascript(browser, demo, port):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"http://127.0.0.1:{port}/p/quynhphu/")
    assert page.get_by_role("link", name="Liên hệ").count() >= 1
    context.close()
