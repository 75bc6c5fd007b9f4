"""The home pages the boards composed (issue 21), in a browser at 375 and
1280 px: each story, document, answer and service shown once, no empty box,
pictures that load (none where an article has none), no article numbers of
the regulation in public text, nothing serious for axe-core. Screenshots of
each home at both widths go to var/screenshots/ (as tests/e2e/test_phones_first.py).

One phone and one desktop window serve the module."""

import pytest

from tests.e2e.conftest import axe_violations
from tests.e2e.test_phones_first import DESKTOP, FIRST_SCREEN, PHONE, SCREENSHOTS

HOMES = {"main": "/", "district": "/p/quynhphu/", "department": "/p/sotttt/"}


@pytest.fixture(scope="module")
def phone(browser, e2e_site):
    context = browser.new_context(locale="vi-VN", viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture(scope="module")
def desktop(browser, e2e_site):
    context = browser.new_context(locale="vi-VN", viewport=DESKTOP)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def _item_links(page):
    """The addresses the home's blocks link to, one per item shown."""
    return page.eval_on_selector_all(
        "main .home-blocks .stories h3 a, main .home-blocks .article-list h3 a,"
        " main .home-blocks .home-list a, main .home-blocks .service-links a,"
        " main .home-blocks .banners a",
        "links => links.map(a => a.getAttribute('href'))",
    )


def _empty_blocks(page):
    return page.eval_on_selector_all(
        "main .home-block",
        "blocks => blocks.filter(b => !b.querySelector('li, dd, a')).map(b => b.className)",
    )


def _broken_pictures(page):
    """Pictures that do not load (the lazy ones asked for at once)."""
    return page.evaluate(
        """() => Promise.all([...document.querySelectorAll('main img')].map(img => {
            img.loading = 'eager';
            return img.complete ? img : new Promise(done => {
                img.onload = img.onerror = () => done(img);
            });
        })).then(images => images.filter(i => i.naturalWidth === 0).map(i => i.currentSrc || i.src))"""
    )


def _shoot(page, name, width):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(SCREENSHOTS / f"home-blocks-{name}-{width}.png"), full_page=True)


@pytest.mark.parametrize("name", sorted(HOMES))
def test_a_home_shows_its_blocks_once_each_and_nothing_empty(phone, desktop, e2e_site, name):
    for page, width in ((phone, PHONE["width"]), (desktop, DESKTOP["width"])):
        response = page.goto(e2e_site.url + HOMES[name])
        assert response.status == 200
        assert page.locator("main .home-block").count() >= 4, name
        links = _item_links(page)
        assert len(links) == len(set(links)), f"{name}: an item shown twice"
        assert _empty_blocks(page) == []
        text = page.inner_text("main")
        assert "(Điều " not in text and "Chưa có" not in text
        assert (
            page.locator("main .story.has-image").count()
            == page.locator("main .story picture").count()
        )
        assert _broken_pictures(page) == []
        assert axe_violations(page) == []
        _shoot(page, name, width)


def test_the_main_home_leads_with_pictured_stories_on_the_first_screen(phone, e2e_site):
    phone.goto(e2e_site.url + "/")
    top = phone.evaluate("document.querySelector('main').getBoundingClientRect().top")
    assert top <= FIRST_SCREEN
    lead = phone.locator("main .featured-stories .story").first
    assert lead.locator("picture source[type='image/webp']").count() == 1
    assert phone.locator("main .featured-stories img[loading='lazy']").count() >= 1
    # The traffic bulletin every newsroom publishes is on the main home once.
    assert (
        phone.locator("main").get_by_text("Bản tin vi phạm trật tự an toàn giao thông").count() <= 1
    )
    assert phone.locator("main a[href='https://dichvucong.gov.vn/']").count() == 1
