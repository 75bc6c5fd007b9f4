"""The board's workflow in the admin, in Vietnamese and with buttons that say
what they do: the contributor "Gửi duyệt", the editor "Chuyển kiểm duyệt",
the approver "Duyệt và xuất bản", and "Trả lại" with a reason that the
contributor reads (issue 21). Screenshots at 1280 and 375 px go to var/screenshots/."""

import re
from pathlib import Path

from django.contrib.auth import get_user_model

from eportal.portals.models import Portal
from tests.e2e.conftest import sign_in
from tests.editorial.test_admin_vietnamese import ENGLISH
from tests.news.helpers import article

SHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"


def window(browser, port, username):
    context = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(20_000)
    sign_in(page, port, username)
    return page


def open_actions(page, port, item, shot):
    """Open the item in the editor and its footer's action menu; return the menu."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.goto(f"http://127.0.0.1:{port}/admin/pages/{item.pk}/edit/")
    page.screenshot(path=str(SHOTS / f"admin-vi-{shot}-editor-1280.png"))
    page.locator("footer .w-dropdown__toggle").last.click()
    footer = page.locator("footer")
    # Let the menu finish fading in before the picture is taken.
    page.wait_for_timeout(500)
    page.screenshot(path=str(SHOTS / f"admin-vi-{shot}-1280.png"))
    # And on a phone: the same buttons in the editor's footer.
    toggle = page.locator("footer .w-dropdown__toggle").last
    page.set_viewport_size({"width": 375, "height": 667})
    toggle.scroll_into_view_if_needed()
    _open(toggle)
    page.screenshot(path=str(SHOTS / f"admin-vi-{shot}-375.png"))
    page.set_viewport_size({"width": 1280, "height": 900})
    _open(toggle)
    return footer


def _open(toggle):
    """Open the footer's action menu if a resize closed it, and let it fade in."""
    if toggle.get_attribute("aria-expanded") != "true":
        toggle.click()
    toggle.page.wait_for_timeout(500)


def english_in(page):
    text = page.locator("body").inner_text()
    return [word for word in ENGLISH if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text)]


def avatars_broken(page):
    return page.evaluate(
        "() => [...document.querySelectorAll('img')]"
        ".filter(i => i.src.includes('avatar') && i.complete && i.naturalWidth === 0)"
        ".map(i => i.src)"
    )


def click(footer, name):
    button = footer.get_by_role("button", name=name, exact=True)
    assert button.is_visible(), name
    with footer.page.expect_navigation():
        button.click()
    footer.page.wait_for_load_state("networkidle")


def test_it_takes_two_articles_through_the_board_in_vietnamese(browser, demo, port):
    sotttt = Portal.objects.get(slug="sotttt")
    contributor_user = get_user_model().objects.get(username="sotttt-ctv")
    published, returned = (
        article(sotttt, title, owner=contributor_user, live=False)
        for title in ("Sở tổ chức tập huấn an toàn thông tin", "Lịch tiếp công dân tháng 12")
    )
    for item in (published, returned):
        item.save_revision(user=contributor_user)

    # The contributor submits both: the button reads "Gửi duyệt".
    contributor = window(browser, port, "sotttt-ctv")
    for index, item in enumerate((published, returned)):
        footer = open_actions(contributor, port, item, f"1-gui-duyet-{index}")
        assert english_in(contributor) == []
        assert avatars_broken(contributor) == []
        click(footer, "Gửi duyệt")
        assert "Đã gửi duyệt trang" in contributor.locator(".messages").inner_text()

    # The editor sends the first on and returns the second with a reason.
    editor = window(browser, port, "sotttt-btv")
    footer = open_actions(editor, port, published, "2-chuyen-kiem-duyet")
    assert english_in(editor) == []
    assert footer.get_by_role("button", name="Duyệt và xuất bản").count() == 0
    click(footer, "Chuyển kiểm duyệt")

    footer = open_actions(editor, port, returned, "3-tra-lai")
    footer.get_by_role("button", name="Trả lại", exact=True).click()
    dialog = editor.locator(".modal")
    dialog.locator("#id_comment").wait_for()
    assert dialog.get_by_text("Lý do trả lại").is_visible()
    dialog.locator("#id_comment").fill("Ghi rõ địa điểm tiếp công dân.")
    editor.screenshot(path=str(SHOTS / "admin-vi-3-tra-lai-ly-do-1280.png"))
    with editor.expect_navigation():
        dialog.locator("button[type='submit']").click()

    # The approver publishes the first: the last step's button says so.
    approver = window(browser, port, "sotttt-kiemduyet")
    footer = open_actions(approver, port, published, "4-duyet-va-xuat-ban")
    assert english_in(approver) == []
    assert footer.get_by_role("button", name="Chuyển kiểm duyệt").count() == 0
    click(footer, "Duyệt và xuất bản")
    published.refresh_from_db()
    assert published.live

    # The contributor reads why the second came back, and may submit it again.
    contributor.goto(f"http://127.0.0.1:{port}/admin/pages/{returned.pk}/history/")
    assert contributor.get_by_text("Ghi rõ địa điểm tiếp công dân.").count() >= 1
    assert contributor.get_by_text("Bị trả lại ở bước").count() >= 1
    assert english_in(contributor) == []
    contributor.screenshot(path=str(SHOTS / "admin-vi-5-ly-do-tra-lai-1280.png"))
    footer = open_actions(contributor, port, returned, "6-gui-duyet-lai")
    assert footer.get_by_role("button", name="Gửi duyệt lại", exact=True).is_visible()
    returned.refresh_from_db()
    assert not returned.live
    for page in (contributor, editor, approver):
        page.context.close()
