"""Officials act from the question's admin page: route, answer, approve, publish."""

from datetime import timedelta

from eportal.qa.models import Question


def act(client, user, question, action, **data):
    client.logout()
    client.force_login(user)
    payload = {"action": action, **{f"{action}-{k}": v for k, v in data.items()}}
    return client.post(f"/admin/hoi-dap/{question.pk}/", payload)


def test_the_board_and_the_agency_carry_a_question_to_publication(client, ask, qa, board):
    question = ask("main")
    assert (
        act(
            client, board["main"]["editor"], question, "route", agency=qa["sotttt"].agency.pk
        ).status_code
        == 302
    )
    promised = (question.due_date + timedelta(days=5)).isoformat()
    assert (
        act(
            client, board["sotttt"]["contributor"], question, "progress", promised_date=promised
        ).status_code
        == 302
    )
    assert (
        act(client, board["sotttt"]["editor"], question, "draft", answer="Câu trả lời.").status_code
        == 302
    )
    assert act(client, board["sotttt"]["approver"], question, "approve").status_code == 302
    assert (
        act(
            client, board["main"]["approver"], question, "publish", general_interest="on"
        ).status_code
        == 302
    )

    assert Question.objects.get().status == "published"


def test_an_action_not_offered_is_forbidden(client, ask, board):
    question = ask("main")
    response = act(client, board["main"]["editor"], question, "approve")
    # Wagtail turns the PermissionDenied into a redirect to the dashboard with a message.
    assert (
        response.status_code in (302, 403)
        and response.get("Location", "") != f"/admin/hoi-dap/{question.pk}/"
    )
    question.refresh_from_db()
    assert question.status == "received"


def test_a_bad_promised_date_is_explained_on_the_page(client, ask, qa, board):
    question = ask("main")
    act(client, board["main"]["editor"], question, "route", agency=qa["sotttt"].agency.pk)
    response = act(
        client,
        board["sotttt"]["editor"],
        question,
        "progress",
        promised_date=question.due_date.isoformat(),
    )
    assert response.status_code == 400
    assert "Ngày hẹn trả lời phải sau hạn trả lời hiện tại." in response.content.decode()


def test_the_detail_page_shows_the_history_and_the_actions(client, ask, board):
    question = ask("main", title="<b>Tiêu đề</b>")
    client.force_login(board["main"]["editor"])
    html = client.get(f"/admin/hoi-dap/{question.pk}/").content.decode()
    assert "action-route" in html and "action-refuse" in html
    assert "&lt;b&gt;Tiêu đề&lt;/b&gt;" in html
