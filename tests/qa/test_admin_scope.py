"""A board sees its own portal's questions; the main portal's board sees all."""

import pytest


def login(client, user):
    client.force_login(user)


@pytest.fixture
def questions(ask):
    return {"main": ask("main"), "quynhphu": ask("quynhphu"), "sotttt": ask("sotttt")}


def test_a_component_boards_list_shows_only_its_own(client, board, questions):
    login(client, board["quynhphu"]["editor"])
    html = client.get("/admin/hoi-dap/").content.decode()
    assert questions["quynhphu"].code in html
    assert questions["sotttt"].code not in html and questions["main"].code not in html


def test_another_portals_question_is_a_404(client, board, questions):
    login(client, board["quynhphu"]["approver"])
    assert client.get(f"/admin/hoi-dap/{questions['sotttt'].pk}/").status_code == 404
    response = client.post(f"/admin/hoi-dap/{questions['sotttt'].pk}/", {"action": "refuse"})
    assert response.status_code == 404


def test_the_main_board_sees_every_portals_questions(client, board, questions):
    login(client, board["main"]["editor"])
    html = client.get("/admin/hoi-dap/").content.decode()
    assert all(q.code in html for q in questions.values())


def test_the_agency_sees_a_question_routed_to_it(client, board, questions, qa):
    from eportal.qa import services

    services.route_question(questions["main"], qa["quynhphu"].agency, by=board["main"]["editor"])
    login(client, board["quynhphu"]["contributor"])
    assert client.get(f"/admin/hoi-dap/{questions['main'].pk}/").status_code == 200


def test_a_technical_administrator_has_no_queue(client, board, questions):
    login(client, board["sotttt"]["administrator"])
    assert client.get("/admin/hoi-dap/").status_code in (302, 403)


def test_the_list_does_not_query_per_question(client, board, ask, django_assert_max_num_queries):
    for _ in range(15):
        ask("main")
    login(client, board["main"]["editor"])
    with django_assert_max_num_queries(30):
        client.get("/admin/hoi-dap/")
