from eportal.consultations.models import Comment


def _send(client, url, n):
    html = client.get(url).content.decode()
    token = html.split('name="form_token" value="')[1].split('"')[0]
    return client.post(
        url,
        {
            "form_token": token,
            "name": "An",
            "email": f"an{n}@example.com",
            "body": f"Ý kiến {n}",
        },
    ), html


def test_the_form_asks_a_question_then_refuses_with_429(consultation, client, settings):
    settings.EPORTAL_ABUSE = {"IP_LIMIT": 4, "EMAIL_LIMIT": 10, "CHALLENGE_AT": 0.5}
    url = f"/p/sotttt/gop-y/{consultation.slug}/gui-y-kien/"
    for n in range(2):
        assert _send(client, url, n)[0].status_code == 302
    response, html = _send(client, url, 2)
    assert "Câu hỏi kiểm tra" in html
    assert response.status_code == 400  # no answer given
    _send(client, url, 3)
    response, _html = _send(client, url, 4)
    assert response.status_code == 429
    assert "quá nhiều lần" in response.content.decode()
    assert Comment.objects.count() == 2
