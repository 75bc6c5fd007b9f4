"""Fixtures of online public services, shared by the tests of procedures,
citizens and dossiers (each app's conftest imports them): a published online
procedure of the department (sotttt), a verified citizen, and small valid files."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from eportal.citizens.models import CitizenProfile
from eportal.procedures.models import (
    DossierComponent,
    FormField,
    OnlineLevel,
    ProcedureIndexPage,
    ProcedurePage,
)
from tests import sample_files
from tests.conftest import PASSWORD

PDF = sample_files.PDF


def pdf_file(name="giay-to.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def png_file(name="anh.png"):
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def make_procedure(
    portal, *, code="1.000001", title="Cấp giấy phép thử nghiệm", publish=True, **fields
):
    index = ProcedureIndexPage.objects.child_of(portal.site.root_page).get()
    defaults = dict(
        title=title,
        code=code,
        sector="Bưu chính",
        agency=portal.agency,
        level="province",
        steps="Nộp hồ sơ\nCơ quan thẩm định\nTrả kết quả",
        submit_in_person=True,
        submit_online=True,
        processing_days=5,
        fees="Không",
        applicant="Tổ chức, cá nhân",
        result="Giấy phép",
        legal_basis="Nghị định số 47/2011/NĐ-CP ngày 17/6/2011 của Chính phủ",
        online_level=OnlineLevel.FULL,
        service_level=4,
    )
    defaults.update(fields)
    from eportal.vntext import slugify

    page = ProcedurePage(slug=slugify(defaults["title"]), **defaults)
    page.components = [
        DossierComponent(name="Đơn đề nghị", originals=1, copies=0, required=True),
        DossierComponent(name="Bản sao giấy tờ tùy thân", originals=0, copies=1, required=True),
        DossierComponent(name="Giấy tờ khác", originals=0, copies=1, required=False),
    ]
    page.form_fields = [
        FormField(label="Nội dung đề nghị", kind=FormField.Kind.TEXT, required=True),
        FormField(label="Ngày sinh", kind=FormField.Kind.DATE, required=True),
        FormField(
            label="Hình thức nhận kết quả",
            kind=FormField.Kind.CHOICE,
            choices="Trực tiếp\nBưu chính",
            required=True,
        ),
        FormField(label="Số CCCD", kind=FormField.Kind.ID_NUMBER, required=True),
    ]
    index.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    return page


def make_citizen(email="dan@example.org", name="Nguyễn Văn Dân"):
    user = get_user_model().objects.create_user(email, email, PASSWORD, first_name=name)
    CitizenProfile.objects.create(
        user=user, full_name=name, email_verified_at="2026-01-01T00:00:00Z"
    )
    return user


@pytest.fixture
def procedure(province):
    return make_procedure(province["sotttt"])


@pytest.fixture
def citizen(db):
    return make_citizen()


@pytest.fixture
def other_citizen(db):
    return make_citizen("khac@example.org", "Trần Thị Khác")


def form_data(**overrides):
    data = {
        "field_0": "Đề nghị cấp giấy phép",
        "field_1": "1990-05-01",
        "field_2": "Trực tiếp",
        "field_3": "034090001234",
        "cam_doan": "1",
        "component_0": pdf_file("don.pdf"),
        "component_1": png_file("cccd.png"),
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


@pytest.fixture
def submitted(procedure, citizen):
    from eportal.dossiers import services as dossier_services

    dossier, _ = dossier_services.submit_dossier(
        procedure,
        user=citizen,
        answers=[("Nội dung đề nghị", "Cấp phép")],
        files={"Đơn đề nghị": [pdf_file()], "Bản sao giấy tờ tùy thân": [png_file()]},
    )
    return dossier


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    settings.EPORTAL_PRIVATE_ROOT = tmp_path / "private"
    return settings.EPORTAL_PRIVATE_ROOT
