"""Each demo legal document carries its original, a PDF with its number, date,
issuer and signer, to download from its page."""

from urllib.parse import urlsplit

import pytest

from eportal.demo import legal as demo
from eportal.demo.province import DemoReport
from eportal.legal.models import LegalDocumentPage
from tests.sample_files import pdf_text


@pytest.mark.django_db
def test_every_demo_document_has_its_original_to_download(client, province, board, superuser):
    demo.load(DemoReport())
    documents = list(LegalDocumentPage.objects.all())
    assert len(documents) == 7

    for document in documents:
        latest = document.get_latest_revision_as_object()
        files = list(latest.files.all())
        assert [f.label for f in files] == [f"Văn bản gốc {document.number}"], document.number
        with files[0].document.file.open("rb") as stored:
            text = pdf_text(stored.read())
        assert document.number in text
        assert latest.summary.upper()[:30] in text.upper()
        if document.signer:
            assert document.signer in text
        if document.live:
            address = urlsplit(document.get_full_url())
            page = client.get(address.path, HTTP_HOST=address.hostname).text
            assert f'href="{files[0].document.url}" download' in page
            download = client.get(files[0].document.url, HTTP_HOST=address.hostname)
            assert download.status_code == 200
            assert b"".join(download.streaming_content).startswith(b"%PDF-")


def test_the_original_is_laid_out_as_the_issuer_signs_it(province):
    from eportal.demo.legal_originals import original_of
    from eportal.legal.parser import parse_text

    parsed = parse_text((demo.TEXTS / "05-2014-qd-ubnd.txt").read_text(encoding="utf-8"))
    text = pdf_text(original_of(parsed).content)

    assert text.startswith("ỦY BAN NHÂN DÂN TỈNH THÁI BÌNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA")
    assert "Số: 05/2014/QĐ-UBND Thái Bình, ngày 26 tháng 6 năm 2014" in text
    assert "QUYẾT ĐỊNH BAN HÀNH QUY CHẾ QUẢN LÝ" in text
    assert "Điều 25. Tổ chức thực hiện" in text
    assert text.count("Số: 05/2014/QĐ-UBND") == 1  # the heading of the text is not printed twice
    assert "(Đã ký) Phạm Văn Xuyên" in text
