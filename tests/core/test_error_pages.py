"""In development (DEBUG on) a missing page and an error show the portal's own
Vietnamese pages, as citizens see them; a developer asks for Django's debug
pages with EPORTAL_DEBUG_ERROR_PAGES."""

import pytest

from eportal.core.models import ContentPage


@pytest.fixture
def development(settings):
    settings.DEBUG = True
    settings.EPORTAL_DEBUG_ERROR_PAGES = False
    return settings


def test_a_missing_page_shows_the_vietnamese_404_page_with_debug_on(client, province, development):
    response = client.get("/p/sotttt/khong-co-trang-nay/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Không tìm thấy trang" in html
    assert "DEBUG = True" not in html
    # The portal's own page, with its header.
    assert province["sotttt"].name in html


def test_a_developer_can_still_see_the_debug_404_page(client, province, development):
    development.EPORTAL_DEBUG_ERROR_PAGES = True
    response = client.get("/p/sotttt/khong-co-trang-nay/")
    assert response.status_code == 404
    assert "DEBUG = True" in response.content.decode()


def test_an_error_shows_the_vietnamese_500_page_with_debug_on(
    client, province, development, monkeypatch
):
    page = ContentPage(title="Trang lỗi", slug="trang-loi", body="")
    province["sotttt"].home_page.add_child(instance=page)
    page.save_revision().publish(skip_permission_checks=True)

    def fail(self, request, *args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(ContentPage, "serve", fail)
    client.raise_request_exception = False
    response = client.get("/p/sotttt/trang-loi/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Hệ thống đang gặp sự cố" in html
    assert "RuntimeError" not in html

    development.EPORTAL_DEBUG_ERROR_PAGES = True
    response = client.get("/p/sotttt/trang-loi/")
    assert "RuntimeError" in response.content.decode()
