"""The online form leads to a review page: the citizen checks the answers and
files, may go back and correct them, and sends the dossier with the
declaration; nothing is a dossier until then."""

import re

from eportal.dossiers.models import Dossier, DossierDraft, DossierDraftFile, DossierFile
from tests.online_services import form_data, pdf_file


def _host(procedure):
    return {"HTTP_HOST": procedure.get_site().hostname}


def _review(client, procedure, **overrides):
    data = form_data(buoc="xem-lai", cam_doan=None, submission_key="a" * 32, **overrides)
    return client.post(procedure.url + "nop-ho-so/", data, **_host(procedure))


def test_it_shows_what_will_be_sent_before_sending(procedure, citizen, client, private_root):
    client.force_login(citizen)
    response = _review(client, procedure)

    assert response.status_code == 302
    assert response["Location"].endswith("/nop-ho-so/xem-lai/" + "a" * 32 + "/")
    assert Dossier.objects.count() == 0  # not sent yet
    draft = DossierDraft.objects.get()
    page = client.get(response["Location"], **_host(procedure)).content.decode()
    assert "Đề nghị cấp giấy phép" in page and "034090001234" in page
    assert "don.pdf" in page and "cccd.png" in page
    for item in draft.files.all():
        assert item.file.path.startswith(str(private_root))

    sent = client.post(response["Location"], {"cam_doan": "1"}, **_host(procedure))

    dossier = Dossier.objects.get()
    assert sent["Location"].endswith(f"/dich-vu-cong/ho-so/{dossier.code}/")
    assert sorted(DossierFile.objects.values_list("original_name", flat=True)) == [
        "cccd.png",
        "don.pdf",
    ]
    assert DossierFile.objects.get(original_name="don.pdf").file.read().startswith(b"%PDF")
    assert not DossierDraft.objects.exists() and not DossierDraftFile.objects.exists()
    # A second click on "Gửi hồ sơ" leads to the same dossier.
    again = client.post(response["Location"], {"cam_doan": "1"}, **_host(procedure))
    assert again["Location"] == sent["Location"] and Dossier.objects.count() == 1


def test_it_requires_the_declaration_on_the_review_page(procedure, citizen, client):
    client.force_login(citizen)
    review_url = _review(client, procedure)["Location"]

    response = client.post(review_url, {}, **_host(procedure))

    assert response.status_code == 400
    assert "cam đoan" in response.content.decode()
    assert Dossier.objects.count() == 0 and DossierDraft.objects.count() == 1


def test_going_back_keeps_the_files_and_replaces_only_new_ones(procedure, citizen, client):
    client.force_login(citizen)
    review_url = _review(client, procedure)["Location"]
    edit = client.get(procedure.url + "nop-ho-so/?sua=" + "a" * 32, **_host(procedure))
    html = edit.content.decode()
    assert 'value="Đề nghị cấp giấy phép"' in html and 'value="1990-05-01"' in html
    assert "don.pdf" in html  # listed as kept

    corrected = _review(
        client,
        procedure,
        field_0="Đề nghị cấp lại giấy phép",
        component_0=pdf_file("don-moi.pdf"),
        component_1=None,  # kept from the draft
    )
    assert corrected["Location"] == review_url
    draft = DossierDraft.objects.get()
    assert ["Nội dung đề nghị", "Đề nghị cấp lại giấy phép"] in draft.answers
    assert sorted(draft.files.values_list("original_name", flat=True)) == [
        "cccd.png",
        "don-moi.pdf",
    ]


def test_a_bad_file_is_refused_before_the_review(procedure, citizen, client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(citizen)
    fake = SimpleUploadedFile("don.pdf", b"MZ\x90\x00 executable", "application/pdf")
    response = _review(client, procedure, component_0=fake)
    assert response.status_code == 200
    assert "không phải loại được chấp nhận" in response.content.decode()
    assert not DossierDraft.objects.exists() and not DossierDraftFile.objects.exists()


def test_nobody_else_sees_a_draft(procedure, citizen, other_citizen, client):
    client.force_login(citizen)
    review_url = _review(client, procedure)["Location"]
    client.force_login(other_citizen)
    assert client.get(review_url, **_host(procedure)).status_code == 404
    assert client.post(review_url, {"cam_doan": "1"}, **_host(procedure)).status_code == 404
    edit = client.get(procedure.url + "nop-ho-so/?sua=" + "a" * 32, **_host(procedure))
    assert "Đề nghị cấp giấy phép" not in edit.content.decode()
    assert re.search(r'name="submission_key" value="(?!a{32})', edit.content.decode())
    assert Dossier.objects.count() == 0


def test_drafts_older_than_a_day_are_removed(procedure, citizen, client):
    from datetime import timedelta

    from django.utils import timezone

    from eportal.dossiers import services as dossier_services

    client.force_login(citizen)
    _review(client, procedure)
    item = DossierDraftFile.objects.get(original_name="don.pdf")
    path = item.file.path
    DossierDraft.objects.update(created_at=timezone.now() - timedelta(days=2))

    assert dossier_services.purge_drafts() == 1

    assert not DossierDraft.objects.exists()
    import os

    assert not os.path.exists(path)


def test_it_stays_under_the_portal_path(procedure, citizen, client):
    client.force_login(citizen)
    path = "/p/sotttt/thu-tuc/" + procedure.slug + "/"
    response = client.post(
        path + "nop-ho-so/", form_data(buoc="xem-lai", cam_doan=None, submission_key="b" * 32)
    )
    assert response["Location"] == path + "nop-ho-so/xem-lai/" + "b" * 32 + "/"
    page = client.get(response["Location"]).content.decode()
    assert f'href="{path}nop-ho-so/?sua={"b" * 32}"' in page
