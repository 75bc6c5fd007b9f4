"""A featured image without a description for blind readers cannot be published."""

import pytest
from django.core.exceptions import ValidationError

from tests.news.helpers import article, image


def test_it_refuses_a_featured_image_without_alt_text(province):
    portal = province["sotttt"]
    page = article(portal, "Tin có ảnh", live=False)
    page.featured_image = image(portal)
    with pytest.raises(ValidationError) as error:
        page.save_revision().publish()
    assert "văn bản thay thế" in str(error.value)


def test_it_shows_the_editor_why_in_the_admin(client, province, board):
    portal = province["sotttt"]
    page = article(portal, "Tin có ảnh", live=False)
    page.save_revision()
    picture = image(portal)
    client.force_login(board["sotttt"]["editor"])
    form = client.get(f"/admin/pages/{page.pk}/edit/")
    assert form.status_code == 200
    data = {
        "title": page.title,
        "slug": page.slug,
        "summary": "Tóm tắt.",
        "author_name": "Trần Văn Minh",
        "featured_image": picture.pk,
        "featured_image_alt": "",
        "royalty_kind": "news",
        "body-count": "0",
        "related_documents-TOTAL_FORMS": "0",
        "related_documents-INITIAL_FORMS": "0",
        "related_documents-MIN_NUM_FORMS": "0",
        "related_documents-MAX_NUM_FORMS": "1000",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
    }
    response = client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert "Ảnh đại diện chưa có văn bản thay thế" in response.text


def test_it_accepts_the_image_library_description_as_alt_text(province):
    portal = province["sotttt"]
    page = article(portal, "Tin có ảnh mô tả", live=False)
    page.featured_image = image(portal, description="Lãnh đạo Sở phát biểu khai mạc")
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.live and page.image_alt == "Lãnh đạo Sở phát biểu khai mạc"
