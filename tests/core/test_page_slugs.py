"""Every page gets a readable Vietnamese address: the accents folded, not the
accented letters dropped (vntext.slugify), whether the page is made by code,
saved from the admin with an empty slug, or was given Wagtail's lossy slug."""

import json
import re
from html import unescape

from django.urls import reverse

from eportal.core.models import ContentPage

TITLE = "Sở TT&TT tổ chức tập huấn chuyển đổi số cho cán bộ Đoàn"
READABLE = "so-tt-tt-to-chuc-tap-huan-chuyen-doi-so-cho-can-bo-doan"
# What Wagtail's editor script made of it, dropping every accented letter.
LOSSY = "s-tttt-t-chc-tp-hun-chuyn-i-s-cho-cn-b-on"


def test_it_gives_a_page_made_by_code_without_a_slug_a_readable_one(province):
    page = ContentPage(title=TITLE, body="<p>x</p>")
    province["sotttt"].home_page.add_child(instance=page)
    assert page.slug == READABLE
    second = ContentPage(title=TITLE, body="<p>y</p>")
    province["sotttt"].home_page.add_child(instance=second)
    assert second.slug == f"{READABLE}-2"


def test_a_title_in_a_legacy_encoding_gets_the_slug_of_its_unicode_text(province):
    # "Thủ tục hành chính" as an importer may read it from a VNI-encoded file.
    page = ContentPage(title="Thuû tuïc haønh chính", body="")
    province["sotttt"].home_page.add_child(instance=page)
    assert page.title == "Thủ tục hành chính"
    assert page.slug == "thu-tuc-hanh-chinh"


def test_it_replaces_the_lossy_slug_wagtail_made_of_the_title(province):
    page = ContentPage(title=TITLE, slug=LOSSY, body="")
    province["sotttt"].home_page.add_child(instance=page)
    assert page.slug == READABLE


def test_it_keeps_a_slug_the_board_chose(province):
    page = ContentPage(title=TITLE, slug="tap-huan-2026", body="")
    province["sotttt"].home_page.add_child(instance=page)
    page.save()
    assert page.slug == "tap-huan-2026"


def test_it_never_changes_the_address_of_a_published_page(province, board):
    page = ContentPage(title="Tin nhanh", slug=LOSSY, body="")
    province["sotttt"].home_page.add_child(instance=page)
    page.save_revision(user=board["sotttt"]["editor"]).publish(skip_permission_checks=True)
    page.refresh_from_db()
    # Renamed so that its slug is now the lossy form of its title: readers and
    # other sites already link to the address, which stays.
    page.title = TITLE
    page.save()
    page.refresh_from_db()
    assert page.slug == LOSSY


def test_a_page_saved_from_the_admin_with_the_lossy_slug_gets_a_readable_one(
    province, board, client
):
    home = province["sotttt"].home_page
    client.force_login(board["sotttt"]["contributor"])
    url = reverse("wagtailadmin_pages:add", args=["eportal_core", "contentpage", home.pk])
    response = client.post(url, {"title": TITLE, "slug": LOSSY, "summary": ""})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert ContentPage.objects.get(title=TITLE).slug == READABLE


def test_the_editor_slug_field_folds_accents_as_vntext_does(province, board, client):
    home = province["sotttt"].home_page
    client.force_login(board["sotttt"]["contributor"])
    url = reverse("wagtailadmin_pages:add", args=["eportal_core", "contentpage", home.pk])
    html = client.get(url).content.decode()
    tag = re.search(r"<input[^>]*id=\"id_slug\"[^>]*>", html).group(0)
    assert 'data-controller="w-slug"' in tag
    raw = re.search(r"data-w-slug-formatters-value=\"([^\"]*)\"", tag).group(1)
    formatters = json.loads(unescape(raw))
    # Apply them as the browser does (JavaScript and Python regexes agree on
    # these character classes), then Wagtail's own clean-up of the field.
    text = TITLE
    for (pattern, _flags), replacement in formatters:
        text = re.sub(pattern, replacement, text)
    slug = re.sub(r"[-\s]+", "-", re.sub(r"[^-\w\s]", "", text.lower())).strip("-")
    assert slug == READABLE
