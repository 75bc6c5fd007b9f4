import io

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from eportal.consultations import services
from eportal.core.printing import render_pdf


@pytest.fixture
def closed(consultation, board):
    approver = board["sotttt"]["approver"]
    comments = []
    for n, key in enumerate(["dieu-3", "", "dieu-1", "dieu-1", "dieu-2"]):
        comment, _ = services.submit_comment(
            consultation,
            name=f"Người {n}",
            email=f"n{n}@example.com",
            body=f"Góp ý số {n}" if n != 4 else '=HYPERLINK("http://x")',
            article_key=key,
        )
        comments.append(comment)
    for comment in comments[:4] + [comments[4]]:
        services.approve(comment, by=approver)
    services.hide(comments[2], reason="Trùng lặp", by=approver)
    services.respond(comments[0], response="accepted", explanation="Đã sửa.", by=approver)
    services.close(consultation, by=approver)
    return consultation, comments


def test_the_xlsx_holds_every_approved_comment_once(closed, board, client):
    consultation, comments = closed
    client.force_login(board["sotttt"]["approver"])
    response = client.get(f"/admin/gop-y/{consultation.pk}/tong-hop.xlsx")
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = [r for r in sheet.iter_rows(values_only=True) if isinstance(r[0], int)]
    bodies = [r[3] for r in rows]
    approved = [c for c in comments if c.pk != comments[2].pk]
    for comment in approved:
        expected = comment.body if not comment.body.startswith("=") else "'" + comment.body
        assert bodies.count(expected) == 1
    assert "Góp ý số 2" not in bodies
    assert len(rows) == len(approved)
    # In the order of the draft: the whole draft first, then article by article.
    assert [r[1] for r in rows] == [
        "Toàn bộ dự thảo",
        "Điều 1. Phạm vi điều chỉnh",
        "Điều 2. Đối tượng áp dụng",
        "Điều 3. Hiệu lực thi hành",
    ]
    assert rows[-1][4] == "Tiếp thu" and rows[-1][5] == "Đã sửa."


def test_the_pdf_is_a_pdf(closed, board, client):
    consultation, _ = closed
    client.force_login(board["sotttt"]["approver"])
    response = client.get(f"/admin/gop-y/{consultation.pk}/tong-hop.pdf")
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF-")


def test_no_export_while_open(consultation, board, client):
    client.force_login(board["sotttt"]["editor"])
    assert client.get(f"/admin/gop-y/{consultation.pk}/tong-hop.xlsx").status_code == 403


def test_concluding_publishes_the_synthesis_and_report_on_the_page(closed, board, client):
    consultation, _ = closed
    pdf = render_pdf("<p>Báo cáo giải trình, tiếp thu ý kiến.</p>")
    report = SimpleUploadedFile("bao-cao.pdf", pdf, content_type="application/pdf")
    services.conclude(
        consultation,
        explanation="Đã tiếp thu 1 ý kiến.",
        report=report,
        by=board["sotttt"]["approver"],
    )
    html = client.get(f"/p/sotttt/gop-y/{consultation.slug}/").content.decode()
    assert "Đã tiếp thu 1 ý kiến." in html
    assert "Báo cáo giải trình, tiếp thu" in html
    xlsx = client.get(f"/p/sotttt/gop-y/{consultation.slug}/tong-hop/xlsx/")
    assert xlsx.status_code == 200
    openpyxl.load_workbook(io.BytesIO(xlsx.content))


def test_it_refuses_a_report_that_is_not_a_document(closed, board):
    consultation, _ = closed
    fake = SimpleUploadedFile("bao-cao.pdf", b"MZ\x90\x00not a pdf")
    with pytest.raises(ValidationError):
        services.conclude(
            consultation, explanation="x", report=fake, by=board["sotttt"]["approver"]
        )


def test_the_public_synthesis_is_hidden_until_concluded(closed, client):
    consultation, _ = closed
    assert client.get(f"/p/sotttt/gop-y/{consultation.slug}/tong-hop/xlsx/").status_code == 404
