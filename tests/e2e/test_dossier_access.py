"""A news contributor of an agency's portal signs in and learns nothing of
the agency's online dossiers; its one-stop-shop officer handles them."""

import pytest

from eportal.dossiers.models import Dossier
from tests.e2e.conftest import sign_in

ID_NUMBER = "034090001234"  # the demo citizen's personal ID number
MENU_LABEL = "Hồ sơ dịch vụ công"


@pytest.fixture
def dossier(demo):
    dossier = (
        Dossier.objects.filter(portal__slug="sokhdt", files__isnull=False)
        .select_related("portal")
        .order_by("pk")
        .first()
    )
    assert ID_NUMBER in str(dossier.answers)
    return dossier


def _urls(port, dossier):
    base = f"http://127.0.0.1:{port}"
    file = dossier.files.order_by("pk").first()
    return (
        f"{base}/admin/ho-so-dich-vu-cong/{dossier.code}/",
        f"{base}/p/{dossier.portal.slug}/dich-vu-cong/ho-so/{dossier.code}/tep/{file.pk}/",
        file,
    )


def test_a_news_contributor_cannot_see_the_agencys_dossiers(desk, port, dossier):
    page = desk
    admin_url, file_url, file = _urls(port, dossier)
    sign_in(page, port, "sokhdt-ctv")
    page.wait_for_load_state("networkidle")
    # The menu is there (its pages entry), without the dossiers.
    page.locator("a[href^='/admin/pages/']").first.wait_for(state="attached")
    assert page.locator("a[href*='/admin/ho-so-dich-vu-cong/']").count() == 0
    assert MENU_LABEL not in page.content()

    # The dossier's page is not found; the list sends back with a refusal.
    response = page.goto(admin_url)
    assert response.status == 404
    assert ID_NUMBER not in page.content()
    assert dossier.applicant_name not in page.content()
    page.goto(f"http://127.0.0.1:{port}/admin/ho-so-dich-vu-cong/")
    assert page.url == f"http://127.0.0.1:{port}/admin/"
    assert "không có quyền" in page.locator(".messages").inner_text().lower()
    assert dossier.code not in page.content()

    download = page.request.get(file_url)
    assert download.status in (403, 404)
    assert download.body() != file.file.open("rb").read()
    assert ID_NUMBER.encode() not in download.body()


def test_the_agencys_one_stop_officer_handles_the_dossier(desk, port, dossier):
    page = desk
    admin_url, file_url, file = _urls(port, dossier)
    sign_in(page, port, "sokhdt-motcua")
    page.wait_for_load_state("networkidle")
    assert page.locator("a[href*='/admin/ho-so-dich-vu-cong/']").count() >= 1

    response = page.goto(admin_url)
    assert response.status == 200
    assert ID_NUMBER in page.locator("main").inner_text()

    download = page.request.get(file_url)
    assert download.status == 200
    with file.file.open("rb") as stored:
        assert download.body() == stored.read()
