"""Uploads are judged by their bytes, not by their names."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from eportal.core.uploads import DOCUMENTS, IMAGES, check_upload
from tests import sample_files

PDF = sample_files.pdf_bytes()
PNG = sample_files.png_bytes()
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64


docx_bytes = sample_files.docx_bytes


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
        check_upload(
            upload("lon.pdf", PDF + b"0" * 2000), allowed=DOCUMENTS, max_bytes=len(PDF) + 100
        )
    assert error.value.code == "too_large"
    with pytest.raises(ValidationError) as error:
        check_upload(upload("rong.pdf", b""), allowed=DOCUMENTS, max_bytes=1000)
    assert error.value.code == "empty"


def test_it_refuses_a_broken_zip_posing_as_docx():
    with pytest.raises(ValidationError):
        check_upload(upload("hong.docx", b"PK\x03\x04garbage"), allowed=DOCUMENTS, max_bytes=10_000)


def _refused(name, data, allowed=DOCUMENTS + IMAGES + ("xlsx",)):
    with pytest.raises(ValidationError) as error:
        check_upload(upload(name, data), allowed=allowed, max_bytes=10_000_000)
    return error.value


def test_it_refuses_an_html_page_with_a_pdf_prefix():
    page = b"%PDF-1.7\n<html><body><script>alert(1)</script></body></html>\n"
    error = _refused("don.pdf", page)
    assert error.code == "broken" and "bị hỏng" in error.messages[0]


def test_it_refuses_a_truncated_pdf_and_one_without_pages():
    assert _refused("don.pdf", PDF[: len(PDF) // 2]).code == "broken"
    from pypdf import PdfWriter

    buffer = io.BytesIO()
    PdfWriter().write(buffer)
    assert _refused("trong.pdf", buffer.getvalue()).code == "broken"


def test_it_accepts_a_real_pdf_of_several_pages():
    data = sample_files.pdf_bytes(pages=3)
    assert check_upload(upload("don.pdf", data), allowed=DOCUMENTS, max_bytes=100_000) == "pdf"


def test_it_refuses_a_docx_zip_bomb():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"0" * (60 * 1024 * 1024))
    bomb = buffer.getvalue()
    assert len(bomb) < 200_000  # small on the wire, 60 MB unpacked
    assert _refused("to-khai.docx", bomb).code == "broken"


def test_it_refuses_a_zip_with_too_many_entries_or_a_missing_member():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        for n in range(1001):
            archive.writestr(f"word/media/{n}.xml", "x")
    assert _refused("nhieu.docx", buffer.getvalue()).code == "broken"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/styles.xml", "<w:styles/>")
    assert _refused("thieu.docx", buffer.getvalue()).code == "broken"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/styles.xml", "<styleSheet/>")
    assert _refused("bang.xlsx", buffer.getvalue()).code == "broken"


def test_it_refuses_a_truncated_image_and_a_docx_named_pdf():
    assert _refused("anh.png", PNG[:40]).code == "broken"
    assert _refused("to-khai.pdf", docx_bytes()).code == "mismatch"
