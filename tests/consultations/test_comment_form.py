from eportal.consultations import services
from eportal.consultations.models import Comment


def _form(client, url):
    html = client.get(url).content.decode()
    token = html.split('name="form_token" value="')[1].split('"')[0]
    return token


def _post(client, consultation, token, **fields):
    data = {
        "form_token": token,
        "website": "",
        "article": "dieu-2",
        "name": "Nguyễn Văn An",
        "email": "an@example.com",
        "organization": "",
        "body": "Đề nghị bổ sung hộ kinh doanh vào khoản 2.",
    } | fields
    return client.post(f"/p/sotttt/gop-y/{consultation.slug}/gui-y-kien/", data)


def test_a_citizen_comments_on_an_article_and_sees_it_after_approval(
    consultation, client, superuser
):
    token = _form(client, f"/p/sotttt/gop-y/{consultation.slug}/gui-y-kien/?dieu=dieu-2")
    response = _post(client, consultation, token)
    assert response.status_code == 302
    assert response["Location"].endswith("/gui-y-kien/da-nhan/")
    comment = Comment.objects.get()
    assert comment.status == "pending"
    assert comment.article_label == "Điều 2. Đối tượng áp dụng"

    page_url = f"/p/sotttt/gop-y/{consultation.slug}/"
    assert "Đề nghị bổ sung hộ kinh doanh" not in client.get(page_url).content.decode()
    services.approve(comment, by=superuser)
    html = client.get(page_url).content.decode()
    article = html[html.index('id="dieu-2"') : html.index('id="dieu-3"')]
    assert "Đề nghị bổ sung hộ kinh doanh" in article
    assert "1 ý kiến về điều này" in article


def test_a_double_submit_stores_one_comment(consultation, client):
    token = _form(client, f"/p/sotttt/gop-y/{consultation.slug}/")
    first = _post(client, consultation, token)
    second = _post(client, consultation, token)
    assert second.status_code == 302 and second["Location"] == first["Location"]
    assert Comment.objects.count() == 1


def test_bad_input_gives_vietnamese_messages(consultation, client):
    token = _form(client, f"/p/sotttt/gop-y/{consultation.slug}/")
    response = _post(client, consultation, token, email="khong-phai-email", body="")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Nhập địa chỉ email hợp lệ" in html or "thư điện tử" in html
    assert Comment.objects.count() == 0


def test_html_is_stored_as_text_and_shown_escaped(consultation, client, superuser):
    token = _form(client, f"/p/sotttt/gop-y/{consultation.slug}/")
    _post(client, consultation, token, body="<script>alert(1)</script> <b>đậm</b>")
    comment = Comment.objects.get()
    assert comment.body == "<script>alert(1)</script> <b>đậm</b>"
    services.approve(comment, by=superuser)
    html = client.get(f"/p/sotttt/gop-y/{consultation.slug}/").content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)" not in html


def test_the_organisation_is_shown_as_such(consultation, client, superuser):
    token = _form(client, f"/p/sotttt/gop-y/{consultation.slug}/")
    _post(client, consultation, token, organization="Hiệp hội Doanh nghiệp tỉnh")
    services.approve(Comment.objects.get(), by=superuser)
    html = client.get(f"/p/sotttt/gop-y/{consultation.slug}/").content.decode()
    assert "<strong>Hiệp hội Doanh nghiệp tỉnh</strong>" in html
    assert "tổ chức" in html


def test_the_honeypot_refuses_bots(consultation, client):
    token = _form(client, f"/p/sotttt/gop-y/{consultation.slug}/")
    response = _post(client, consultation, token, website="http://spam.example")
    assert response.status_code == 400
    assert Comment.objects.count() == 0
