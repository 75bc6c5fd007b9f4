"""Procedure pages carry every Art. 14 component and obey the level rules."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from eportal.procedures.models import DossierComponent
from tests.online_services import PDF, make_procedure


def test_it_requires_level_2_for_a_procedure_with_forms(province):
    page = make_procedure(province["sotttt"], online_level="", service_level=1, submit_online=False)
    document = get_document_model()(title="Mẫu đơn")
    document.file.save("mau.pdf", ContentFile(PDF), save=False)
    document.save()
    page.components = [DossierComponent(name="Đơn", form=document)]
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "mức độ 2" in str(error.value)
    page.service_level = 2
    page.full_clean()


def test_it_matches_online_levels_with_the_older_levels(province):
    page = make_procedure(province["sotttt"], online_level="toan-trinh", service_level=4)
    page.service_level = 3
    with pytest.raises(ValidationError, match="toàn trình"):
        page.full_clean()


def test_it_shows_every_component_and_a_pdf(procedure, client):
    host = {"HTTP_HOST": procedure.get_site().hostname}
    body = client.get(procedure.url, **host).content.decode()
    for text in (
        "1.000001",
        "Bưu chính",
        "Trình tự thực hiện",
        "Đơn đề nghị",
        "5 ngày làm việc",
        "Phí, lệ phí",
        "Tổ chức, cá nhân",
        "Giấy phép",
        "Căn cứ pháp lý",
        "47/2011/NĐ-CP",
        "Dịch vụ công trực tuyến toàn trình",
        "Mức độ 4",
        "Nộp hồ sơ trực tuyến",
    ):
        assert text in body, text
    pdf = client.get(procedure.url + "ban-in/pdf/", **host)
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_it_links_a_legal_basis_when_the_legal_document_exists(procedure, client, monkeypatch):
    import sys
    import types

    class Found:
        def get_url(self, request=None):
            return "/van-ban/nghi-dinh-47-2011/"

    module = types.ModuleType("eportal.legal.lookup")
    module.find_by_number = lambda number: Found() if number.startswith("47/2011") else None
    monkeypatch.setitem(sys.modules, "eportal.legal.lookup", module)
    body = client.get(procedure.url, HTTP_HOST=procedure.get_site().hostname).content.decode()
    assert 'href="/van-ban/nghi-dinh-47-2011/"' in body
