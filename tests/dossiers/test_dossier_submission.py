"""A signed-in citizen submits a dossier with files online and gets a code and
a receipt; a double submit creates one dossier."""

import re

from django.core import mail

from eportal.dossiers.models import Dossier, DossierFile
from tests.online_services import form_data

CODE_RE = re.compile(r"^000\.00\.10\.H56-\d{6}-\d{4}$|^SOTTTT-\d{6}-\d{4}$")


def _submit_url(procedure):
    return procedure.url + "nop-ho-so/"


def test_it_submits_a_dossier_with_two_files_and_gives_a_receipt(
    procedure, citizen, client, private_root, settings, django_capture_on_commit_callbacks
):
    client.force_login(citizen)
    host = {"HTTP_HOST": procedure.get_site().hostname}
    assert client.get(_submit_url(procedure), **host).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_submit_url(procedure), form_data(submission_key="k1"), **host)
    assert response.status_code == 302
    dossier = Dossier.objects.get()
    assert CODE_RE.match(dossier.code), dossier.code
    assert response["Location"].endswith(f"/dich-vu-cong/ho-so/{dossier.code}/")
    assert dossier.status == "new" and dossier.channel == "online"
    assert ["Nội dung đề nghị", "Đề nghị cấp giấy phép"] in dossier.answers
    files = list(DossierFile.objects.filter(dossier=dossier))
    assert sorted(f.component for f in files) == ["Bản sao giấy tờ tùy thân", "Đơn đề nghị"]
    for item in files:
        # Stored outside MEDIA_ROOT, under the private root.
        assert item.file.path.startswith(str(private_root))
        assert not item.file.path.startswith(str(settings.MEDIA_ROOT))
    page = client.get(response["Location"], **host).content.decode()
    assert dossier.code in page and "Mới" in page
    receipt = client.get(f"/dich-vu-cong/ho-so/{dossier.code}/mau-01.pdf", **host)
    assert receipt.status_code == 200 and receipt["Content-Type"] == "application/pdf"
    assert receipt.content.startswith(b"%PDF")
    assert mail.outbox and dossier.code in mail.outbox[-1].subject


def test_it_does_not_duplicate_a_double_submit(procedure, citizen, client):
    client.force_login(citizen)
    host = {"HTTP_HOST": procedure.get_site().hostname}
    first = client.post(_submit_url(procedure), form_data(submission_key="same"), **host)
    second = client.post(_submit_url(procedure), form_data(submission_key="same"), **host)
    assert Dossier.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_it_gives_consecutive_codes_per_agency_and_day(procedure, citizen, submitted):
    from eportal.dossiers import services as dossier_services
    from tests.online_services import pdf_file, png_file

    second, _ = dossier_services.submit_dossier(
        procedure,
        user=citizen,
        answers=[],
        files={"Đơn đề nghị": [pdf_file()], "Bản sao giấy tờ tùy thân": [png_file()]},
    )
    assert submitted.code.endswith("-0001") and second.code.endswith("-0002")
    assert submitted.code[:-5] == second.code[:-5]


def test_it_sends_visitors_who_are_not_signed_in_to_the_sign_in_page(procedure, client):
    response = client.get(_submit_url(procedure), HTTP_HOST=procedure.get_site().hostname)
    assert response.status_code == 302
    assert "/dich-vu-cong/tai-khoan/dang-nhap/" in response["Location"]
