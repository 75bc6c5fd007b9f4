"""Only the dossier's owner and its agency's staff see it and its files;
another citizen, another agency's staff and visitors get 404."""

import pytest


@pytest.fixture
def urls(submitted):
    item = submitted.files.first()
    code = submitted.code
    return [
        f"/dich-vu-cong/ho-so/{code}/",
        f"/dich-vu-cong/ho-so/{code}/mau-01.pdf",
        f"/dich-vu-cong/ho-so/{code}/tep/{item.pk}/",
        f"/api/v1/dossiers/{code}",
    ]


def test_it_shows_the_dossier_and_its_files_to_the_owner(client, citizen, urls):
    client.force_login(citizen)
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
    download = client.get(urls[2])
    assert download["X-Content-Type-Options"] == "nosniff"
    assert "attachment" in download["Content-Disposition"]


def test_it_shows_the_dossier_to_the_agencys_staff(client, board, urls):
    client.force_login(board["sotttt"]["one_stop_officer"])
    for url in urls[:3]:
        assert client.get(url).status_code == 200, url


def test_it_hides_the_dossier_from_another_citizen(client, other_citizen, urls):
    client.force_login(other_citizen)
    for url in urls:
        assert client.get(url).status_code == 404, url


def test_it_hides_the_dossier_from_another_agencys_staff(client, board, urls, submitted):
    client.force_login(board["quynhphu"]["one_stop_officer"])
    for url in urls:
        assert client.get(url).status_code == 404, url
    assert client.get(f"/admin/ho-so-dich-vu-cong/{submitted.code}/").status_code == 404
    listing = client.get("/admin/ho-so-dich-vu-cong/").content.decode()
    assert submitted.code not in listing


def test_it_hides_the_dossier_from_visitors(client, urls):
    for url in urls[:3]:
        assert client.get(url).status_code == 404, url
    assert client.get(urls[3]).status_code == 401
