"""The newsroom's public pages on a phone: the alert, the lists, an article."""

import pytest

from tests.e2e.conftest import axe_violations


@pytest.mark.parametrize(
    "path",
    [
        "/tin-tuc/",
        "/tin-tuc/su-kien/",
        "/p/quynhphu/tin-tuc/su-kien/chuyen-doi-so-tai-co-so/",
        "/p/sotttt/tin-tuc/pho-bien/huong-dan-thuc-hien-nghi-dinh-42/ban-in/",
    ],
)
def test_it_shows_news_pages_readably_on_a_phone(browser, demo, port, path):
    context = browser.new_context(locale="vi-VN", viewport={"width": 360, "height": 740})
    page = context.new_page()
    response = page.goto(f"http://127.0.0.1:{port}{path}")
    assert response.status == 200
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert axe_violations(page) == []
    context.close()


def test_it_shows_the_hot_news_alert_and_syndicated_news_on_the_main_portal(page, demo, port):
    page.goto(f"http://127.0.0.1:{port}/tin-tuc/")
    assert page.get_by_role("alert").inner_text().startswith("Cảnh báo mưa lớn")
    featured = page.locator(".article-item").first
    assert "Tin nổi bật" in featured.inner_text()
    assert "Huyện Quỳnh Phụ" in featured.inner_text() or "Quỳnh Phụ" in featured.inner_text()
    page.goto(f"http://127.0.0.1:{port}/p/sotttt/tin-tuc/")
    assert page.get_by_role("alert").count() == 0
