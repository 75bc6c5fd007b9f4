"""Documents as the e-office systems send them: DOCX and text PDFs are read and
attached for download; a scanned PDF is refused and nothing is made."""

import io
import zipfile
from xml.sax.saxutils import escape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from eportal.legal import importers
from eportal.legal.models import LegalDocumentPage
from tests.legal.conftest import text

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _p(line):
    return f"<w:p><w:r><w:t xml:space='preserve'>{escape(line)}</w:t></w:r></w:p>"


def docx(heading_left, heading_right, body_lines):
    """A DOCX laid out as an e-office system writes one: the heading is a table."""
    cells = "".join(
        "<w:tr>"
        + "".join(f"<w:tc>{''.join(_p(x) for x in cell)}</w:tc>" for cell in (left, right))
        + "</w:tr>"
        for left, right in zip(heading_left, heading_right, strict=True)
    )
    xml = (
        f"<?xml version='1.0' encoding='UTF-8'?><w:document xmlns:w='{W}'><w:body>"
        f"<w:tbl>{cells}</w:tbl>{''.join(_p(line) for line in body_lines)}</w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", xml)
    return buffer.getvalue()


BODY = [
    "QUYẾT ĐỊNH",
    "VỀ VIỆC BÃI BỎ QUYẾT ĐỊNH SỐ 12/2009/QĐ-UBND CỦA ỦY BAN NHÂN DÂN TỈNH",
    "ỦY BAN NHÂN DÂN TỈNH THÁI BÌNH",
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
    "QUYẾT ĐỊNH:",
    "Điều 1. Bãi bỏ Quyết định số 12/2009/QĐ-UBND ngày 15/7/2009 của Ủy ban nhân dân tỉnh.",
    "Điều 2. Quyết định này có hiệu lực kể từ ngày 01 tháng 3 năm 2025.",
    "TM. ỦY BAN NHÂN DÂN",
    "CHỦ TỊCH",
    "Nguyễn Khắc Thận",
]


def decision_docx(signed=True):
    return docx(
        [["ỦY BAN NHÂN DÂN", "TỈNH THÁI BÌNH"], ["Số: 08/2025/QĐ-UBND"]],
        [
            ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
            ["Thái Bình, ngày 20 tháng 02 năm 2025"],
        ],
        BODY if signed else BODY[:-3],
    )


def pdf(html):
    from weasyprint import HTML

    return HTML(string=html).write_pdf()


def test_it_reads_a_docx_with_its_heading_table_and_attaches_the_file():
    (row,) = importers.read_bytes("qd-08-2025.docx", decision_docx())
    doc = row.parsed
    assert row.errors == []
    assert (doc.number, doc.form, doc.issuer) == (
        "08/2025/QĐ-UBND",
        "quyet-dinh",
        "Ủy ban nhân dân tỉnh Thái Bình",
    )
    assert (doc.place, f"{doc.issued:%d/%m/%Y}", f"{doc.effective:%d/%m/%Y}") == (
        "Thái Bình",
        "20/02/2025",
        "01/03/2025",
    )
    assert doc.signer == "Nguyễn Khắc Thận"
    assert [r.number for r in doc.repeals] == ["12/2009/QĐ-UBND"]
    assert [a.name for a in row.attachments] == ["qd-08-2025.docx"]


def test_it_reads_a_text_pdf():
    content = pdf(
        f"<pre style='font-family: DejaVu Sans'>{escape(text('05-2014-qd-ubnd.txt'))}</pre>"
    )
    (row,) = importers.read_bytes("05-2014.pdf", content)
    assert row.errors == []
    assert (row.parsed.number, row.parsed.issuer) == (
        "05/2014/QĐ-UBND",
        "Ủy ban nhân dân tỉnh Thái Bình",
    )
    assert row.attachments[0].content == content


@pytest.mark.django_db
def test_a_scanned_pdf_is_refused_with_what_to_do_and_nothing_is_made(province):
    scan = pdf("<body><div style='width:15cm;height:20cm;background:#777'></div></body>")
    rows = importers.read_bytes("ban-quet.pdf", scan)
    assert "OCR" in rows[0].errors[0] and rows[0].parsed is None
    report = importers.import_rows(rows, portal=province["main"], publish=True)
    assert report.imported == [] and "OCR" in report.failures[0].message
    assert not LegalDocumentPage.objects.exists()


@pytest.mark.django_db
def test_the_admin_previews_a_docx_marks_unsure_fields_and_attaches_it(client, province, superuser):
    client.force_login(superuser)
    # The copy sent has no signature block: the signer is marked for checking.
    upload = SimpleUploadedFile("qd-08-2025.docx", decision_docx(signed=False))
    preview = client.post("/admin/legal/import/", {"portal": province["main"].pk, "file": upload})
    html = preview.content.decode()
    assert preview.status_code == 200
    assert "08/2025/QĐ-UBND" in html and "qd-08-2025.docx" in html
    assert "12/2009/QĐ-UBND" in html  # the repeal, read from Điều 1
    assert 'class="legal-unsure"' in html and "cần kiểm tra" in html
    digest = preview.context["upload_digest"]
    response = client.post(
        "/admin/legal/import/",
        {
            "step": "confirm",
            "portal": province["main"].pk,
            "file_name": "qd-08-2025.docx",
            "upload_digest": digest,
        },
    )
    assert response.status_code == 302
    page = LegalDocumentPage.objects.get()
    assert page.live and page.number == "08/2025/QĐ-UBND"
    (attached,) = [f.document.filename for f in page.files.all()]
    assert attached.startswith("qd-08-2025") and attached.endswith(".docx")


@pytest.mark.django_db
def test_a_repealed_document_expires_when_the_repealing_one_takes_effect(import_text, province):
    from datetime import date, datetime

    from django.utils import timezone

    from eportal.core import clock
    from eportal.legal.models import RelationKind, Status
    from eportal.legal.services import apply_effects

    old = import_text("12-2009-qd-ubnd.txt")
    (row,) = importers.read_bytes("qd-08-2025.docx", decision_docx())
    with clock.frozen_at(timezone.make_aware(datetime(2025, 2, 25, 9))):
        report = importers.import_rows([row], portal=province["main"], publish=True)
    new = report.imported[0].page
    relation = new.relations.get(kind=RelationKind.REPEALS)
    assert relation.target == old
    apply_effects(today=date(2025, 2, 28))
    old.refresh_from_db()
    assert old.status != Status.EXPIRED  # not before the repealing decision takes effect
    apply_effects(today=date(2025, 3, 1))
    old.refresh_from_db()
    assert (old.status, old.status_changed_on, old.expired_by) == (
        Status.EXPIRED,
        date(2025, 3, 1),
        new,
    )
