"""Uploads are judged by their bytes, not by their names."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from eportal.core.uploads import DOCUMENTS, IMAGES, check_upload

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489")
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64


def docx_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def upload(name, data):
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


@pytest.mark.parametrize(
    "name,data,kind",
    [("don.pdf", PDF, "pdf"), ("anh.png", PNG, "png"), ("to-khai.docx", docx_bytes(), "docx")],
)
def test_it_accepts_allowed_files_by_their_content(name, data, kind):
    assert check_upload(upload(name, data), allowed=DOCUMENTS + IMAGES, max_bytes=10_000) == kind


def test_it_refuses_an_exe_renamed_pdf():
    with pytest.raises(ValidationError) as error:
        check_upload(upload("don.pdf", EXE), allowed=DOCUMENTS, max_bytes=10_000)
    assert error.value.code == "bad_type"
    assert "không phải loại được chấp nhận" in error.value.messages[0]


def test_it_refuses_a_name_that_lies_about_an_allowed_type():
    with pytest.raises(ValidationError) as error:
        check_upload(upload("anh.pdf", PNG), allowed=DOCUMENTS + IMAGES, max_bytes=10_000)
    assert error.value.code == "mismatch"


def test_it_refuses_oversized_and_empty_files():
    with pytest.raises(ValidationError) as error:
        check_upload(upload("lon.pdf", PDF + b"0" * 2000), allowed=DOCUMENTS, max_bytes=1000)
    assert error.value.code == "too_large"
    with pytest.raises(ValidationError) as error:
        check_upload(upload("rong.pdf", b""), allowed=DOCUMENTS, max_bytes=1000)
    assert error.value.code == "empty"


def test_it_refuses_a_broken_zip_posing_as_docx():
    with pytest.raises(ValidationError):
        check_upload(upload("hong.docx", b"PK\x03\x04garbage"), allowed=DOCUMENTS, max_bytes=10_000)
