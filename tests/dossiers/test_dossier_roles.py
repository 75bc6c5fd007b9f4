"""Least privilege (issue 16): a dossier, the citizen's personal data in it and
its files are for the agency's one-stop-shop officers and the superuser only —
not its contributors, editors, approvers or technical administrators, and not
another agency's officer."""

import pytest

from eportal.portals.models import Role


@pytest.fixture
def staff_urls(submitted):
    item = submitted.files.first()
    code = submitted.code
    return [
        "/admin/ho-so-dich-vu-cong/",
        f"/admin/ho-so-dich-vu-cong/{code}/",
        f"/dich-vu-cong/ho-so/{code}/",
        f"/dich-vu-cong/ho-so/{code}/mau-01.pdf",
        f"/dich-vu-cong/ho-so/{code}/tep/{item.pk}/",
        f"/api/v1/dossiers/{code}",
    ]


def test_only_the_agencys_officer_opens_the_dossier(client, board, submitted, staff_urls):
    client.force_login(board["sotttt"][Role.ONE_STOP_OFFICER])
    for url in staff_urls:
        assert client.get(url).status_code == 200, url
    listing = client.get(staff_urls[0]).content.decode()
    assert submitted.code in listing


@pytest.mark.parametrize("role", [Role.CONTRIBUTOR, Role.EDITOR, Role.APPROVER, Role.ADMINISTRATOR])
def test_the_rest_of_the_board_never_sees_the_dossier(client, board, submitted, staff_urls, role):
    client.force_login(board["sotttt"][role])
    for url in staff_urls:
        response = client.get(url)
        # Wagtail turns a refusal in the admin into a redirect to the dashboard.
        assert response.status_code in (302, 403, 404), (url, response.status_code)
        assert submitted.applicant_name not in response.content.decode(), url
    menu = client.get("/admin/").content.decode()
    assert "/admin/ho-so-dich-vu-cong/" not in menu


def test_another_agencys_officer_never_sees_the_dossier(client, board, submitted, staff_urls):
    client.force_login(board["quynhphu"][Role.ONE_STOP_OFFICER])
    for url in staff_urls[1:]:
        assert client.get(url).status_code == 404, url
    assert submitted.code not in client.get(staff_urls[0]).content.decode()


def test_the_superuser_sees_every_dossier(client, superuser, submitted, staff_urls):
    client.force_login(superuser)
    for url in staff_urls:
        assert client.get(url).status_code == 200, url


def test_the_officer_sees_the_dossier_menu(client, board):
    client.force_login(board["sotttt"][Role.ONE_STOP_OFFICER])
    assert "/admin/ho-so-dich-vu-cong/" in client.get("/admin/").content.decode()
