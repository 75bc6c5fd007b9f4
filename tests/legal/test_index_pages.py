"""Every portal gets its /van-ban/ page, in the menu, once."""

import pytest

from eportal.legal import services
from eportal.legal.models import LegalDocumentIndexPage
from tests.conftest import make_portal


@pytest.mark.django_db
def test_each_new_portal_gets_its_legal_documents_page(province, client):
    for portal in province.values():
        index_page = services.index_for(portal)
        assert index_page.live and index_page.show_in_menus and index_page.slug == "van-ban"
    portal = make_portal("Sở Tư pháp", "department")
    assert services.index_for(portal) is not None
    services.ensure_index(portal)
    assert LegalDocumentIndexPage.objects.child_of(portal.site.root_page).count() == 1
    response = client.get(f"/p/{portal.slug}/van-ban/")
    assert response.status_code == 200
    assert "Không có văn bản nào phù hợp" in response.content.decode()
