"""The asker follows the question by its code; the e-mail unlocks the private details."""

from eportal.qa import services

TRACK = "/p/sotttt/hoi-dap/tra-cuu/"


def test_it_shows_the_status_history_by_code(client, ask, qa, board):
    question = ask("sotttt")
    services.route_question(question, qa["sotttt"].agency, by=board["sotttt"]["editor"])

    html = client.get(TRACK, {"code": question.code.lower()}).content.decode()

    assert "Đã tiếp nhận câu hỏi" in html
    assert "Đã chuyển đến cơ quan trả lời" in html and qa["sotttt"].agency.name in html
    assert question.body not in html and "binh@example.org" not in html


def test_it_shows_the_question_and_answer_to_the_owner(client, answered):
    question = answered("sotttt", "sotttt")

    html = client.get(TRACK, {"code": question.code, "email": "BINH@example.org"}).content.decode()

    assert question.body in html and question.answer in html


def test_it_hides_internal_drafting_steps(client, ask, qa, board):
    question = ask("sotttt")
    services.route_question(question, qa["sotttt"].agency, by=board["sotttt"]["editor"])
    services.draft_answer(question, "Dự thảo nội bộ", by=board["sotttt"]["editor"])

    html = client.get(TRACK, {"code": question.code, "email": "binh@example.org"}).content.decode()

    assert "Dự thảo nội bộ" not in html
    assert "trình duyệt" not in html.split('id="qa-history"')[1]


def test_an_unknown_code_says_so(client, qa):
    response = client.get(TRACK, {"code": "ZZZZZZZZ"})
    assert response.status_code == 404
    assert "Không tìm thấy câu hỏi" in response.content.decode()
