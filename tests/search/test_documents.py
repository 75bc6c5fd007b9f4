"""Documents are found by their title and by the text of their PDF or DOCX
file; documents of a restricted collection are not."""

import io
import zipfile

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import CollectionViewRestriction

from eportal.search import services
from eportal.search.documents import extract_text

DOCX_XML = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body><w:p><w:r><w:t>Biểu mẫu tờ khai </w:t></w:r><w:r><w:t>đăng ký khai sinh</w:t></w:r></w:p>"
    "</w:body></w:document>"
)


def docx_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", DOCX_XML)
    return buffer.getvalue()


def pdf_bytes(text):
    from weasyprint import HTML

    return HTML(string=f"<html><body><p>{text}</p></body></html>").write_pdf()


def test_it_reads_the_text_of_docx_and_pdf_files():
    assert extract_text(io.BytesIO(docx_bytes()), "docx") == "Biểu mẫu tờ khai đăng ký khai sinh"
    assert "Quy chế phối hợp" in extract_text(io.BytesIO(pdf_bytes("Quy chế phối hợp")), "pdf")
    assert extract_text(io.BytesIO(b"not a pdf"), "pdf") == ""


def test_it_finds_a_document_by_the_words_inside_it(client, province):
    Document = get_document_model()
    document = Document(title="Mẫu TK-01", collection=province["sotttt"].collection)
    document.file.save("mau-tk-01.docx", ContentFile(docx_bytes()), save=False)
    document.save()

    page = client.get("/p/sotttt/tim-kiem/", {"q": "to khai dang ky khai sinh"}).text
    assert "Mẫu TK-01" in page
    assert f'href="{document.url}"' in page
    assert "Tài liệu" in page


def test_it_leaves_out_documents_of_a_restricted_collection(client, province):
    collection = province["sotttt"].collection
    CollectionViewRestriction.objects.create(collection=collection, restriction_type="login")
    Document = get_document_model()
    document = Document(title="Tài liệu mật", collection=collection)
    document.file.save("mat.docx", ContentFile(docx_bytes()), save=False)
    document.save()
    services.reindex()

    assert "Tài liệu mật" not in client.get("/tim-kiem/", {"q": "tai lieu mat"}).text
