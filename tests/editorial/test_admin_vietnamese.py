"""A board member meets the admin in Vietnamese: the pages each role uses show
none of Wagtail's English (issue 21). The Vietnamese for Wagtail's strings is
in the project's catalogue (eportal/locale/vi), ahead of Wagtail's own."""

import re
from html.parser import HTMLParser

import pytest
from django.utils import translation

from tests.news.helpers import image, submit

# Strings that board members met in English, or in Wagtail's misleading Vietnamese.
ENGLISH = [
    "Save draft", "Save Draft", "More actions", "Page title", "Awaiting", "Submit to",
    "Request changes", "Approve", "Dashboard", "Log out", "Skip to main content",
    "Your most recent edits", "Site summary", "Add child page", "Bulk actions", "Sort by",
    "Images", "Documents", "Reports", "Workflows", "Keyboard shortcuts", "Notifications",
    "Comments", "History", "Status", "Owner", "Page type", "Promote", "Content",
    "Add an image", "Add a document", "Profile", "Workflow history", "Locked pages",
    "In Moderation", "Needs changes", "Changes requested", "Rejected at",
    "Thực hiện", "Phê chuẩn", "Trang Chủ", "Bộ sưu tập",
]  # fmt: skip
# The attributes a person reads or hears (tooltips, placeholders, screen readers).
READ_ATTRIBUTES = {"title", "placeholder", "aria-label", "alt", "value"}


class ReadableText(HTMLParser):
    """The text a person sees or hears on a page: text outside scripts and
    styles, and the read attributes of every element."""

    def __init__(self):
        super().__init__()
        self.parts, self._skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "template"):
            self._skip += 1
        for name, value in attrs:
            if name in READ_ATTRIBUTES and value and not (tag == "input" and name == "value"):
                self.parts.append(value)

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def english_on(html):
    parser = ReadableText()
    parser.feed(html)
    text = " ".join(" ".join(parser.parts).split())
    return [word for word in ENGLISH if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text)]


@pytest.fixture
def in_review(province, board):
    """An article of the department's portal awaiting its editor, and an image."""
    portal = province["sotttt"]
    image(portal)
    return submit(portal, board["sotttt"]["contributor"], "Tin chờ duyệt")


def pages_for(province, page):
    home = province["sotttt"].home_page
    return [
        "/admin/",
        f"/admin/pages/{home.pk}/",
        "/admin/pages/search/?q=tin",
        f"/admin/pages/{page.pk}/edit/",
        f"/admin/pages/{page.pk}/history/",
        f"/admin/pages/{page.pk}/workflow_history/",
        f"/admin/pages/{home.pk}/add_subpage/",
        "/admin/images/",
        "/admin/documents/",
        "/admin/reports/locked/",
        "/admin/reports/workflow/",
        "/admin/account/",
        "/admin/settings/qa/qasettings/",
        "/admin/users/",
    ]


@pytest.mark.parametrize("role", ["contributor", "editor", "approver", "administrator"])
def test_it_shows_each_role_its_admin_pages_in_vietnamese(client, province, board, in_review, role):
    client.force_login(board["sotttt"][role])
    found = {}
    with translation.override("vi"):
        for url in pages_for(province, in_review):
            response = client.get(url)
            if response.status_code == 200:
                found[url] = english_on(response.content.decode())
    # Each role reached the pages of its work (the technical administrator edits no pages).
    expected = (
        "/admin/account/" if role == "administrator" else f"/admin/pages/{in_review.pk}/edit/"
    )
    assert "/admin/" in found and expected in found, sorted(found)
    assert {url: words for url, words in found.items() if words} == {}


def test_it_titles_the_question_queue(client, province, board):
    client.force_login(board["sotttt"]["editor"])
    html = client.get("/admin/hoi-dap/").content.decode()
    assert not english_on(html)
    assert re.search(r"w-font-bold[^>]*>\s*(<[^>]+>\s*)*Hỏi đáp: câu hỏi", html)


def test_it_gives_the_editors_scripts_their_vietnamese(client, board):
    """The sidebar, StreamField and comments read their words from the admin's
    JavaScript catalogue (the project's djangojs catalogue, ahead of Wagtail's)."""
    import json

    client.force_login(board["sotttt"]["contributor"])
    catalogue = client.get("/admin/jsi18n/").content.decode()
    for english, vietnamese in [
        ("Insert a block", "Chèn khối nội dung"),
        ("Write something or type ‘/’ to insert a block", "Nhập nội dung hoặc gõ ‘/’ để chèn khối"),
        ("Enter your comments...", "Nhập ý kiến…"),
    ]:
        assert f"{json.dumps(english)}: {json.dumps(vietnamese)}" in catalogue, english
