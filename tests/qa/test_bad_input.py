"""Bad input gets field-named Vietnamese messages on the page, never a 500."""

from django.core.files.uploadedfile import SimpleUploadedFile

from eportal.qa.models import Question
from tests import sample_files
from tests.qa.test_submit_form import FORM, form_data

PDF = sample_files.PDF


def post(client, **overrides):
    return client.post(FORM, form_data(client, **overrides))


def test_an_empty_body_is_refused_by_name(client, qa):
    response = post(client, body="   ")
    assert response.status_code == 200
    assert "Nội dung câu hỏi: Vui lòng nhập trường này." in response.content.decode()
    assert not Question.objects.exists()


def test_a_20000_character_body_is_refused_by_name(client, qa):
    response = post(client, body="a" * 20_000)
    html = response.content.decode()
    assert "Nội dung câu hỏi: Nội dung câu hỏi dài tối đa 10000 ký tự (hiện có 20000)." in html
    assert not Question.objects.exists()


def test_a_bad_email_is_refused_by_name(client, qa):
    response = post(client, email="khong-phai-email")
    assert "Thư điện tử: Địa chỉ thư điện tử không hợp lệ." in response.content.decode()


def test_a_30_mb_attachment_is_refused(client, qa):
    big = SimpleUploadedFile(
        "ho-so.pdf", PDF + b"0" * (30 * 1024 * 1024), content_type="application/pdf"
    )
    response = post(client, attachments=big)
    html = response.content.decode()
    assert response.status_code == 200
    assert "vượt giới hạn 10,0" in html or "vượt giới hạn 10.0" in html
    assert not Question.objects.exists()


def test_an_exe_renamed_pdf_is_refused(client, qa):
    exe = SimpleUploadedFile(
        "don.pdf", b"MZ\x90\x00" + b"\x00" * 4000, content_type="application/pdf"
    )
    response = post(client, attachments=exe)
    assert "không phải loại được chấp nhận" in response.content.decode()
    assert not Question.objects.exists()


def test_a_pdf_attachment_is_stored_outside_the_public_media(client, qa, settings):
    pdf = SimpleUploadedFile("giay-to.pdf", PDF, content_type="application/pdf")
    post(client, attachments=pdf)

    attachment = Question.objects.get().attachments.get()
    assert attachment.kind == "pdf" and attachment.original_name == "giay-to.pdf"
    assert attachment.file.path.startswith(str(settings.EPORTAL_QA_ATTACHMENT_ROOT))
    assert not attachment.file.path.startswith(str(settings.MEDIA_ROOT) + "/giay")


def test_html_and_script_are_stored_as_text_and_shown_escaped(client, qa):
    script = '<script>alert("x")</script><b>đậm</b>'
    response = client.post(FORM, form_data(client, title=script, name=script), follow=True)

    question = Question.objects.get()
    assert question.title == script
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert" in html


def test_a_filled_honeypot_is_refused(client, qa):
    response = post(client, website="http://spam.example")
    assert "Trang web" in response.content.decode()
    assert not Question.objects.exists()


def test_an_unknown_topic_is_refused_by_name(client, qa):
    response = post(client, topic=qa["topics"]["quynhphu"].pk)
    assert "Lĩnh vực: Lĩnh vực không có trong danh sách của cổng này." in response.content.decode()
