"""Phones first: on a 375 x 667 phone every public page type shows its own
content within the top 40 % of the screen, nothing scrolls sideways at
320 px, the menu and the filters fold behind a button (without JavaScript)
and are laid out in full on a desktop; the public forms describe their fields
with elements that exist and, after a failed submit, start from the error
summary. axe-core finds nothing serious at either width.

One phone and one desktop window serve the whole module (opening a browser
context per test would cost most of its run)."""

from pathlib import Path

import pytest
from django.conf import settings

from eportal.demo.province import DEMO_PASSWORD
from tests.e2e.conftest import axe_violations

PHONE = {"width": 375, "height": 667}
NARROW = {"width": 320, "height": 667}
DESKTOP = {"width": 1280, "height": 800}
FIRST_SCREEN = 0.4 * PHONE["height"]
SCREENSHOTS = Path(settings.BASE_DIR) / "var" / "screenshots"
SHOOT = {"home", "article", "service", "search"}

# Page types whose address is fixed by the demo province.
FIXED = {
    "home": "/",
    "portal_home": "/p/sotttt/",
    "news_list": "/tin-tuc/",
    "legal_list": "/van-ban/",
    "gazette": "/van-ban/cong-bao/",
    "procedures": "/thu-tuc/",
    "service": "/p/sotttt/thu-tuc/cap-giay-phep-buu-chinh-cap-tinh/",
    "service_en": "/p/sotttt/en/thu-tuc/cap-giay-phep-buu-chinh-cap-tinh/",
    "qa_list": "/hoi-dap/",
    "qa_form": "/hoi-dap/gui-cau-hoi/",
    "consultations": "/gop-y/",
    "draft": "/gop-y/quy-che-cong-thong-tin-dien-tu/",
    # A draft open for weeks: the consultation journey closes the main portal's.
    "comment_form": "/p/sotttt/gop-y/ke-hoach-chuyen-doi-so-2026-2030/gui-y-kien/",
    "search": "/tim-kiem/?q=chuyen+doi+so",
    "sign_in": "/dich-vu-cong/tai-khoan/dang-nhap/",
    "register": "/dich-vu-cong/tai-khoan/dang-ky/",
    "not_found": "/khong-co-trang-nay/",
}
# Page types reached by the first link of a list: (list, link).
FOUND = {
    "article": ("/tin-tuc/", "main .article-list h2 a, main .article-list h3 a"),
    "legal_document": ("/van-ban/", "main .legal-list a"),
    "gazette_issue": ("/van-ban/cong-bao/", "main h2 a"),
    "qa_answer": ("/hoi-dap/", "main .page-list a"),
}
PAGE_TYPES = sorted([*FIXED, *FOUND])

# Small links people tap: each at least 44 px high.
TAP_TARGETS = (
    ".breadcrumbs a, .site-footer a, .pagination a, .search-facets a, .main-nav a, .lang a"
)


def _window(browser, viewport, **options):
    context = browser.new_context(locale="vi-VN", viewport=viewport, **options)
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page


@pytest.fixture(scope="module")
def phone(browser, e2e_site):
    page = _window(browser, PHONE)
    yield page
    page.context.close()


@pytest.fixture(scope="module")
def desktop(browser, e2e_site):
    page = _window(browser, DESKTOP)
    yield page
    page.context.close()


@pytest.fixture(scope="module")
def urls(phone, e2e_site):
    """Every page type's address on the test server."""
    base = e2e_site.url
    found = {name: base + path for name, path in FIXED.items()}
    for name, (listing, link) in FOUND.items():
        phone.goto(base + listing)
        found[name] = base + phone.locator(link).first.get_attribute("href")
    return found


def _main_top(page):
    return page.evaluate("document.querySelector('main').getBoundingClientRect().top")


def _scroll_width(page):
    return page.evaluate("document.documentElement.scrollWidth")


def _short_tap_targets(page):
    return page.evaluate(
        """selector => [...document.querySelectorAll(selector)]
            .filter(a => a.getClientRects().length && a.getBoundingClientRect().height < 44)
            .map(a => a.textContent.trim() + ' ' + Math.round(a.getBoundingClientRect().height))""",
        TAP_TARGETS,
    )


def _dangling_descriptions(page):
    """The aria-describedby ids that name no element of the page."""
    return page.evaluate(
        """() => [...document.querySelectorAll('[aria-describedby]')].flatMap(el =>
            el.getAttribute('aria-describedby').split(/\\s+/).filter(Boolean)
              .filter(id => !document.getElementById(id))
              .map(id => (el.id || el.name) + ' -> ' + id))"""
    )


def _shoot(page, name, width):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"phones-{name}-{width}.png"))


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_it_fits_a_phone_and_a_desktop(phone, desktop, urls, kind):
    response = phone.goto(urls[kind])
    assert response.status == (404 if kind == "not_found" else 200)
    top = _main_top(phone)
    assert top <= FIRST_SCREEN, f"{kind}: <main> starts at {top:.0f} px of 667"
    assert _short_tap_targets(phone) == []
    assert axe_violations(phone) == []
    if kind in SHOOT:
        _shoot(phone, kind, PHONE["width"])
    phone.set_viewport_size(NARROW)
    try:
        assert _scroll_width(phone) <= NARROW["width"], f"{kind} scrolls sideways at 320 px"
    finally:
        phone.set_viewport_size(PHONE)

    desktop.goto(urls[kind])
    assert _scroll_width(desktop) <= DESKTOP["width"]
    assert axe_violations(desktop) == []
    if kind in SHOOT:
        _shoot(desktop, kind, DESKTOP["width"])


