"""The English journey: home → a procedure → its English version → back to
Vietnamese, on a 375 px phone and a 1280 px desktop, with screenshots
(var/screenshots/english-*.png). The English pages speak English (menu,
portal name), fit the phone, and axe-core finds nothing serious in them; a
page without an English version leads to the English section with a notice.

One phone and one desktop window serve the module."""

import re
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.test import Client

from tests.e2e.conftest import axe_violations
from tests.e2e.test_phones_first import SCREENSHOTS

PHONE = {"width": 375, "height": 667}
DESKTOP = {"width": 1280, "height": 800}
SERVICE = "/p/sotttt/thu-tuc/cap-giay-phep-hoat-dong-in/"


def _window(browser, viewport):
    context = browser.new_context(locale="vi-VN", viewport=viewport)
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


def _shoot(page, name, width):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"english-{name}-{width}.png"))


def _scroll_width(page):
    return page.evaluate("document.documentElement.scrollWidth")


def _switch(page, name):
    page.locator("nav.lang a").click()
    page.wait_for_load_state()
    assert page.locator("nav.lang a").inner_text() == name


@pytest.mark.parametrize("window", ["phone", "desktop"])
def test_the_english_journey(request, e2e_site, window):
    page = request.getfixturevalue(window)
    width = PHONE["width"] if window == "phone" else DESKTOP["width"]
    base = e2e_site.url

    page.goto(base + "/p/sotttt/")
    _shoot(page, "home-vi", width)
    page.goto(base + SERVICE)
    assert page.get_by_role("heading", level=1).inner_text() == "Cấp giấy phép hoạt động in"

    _switch(page, "Tiếng Việt")
    assert page.url == base + "/p/sotttt/en/thu-tuc/cap-giay-phep-hoat-dong-in/"
    assert page.get_by_role("heading", level=1).inner_text() == "Printing operation licence"
    assert page.locator("html").get_attribute("lang") == "en"
    assert "Department of Information and Communications" in page.locator("header").text_content()
    assert "older than the Vietnamese" not in page.locator("main").inner_text()
    assert _scroll_width(page) <= width
    _shoot(page, "service-en", width)
    assert axe_violations(page) == []

    _switch(page, "English")
    assert page.url == base + SERVICE
    assert page.locator("html").get_attribute("lang") == "vi"
    _shoot(page, "service-vi", width)


def test_the_english_home_and_menu_are_english(phone, e2e_site):
    phone.goto(e2e_site.url + "/en/")
    header = phone.locator("header").text_content()
    assert "Thai Binh Province e-Portal" in header
    menu = phone.locator(".main-nav a")
    labels = [menu.nth(i).text_content().strip() for i in range(menu.count())]
    assert {"Home", "News", "Administrative procedures", "Consultations"} <= set(labels)
    hrefs = [menu.nth(i).get_attribute("href") for i in range(menu.count())]
    assert all("/en/" in href for href in hrefs), hrefs
    _shoot(phone, "home-en", PHONE["width"])
    assert axe_violations(phone) == []
    phone.goto(e2e_site.url + "/en/gop-y/quy-che-cong-thong-tin-dien-tu/")
    assert "Draft regulation" in phone.get_by_role("heading", level=1).inner_text()
    assert axe_violations(phone) == []


def test_the_english_service_page_fits_320_px(browser, e2e_site):
    page = _window(browser, {"width": 320, "height": 667})
    try:
        page.goto(e2e_site.url + "/p/sotttt/en/thu-tuc/cap-giay-phep-buu-chinh-cap-tinh/")
        assert _scroll_width(page) <= 320
    finally:
        page.context.close()


def test_a_page_without_english_leads_to_the_english_section(phone, e2e_site):
    phone.goto(e2e_site.url + "/tin-tuc/")
    first = phone.locator("main .article-list h2 a, main .article-list h3 a").first
    phone.goto(e2e_site.url + first.get_attribute("href"))
    phone.locator("nav.lang a").click()
    phone.wait_for_load_state()
    assert "/en/tin-tuc/" in phone.url
    assert "This page has no English version yet" in phone.locator("main").inner_text()


# The main English pages: home, sections, a procedure, the consultation pages.
ENGLISH_PAGES = [
    "/en/",
    "/p/sotttt/en/",
    "/en/tin-tuc/",
    "/en/van-ban/",
    "/en/thu-tuc/",
    "/en/hoi-dap/",
    "/en/hoi-dap/gui-cau-hoi/",
    "/en/gop-y/",
    "/en/gop-y/quy-che-cong-thong-tin-dien-tu/",
    "/en/gioi-thieu/",
    "/en/lien-he/",
    "/p/sotttt/en/thu-tuc/cap-giay-phep-hoat-dong-in/",
    "/en/tim-kiem/?q=giay+phep",
]
VIETNAMESE = re.compile("[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]", re.IGNORECASE)


def _vietnamese_msgids():
    """The project's interface strings (msgids are Vietnamese), read from the English catalogue."""
    po = settings.BASE_DIR / "eportal" / "locale" / "en" / "LC_MESSAGES" / "django.po"
    found = set()
    for block in po.read_text(encoding="utf-8").split("\n\n"):
        match = re.search(r'^msgid ((?:".*"\n?)+)', block, re.MULTILINE)
        if match is None:
            continue
        text = "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', match.group(1))).replace('\\"', '"')
        if VIETNAMESE.search(text) and "%(" not in text:
            found.add(text.strip())
    # Names of legal instruments (Nghị định, Hướng dẫn…) are data kept in
    # Vietnamese, like document numbers; some are also interface words.
    from eportal.legal.numbers import FORMS

    return found - {name for _slug, name, _abbr in FORMS}


class _Texts(HTMLParser):
    """Every text node and label attribute of a page, outside scripts and styles."""

    def __init__(self):
        super().__init__()
        self.texts, self._skip = [], 0

    def handle_starttag(self, tag, attrs):
        self._skip += tag in ("script", "style")
        self.texts += [
            v.strip() for k, v in attrs if k in ("aria-label", "placeholder", "alt") and v
        ]

    def handle_endtag(self, tag):
        self._skip -= tag in ("script", "style")

    def handle_data(self, data):
        if not self._skip and data.strip():
            self.texts.append(" ".join(data.split()))


def test_no_vietnamese_interface_string_is_left_on_the_english_pages(e2e_site):
    msgids = _vietnamese_msgids()
    client = Client()
    left = {}
    for path in ENGLISH_PAGES:
        response = client.get(path, HTTP_HOST="127.0.0.1")
        assert response.status_code == 200, path
        parser = _Texts()
        parser.feed(response.content.decode())
        untranslated = sorted({text for text in parser.texts if text in msgids})
        if untranslated:
            left[path] = untranslated
    assert left == {}
