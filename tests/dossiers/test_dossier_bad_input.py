"""Bad input gives clear Vietnamese messages, never a 500, and saves nothing."""

from django.core.files.uploadedfile import SimpleUploadedFile

from eportal.dossiers.models import Dossier, DossierFile
from tests.online_services import form_data, pdf_file


def _post(client, procedure, data):
    return client.post(procedure.url + "nop-ho-so/", data, HTTP_HOST=procedure.get_site().hostname)


def _nothing_saved():
    return Dossier.objects.count() == 0 and DossierFile.objects.count() == 0


def test_it_refuses_a_file_whose_content_is_not_an_allowed_type(procedure, citizen, client):
    client.force_login(citizen)
    fake = SimpleUploadedFile("don.pdf", b"MZ\x90\x00 this is an executable", "application/pdf")
    response = _post(client, procedure, form_data(component_0=fake))
    assert response.status_code == 200
    assert "không phải loại được chấp nhận" in response.content.decode()
    assert _nothing_saved()


def test_it_refuses_an_oversized_file(procedure, citizen, client, settings):
    settings.EPORTAL_DOSSIER_MAX_BYTES = 20
    client.force_login(citizen)
    response = _post(
        client, procedure, form_data(component_0=pdf_file(content=b"%PDF-1.4\n" + b"x" * 100))
    )
    assert "vượt giới hạn" in response.content.decode()
    assert _nothing_saved()


def test_it_requires_every_required_component(procedure, citizen, client):
    client.force_login(citizen)
    response = _post(client, procedure, form_data(component_1=None))
    assert response.status_code == 200
    assert "Bản sao giấy tờ tùy thân" in response.content.decode()
    assert "bắt buộc" in response.content.decode()
    assert _nothing_saved()


def test_it_refuses_script_in_a_form_field(procedure, citizen, client):
    client.force_login(citizen)
    response = _post(client, procedure, form_data(field_0='<script>alert("x")</script>'))
    body = response.content.decode()
    assert response.status_code == 200
    assert "không được chứa mã HTML" in body
    assert "<script>alert" not in body
    assert _nothing_saved()


def test_it_checks_the_id_number_and_the_date(procedure, citizen, client):
    client.force_login(citizen)
    response = _post(client, procedure, form_data(field_3="12ab", field_1="31/02/2020"))
    body = response.content.decode()
    assert "12 chữ số" in body
    assert _nothing_saved()


def test_it_answers_404_for_a_dossier_code_that_does_not_exist(citizen, client, province):
    client.force_login(citizen)
    assert client.get("/dich-vu-cong/ho-so/KHONG-CO-0001/").status_code == 404
    assert client.get("/dich-vu-cong/ho-so/KHONG-CO-0001/mau-01.pdf").status_code == 404
    assert client.get("/dich-vu-cong/ho-so/KHONG-CO-0001/tep/1/").status_code == 404
