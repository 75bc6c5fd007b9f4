"""Attachments are served only to staff who may see the question."""

from django.core.files.uploadedfile import SimpleUploadedFile

from eportal.qa import services
from tests import sample_files

PDF = sample_files.PDF


def test_only_the_board_downloads_an_attachment(client, qa, board):
    upload = SimpleUploadedFile("to-khai.pdf", PDF, content_type="application/pdf")
    question, _ = services.submit_question(
        qa["sotttt"],
        name="A",
        email="a@example.org",
        title="Tiêu đề",
        body="Nội dung câu hỏi",
        attachments=[(upload, "pdf")],
    )
    url = f"/admin/hoi-dap/{question.pk}/tep/{question.attachments.get().pk}/"

    assert client.get(url).status_code == 302  # to the sign-in page
    client.force_login(board["quynhphu"]["editor"])
    assert client.get(url).status_code == 404
    client.force_login(board["sotttt"]["editor"])
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert "attachment" in response["Content-Disposition"]
