from eportal.consultations import services
from eportal.consultations.models import Comment


def _comment(consultation, **fields):
    comment, _ = services.submit_comment(
        consultation,
        name=fields.get("name", "An"),
        email="an@example.com",
        body=fields.get("body", "Ý kiến"),
        article_key=fields.get("article_key", "dieu-1"),
    )
    return comment


def _login(client, user):
    client.force_login(user)


def test_the_agencys_editor_approves_hides_and_responds(consultation, board, client):
    good, spam = _comment(consultation), _comment(consultation, body="Quảng cáo")
    _login(client, board["sotttt"]["editor"])
    base = f"/admin/gop-y/{consultation.pk}/"
    assert "Ý kiến" in client.get(base).content.decode()
    client.post(f"{base}y-kien/{good.pk}/approve/")
    client.post(f"{base}y-kien/{spam.pk}/hide/", {"reason": "Quảng cáo"})
    client.post(
        f"{base}y-kien/{good.pk}/respond/",
        {"response": "partly", "explanation": "Tiếp thu một phần."},
    )
    good.refresh_from_db()
    spam.refresh_from_db()
    assert good.status == "approved" and good.response == "partly"
    assert spam.status == "hidden" and spam.hidden_reason == "Quảng cáo"


def test_hiding_needs_a_reason(consultation, board, client):
    comment = _comment(consultation)
    _login(client, board["sotttt"]["editor"])
    response = client.post(
        f"/admin/gop-y/{consultation.pk}/y-kien/{comment.pk}/hide/", {"reason": ""}, follow=True
    )
    assert "lý do" in response.content.decode()
    comment.refresh_from_db()
    assert comment.status == "pending"


def test_another_portals_board_cannot_see_or_moderate(consultation, board, client):
    comment = _comment(consultation)
    for role in ("editor", "approver"):
        _login(client, board["quynhphu"][role])
        assert client.get(f"/admin/gop-y/{consultation.pk}/").status_code == 404
        response = client.post(f"/admin/gop-y/{consultation.pk}/y-kien/{comment.pk}/approve/")
        assert response.status_code == 404
        assert client.post(f"/admin/gop-y/{consultation.pk}/ket-thuc/").status_code == 404
        assert consultation.title not in client.get("/admin/gop-y/").content.decode()
    comment.refresh_from_db()
    assert comment.status == Comment.Moderation.PENDING


def test_only_approvers_close_and_conclude(consultation, board, client):
    _login(client, board["sotttt"]["editor"])
    assert client.post(f"/admin/gop-y/{consultation.pk}/ket-thuc/").status_code == 403
    _login(client, board["sotttt"]["approver"])
    client.post(f"/admin/gop-y/{consultation.pk}/ket-thuc/")
    assert consultation.__class__.objects.get(pk=consultation.pk).status() == "closed"


def test_a_contributor_does_not_moderate(consultation, board, client):
    _login(client, board["sotttt"]["contributor"])
    assert client.get(f"/admin/gop-y/{consultation.pk}/").status_code == 404


def test_moderation_is_in_the_audit_log(consultation, board):
    from wagtail.models import ModelLogEntry

    comment = _comment(consultation)
    services.approve(comment, by=board["sotttt"]["editor"])
    actions = set(ModelLogEntry.objects.values_list("action", flat=True))
    assert {"consultations.comment_submitted", "consultations.comment_approved"} <= actions
