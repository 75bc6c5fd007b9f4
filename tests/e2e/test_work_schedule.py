"""The leaders' work schedule in a browser: this week's items with the
adjusted one marked, readable on a 375 px phone without sideways scrolling
(320 px either), laid out beside the times on a desktop; axe-core finds
nothing serious. Screenshots go to var/screenshots/."""

from pathlib import Path

from django.conf import settings

from tests.e2e.conftest import axe_violations

SCREENSHOTS = Path(settings.BASE_DIR) / "var" / "screenshots"


def _show(browser, live_server, width, path="/lich-cong-tac/"):
    context = browser.new_context(locale="vi-VN", viewport={"width": width, "height": 800})
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(f"{live_server.url}{path}")
    return page


def _fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_the_week_reads_on_a_phone_and_a_desktop(browser, live_server):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width in (375, 1280):
        page = _show(browser, live_server, width)
        try:
            assert page.locator("h1").inner_text() == "Lịch công tác"
            assert page.locator(".schedule-item").count() >= 5
            assert page.locator(".schedule-change").first.is_visible()
            assert "Điều chỉnh" in page.locator(".schedule-change").first.inner_text()
            assert _fits(page)
            page.screenshot(path=str(SCREENSHOTS / f"lich-cong-tac-{width}.png"), full_page=True)
            assert axe_violations(page) == []
            if width == 375:
                page.set_viewport_size({"width": 320, "height": 800})
                assert _fits(page)
        finally:
            page.context.close()


def test_a_department_shows_next_week_and_the_day(browser, live_server):
    page = _show(browser, live_server, 375, "/p/sotttt/lich-cong-tac/")
    try:
        page.get_by_role("link", name="Tuần sau").click()
        assert page.locator(".schedule-item").count() >= 1
        assert "tuần sau" in page.locator(".schedule-week-title").inner_text()
        page.get_by_role("link", name="Lịch hôm nay").click()
        assert page.locator("h1").inner_text().startswith("Lịch công tác:")
        assert axe_violations(page) == []
    finally:
        page.context.close()
