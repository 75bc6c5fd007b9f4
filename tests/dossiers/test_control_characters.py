"""A NUL or another control character in a dossier never reaches the database:
not through the online form, nor the API, nor the staff's step notes."""

from eportal.dossiers.models import Dossier
from tests.online_services import form_data, pdf_file, png_file

DIRTY = "Đề nghị\x00 cấp\x08 giấy phép\x1b bưu chính\nTrân trọng."
CLEAN = "Đề nghị cấp giấy phép bưu chính\nTrân trọng."


def _answers(dossier):
    return dict(dossier.answers)


def test_the_online_form_strips_control_characters(procedure, citizen, client):
    client.force_login(citizen)
    response = client.post(
        procedure.url + "nop-ho-so/",
        form_data(field_0=DIRTY),
        HTTP_HOST=procedure.get_site().hostname,
    )
    assert response.status_code in (200, 302), response.content[:500]
    dossier = Dossier.objects.get()
    assert _answers(dossier)["Nội dung đề nghị"] == CLEAN


def test_the_dossier_api_strips_control_characters(procedure, citizen, client):
    client.force_login(citizen)
    data = form_data(field_0=DIRTY, component_0=pdf_file("don.pdf"), component_1=png_file())
    data["procedure"] = procedure.code
    response = client.post("/api/v1/dossiers", data, HTTP_HOST=procedure.get_site().hostname)
    assert response.status_code == 201, response.content
    assert _answers(Dossier.objects.get())["Nội dung đề nghị"] == CLEAN
