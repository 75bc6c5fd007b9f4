from eportal.consultations import services
from eportal.consultations.models import Comment


def test_after_closing_the_form_is_replaced_by_a_message(consultation, client, superuser):
    services.close(consultation, by=superuser)
    html = client.get(f"/p/sotttt/gop-y/{consultation.slug}/").content.decode()
    assert "Đã hết thời gian lấy ý kiến" in html
    assert 'name="body"' not in html


def test_a_post_after_closing_is_refused_with_the_message(consultation, client, superuser):
    url = f"/p/sotttt/gop-y/{consultation.slug}/gui-y-kien/"
    html = client.get(url + "?dieu=dieu-1").content.decode()
    token = html.split('name="form_token" value="')[1].split('"')[0]
    services.close(consultation, by=superuser)
    response = client.post(
        url,
        {"form_token": token, "name": "An", "email": "an@example.com", "body": "Muộn"},
    )
    assert response.status_code == 409
    assert "Đã hết thời gian lấy ý kiến" in response.content.decode()
    assert Comment.objects.count() == 0


def test_an_upcoming_draft_takes_no_comments(make_consultation, client):
    page = make_consultation(slug="sap-mo", opens=2, closes=9)
    html = client.get(f"/p/sotttt/gop-y/{page.slug}/").content.decode()
    assert "chưa đến thời gian lấy ý kiến" in html
    response = client.post(
        f"/p/sotttt/gop-y/{page.slug}/gui-y-kien/",
        {"name": "An", "email": "an@example.com", "body": "Sớm"},
    )
    assert response.status_code == 409
