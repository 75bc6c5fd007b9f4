"""The review buttons say what they do: the contributor "Gửi duyệt", the
editor "Chuyển kiểm duyệt", the approver "Duyệt và xuất bản", and either
"Trả lại" with a reason (Art. 11, 17.1; issue 21)."""

from wagtail.models import TaskState

from tests.news.helpers import act, article, submit


def editor_of(client, user, page):
    client.force_login(user)
    return client.get(f"/admin/pages/{page.pk}/edit/").text


def test_it_offers_the_contributor_to_submit_for_review(client, province, board):
    portal, team = province["sotttt"], board["sotttt"]
    draft = article(portal, "Bản nháp của cộng tác viên", owner=team["contributor"], live=False)
    draft.save_revision(user=team["contributor"])

    html = editor_of(client, team["contributor"], draft)

    assert ">Gửi duyệt<" in html.replace("\n", "").replace("  ", "")
    for wrong in ("Submit to", "Thực hiện", "Save draft", "More actions"):
        assert wrong not in html, wrong
    assert "Lưu bản nháp" in html


def test_it_names_the_editors_step_send_on_and_the_approvers_publish(client, province, board):
    portal, team = province["sotttt"], board["sotttt"]
    page = submit(portal, team["contributor"], "Tin chờ biên tập")

    at_editor = editor_of(client, team["editor"], page)
    assert "Chuyển kiểm duyệt" in at_editor and "Trả lại" in at_editor
    assert "Duyệt và xuất bản" not in at_editor and "Phê chuẩn" not in at_editor

    act(client, team["editor"], page, "approve")
    at_approver = editor_of(client, team["approver"], page)
    assert "Duyệt và xuất bản" in at_approver and "Trả lại" in at_approver
    assert "Chuyển kiểm duyệt" not in at_approver
    # Wagtail's own suffix is not added to a label that already says it.
    assert "xuất bản và xuất bản" not in at_approver.lower()

    dashboard = client.get("/admin/").text
    assert "Chờ bạn duyệt" in dashboard and "Duyệt và xuất bản" in dashboard


def test_it_shows_the_submitter_no_review_button(client, province, board):
    portal, team = province["sotttt"], board["sotttt"]
    page = submit(portal, team["editor"], "Tin biên tập viên tự viết")

    html = editor_of(client, team["editor"], page)

    assert "Chuyển kiểm duyệt" not in html and "workflow-action-approve" not in html


def test_it_returns_an_item_only_with_a_reason(client, province, board):
    portal, team = province["sotttt"], board["sotttt"]
    page = submit(portal, team["contributor"], "Tin cần bổ sung")
    state = TaskState.objects.get(workflow_state__object_id=str(page.pk), status="in_progress")
    client.force_login(team["editor"])
    url = f"/admin/pages/workflow/action/{page.pk}/reject/{state.pk}/"

    dialog = client.get(url, headers={"x-requested-with": "XMLHttpRequest"}).json()["html"]
    assert "Lý do trả lại" in dialog and "Trả lại" in dialog

    refused = client.post(url, {"comment": " "}, headers={"x-requested-with": "XMLHttpRequest"})
    assert "Lý do trả lại" in refused.json()["html"]
    state.refresh_from_db()
    assert state.status == "in_progress"

    act(client, team["editor"], page, "reject", comment="Bổ sung ảnh và nguồn tin.")
    state.refresh_from_db()
    assert state.status == "rejected"
    client.force_login(team["contributor"])
    resubmit = client.get(f"/admin/pages/{page.pk}/edit/").text
    assert "Gửi duyệt lại" in resubmit