def _menu(page):
    return page.get_by_role("navigation", name="Chuyên mục chính")


def test_it_folds_the_menu_behind_a_button_on_a_phone(phone, urls):
    phone.goto(urls["home"])
    menu = _menu(phone)
    button = menu.locator("summary")
    news = menu.get_by_role("link", name="Tin tức")
    assert button.is_visible() and not news.is_visible()
    button.click()
    assert news.is_visible()
    button.click()
    assert not news.is_visible()
    # By keyboard: the button is in the tab order and opens with Enter, closes with Space.
    button.focus()
    phone.keyboard.press("Enter")
    assert news.is_visible()
    phone.keyboard.press("Tab")
    assert phone.evaluate("document.activeElement.textContent.trim()") == "Trang chủ"
    button.focus()
    phone.keyboard.press(" ")
    assert not news.is_visible()


def test_it_lays_the_menu_out_in_full_on_a_desktop(desktop, urls):
    desktop.goto(urls["home"])
    menu = _menu(desktop)
    assert not menu.locator("summary").is_visible()
    links = menu.get_by_role("link")
    assert links.count() >= 5
    assert all(links.nth(i).is_visible() for i in range(links.count()))
    # All on one row, under the brand and the search box.
    tops = {round(links.nth(i).bounding_box()["y"]) for i in range(links.count())}
    assert len(tops) == 1


@pytest.mark.parametrize("on_phone", [True, False], ids=["phone", "desktop"])
def test_the_menu_works_without_javascript(browser, urls, on_phone):
    page = _window(browser, PHONE if on_phone else DESKTOP, java_script_enabled=False)
    try:
        page.goto(urls["home"])
        menu = _menu(page)
        news = menu.get_by_role("link", name="Tin tức")
        if on_phone:
            assert not news.is_visible()
            menu.locator("summary").click()
        assert news.is_visible()
    finally:
        page.context.close()


@pytest.mark.parametrize(
    "kind,field,active",
    [
        ("procedures", "#linh_vuc", "?linh_vuc=Bưu+chính"),
        ("legal_list", "#id_status", "?status=in_force"),
        ("search", ".search-facets h2", "&type=article"),
    ],
    ids=["procedures", "legal", "search"],
)
def test_it_folds_the_filters_on_a_phone(phone, desktop, urls, kind, field, active):
    phone.goto(urls[kind])
    fold = phone.locator("main details.filters-fold")
    assert fold.locator("summary").is_visible()
    assert not phone.locator(field).first.is_visible()
    fold.locator("summary").click()
    assert phone.locator(field).first.is_visible()

    # A filter in use stays in sight.
    phone.goto(urls[kind] + active)
    assert phone.locator(field).first.is_visible()

    desktop.goto(urls[kind])
    assert not desktop.locator("main details.filters-fold summary").is_visible()
    assert desktop.locator(field).first.is_visible()


def test_the_filters_fold_without_javascript(browser, urls):
    page = _window(browser, PHONE, java_script_enabled=False)
    try:
        page.goto(urls["procedures"])
        assert not page.locator("#linh_vuc").is_visible()
        page.locator("main details.filters-fold summary").click()
        assert page.locator("#linh_vuc").is_visible()
        page.set_viewport_size(DESKTOP)
        page.goto(urls["procedures"])
        assert page.locator("#linh_vuc").is_visible()
    finally:
        page.context.close()


def _submit_empty(page, url, form):
    page.goto(url)
    assert _dangling_descriptions(page) == []
    page.locator(f"main {form} button[type=submit]").first.click()
    page.wait_for_load_state()
    summary = page.locator("#error-summary")
    summary.wait_for()
    assert _dangling_descriptions(page) == []
    assert page.evaluate("document.activeElement.id") == "error-summary"
    # Each field's error links to its field.
    first = summary.get_by_role("link").first
    target = first.get_attribute("href")
    assert page.locator(target).count() == 1
    assert axe_violations(page) == []


@pytest.mark.parametrize(
    "kind,form",
    [
        ("qa_form", "form.qa-form"),
        ("register", "form.svc-form"),
        ("sign_in", "form.svc-form"),
        ("comment_form", "form.comment-form"),
    ],
)
def test_a_failed_submit_starts_from_the_error_summary(phone, urls, kind, form):
    _submit_empty(phone, urls[kind], form)


def test_the_dossier_form_starts_from_the_error_summary(browser, e2e_site, urls):
    page = _window(browser, PHONE)
    try:
        page.goto(urls["sign_in"])
        page.fill("#id_email", "congdan@example.com")
        page.fill("#id_password", DEMO_PASSWORD)
        page.get_by_role("button", name="Đăng nhập").click()
        page.get_by_role("heading", name="Hồ sơ của tôi").wait_for()
        _submit_empty(page, urls["service"] + "nop-ho-so/", "form.svc-form")
    finally:
        page.context.close()
