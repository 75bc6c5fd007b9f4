"""Page text, rich text and the revisions that editors save are stored as Unicode."""

import pytest
from wagtail.models import Page

from eportal.core.models import ContentPage


@pytest.mark.django_db
def test_it_stores_a_vni_page_title_and_its_revision_as_unicode():
    root = Page.get_first_root_node()
    page = root.add_child(instance=Page(title="Thuû tuïc haønh chính", slug="thu-tuc-hanh-chinh"))

    page.title = "Thuû tuïc haønh chính môùi"
    revision = page.save_revision()

    page.refresh_from_db()
    assert page.title == "Thủ tục hành chính"
    assert page.slug == "thu-tuc-hanh-chinh"
    assert revision.content["title"] == "Thủ tục hành chính mới"
    assert revision.as_object().title == "Thủ tục hành chính mới"


@pytest.mark.django_db
def test_it_converts_the_text_of_rich_text_and_leaves_its_markup():
    root = Page.get_first_root_node()
    body = (
        '<p>Së <b>Th«ng tin</b> vµ <a href="https://sotttt.thaibinh.gov.vn/">TruyÒn th«ng</a></p>'
    )

    page = root.add_child(instance=ContentPage(title="Giíi thiÖu", slug="gioi-thieu", body=body))

    page.refresh_from_db()
    assert page.title == "Giới thiệu"
    assert (
        page.body
        == '<p>Sở <b>Thông tin</b> và <a href="https://sotttt.thaibinh.gov.vn/">Truyền thông</a></p>'
    )
