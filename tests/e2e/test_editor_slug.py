"""An editor gives a page a Vietnamese title and sees, as they type, the
readable address the portal will use (accents folded, not dropped); the
address is kept when the draft is saved."""

from django.conf import settings
from playwright.sync_api import expect

from eportal.core.models import ContentPage
from eportal.portals.models import Portal
from tests.e2e.conftest import sign_in

TITLE = "Sở TT&TT tổ chức tập huấn chuyển đổi số cho cán bộ xã"
READABLE = "so-tt-tt-to-chuc-tap-huan-chuyen-doi-so-cho-can-bo-xa"


def test_the_slug_is_readable_as_the_editor_types_and_kept_on_save(desk, demo, port):
    home = Portal.objects.get(slug="sotttt").home_page
    sign_in(desk, port, "sotttt-ctv")
    desk.goto(f"http://127.0.0.1:{port}/admin/pages/add/eportal_core/contentpage/{home.pk}/")

    title = desk.locator("#id_title")
    slug = desk.locator("#id_slug")
    title.press_sequentially("Sở TT&TT tổ chức", delay=20)
    expect(slug).to_have_value("so-tt-tt-to-chuc")
    title.press_sequentially(TITLE.removeprefix("Sở TT&TT tổ chức"), delay=20)
    expect(slug).to_have_value(READABLE)

    # The editor looks at the address on the Promote tab (the project's
    # catalogue: "Tối ưu hiển thị") before saving.
    desk.get_by_role("tab", name="Tối ưu hiển thị").click()
    assert slug.input_value() == READABLE
    shots = settings.VAR_DIR / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    desk.screenshot(path=str(shots / "editor-slug-1280.png"))
    # The same on a phone: the address reads whole, in the editor's own width.
    desk.set_viewport_size({"width": 375, "height": 667})
    assert slug.is_visible() and slug.input_value() == READABLE
    assert desk.evaluate("document.documentElement.scrollWidth") <= 375
    desk.screenshot(path=str(shots / "editor-slug-375.png"))
    desk.set_viewport_size({"width": 1280, "height": 900})

    # Wagtail's autosave waits for a pause in typing: let it settle, then save.
    desk.wait_for_timeout(1500)
    with desk.expect_navigation():
        desk.locator("footer button[type=submit]:not([name])").first.click()
    desk.wait_for_load_state("networkidle")
    page = ContentPage.objects.get(title=TITLE)
    assert page.slug == READABLE
    assert desk.locator("#id_slug").input_value() == READABLE
