"""Anonymous pages may be kept by the shared cache in front; nothing personal
ever is (forms with a CSRF token, signed-in users, the admin, query strings)."""

import pytest

from tests.news.helpers import publish

SHARED = "public, max-age=0, s-maxage=60"


@pytest.fixture
def host(province):
    return province["sotttt"].site.hostname


def test_it_lets_the_shared_cache_keep_an_anonymous_page(client, province, host):
    publish(province["sotttt"], "Tin công khai")

    for path in ("/", "/tin-tuc/", "/tin-tuc/su-kien/tin-cong-khai/", "/feeds/tin-tuc/rss/"):
        response = client.get(path, HTTP_HOST=host)
        assert response.status_code == 200, path
        assert response["Cache-Control"] == SHARED, path
        assert not response.cookies, path


def test_it_keeps_pages_with_a_query_string_out_of_the_shared_cache(client, host):
    response = client.get("/tin-tuc/?page=2", HTTP_HOST=host)

    assert response["Cache-Control"] == "no-cache"


def test_it_never_shares_a_form_with_a_csrf_token(client, host):
    response = client.get("/hoi-dap/gui-cau-hoi/", HTTP_HOST=host)

    assert response.status_code == 200
    assert "csrftoken" in response.cookies
    assert response["Cache-Control"] == "private, no-store"


def test_it_never_shares_a_page_seen_by_a_signed_in_user(client, board, host):
    client.force_login(board["sotttt"]["editor"])

    response = client.get("/tin-tuc/", HTTP_HOST=host)

    assert response["Cache-Control"] == "private, no-store"


def test_it_never_shares_the_admin(client, host):
    response = client.get("/admin/login/", HTTP_HOST=host)

    assert response["Cache-Control"] == "private, no-store"


def test_it_does_not_share_views_a_purge_cannot_name(client, host):
    response = client.get("/api/v1/openapi.json", HTTP_HOST=host)

    assert response["Cache-Control"] == "no-cache"
