"""A NUL or another control character in a comment never reaches the database,
whether it comes through the page or the API (tab and line breaks are kept)."""

from eportal.consultations.models import Comment
from tests.consultations.test_api import COMMENT
from tests.consultations.test_api import _post as api_post
from tests.consultations.test_comment_form import _form
from tests.consultations.test_comment_form import _post as form_post

DIRTY = "Đề nghị\x00 bổ sung\x07 khoản 2.\tXem thêm\x1b\r\ndòng sau."


def test_the_comment_page_does_not_store_control_characters(consultation, client):
    token = _form(client, f"/p/sotttt/gop-y/{consultation.slug}/gui-y-kien/?dieu=dieu-2")
    response = form_post(client, consultation, token, body=DIRTY, name="Nguyễn\x00 An")
    assert response.status_code in (200, 302)
    for comment in Comment.objects.all():
        assert "\x00" not in comment.body + comment.name
        assert "\x07" not in comment.body and "\x1b" not in comment.body


def test_the_comment_api_strips_control_characters(consultation, client):
    response = api_post(client, consultation, {**COMMENT, "body": DIRTY, "name": "Trần\x00 Bình"})
    assert response.status_code == 201, response.content
    comment = Comment.objects.get()
    assert comment.body == "Đề nghị bổ sung khoản 2.\tXem thêm\ndòng sau."
    assert comment.name == "Trần Bình"
