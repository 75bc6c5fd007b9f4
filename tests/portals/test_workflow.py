"""Nothing is published without the approver; nobody approves their own
submission (Art. 11, 17.1)."""

from wagtail.models import TaskState

from eportal.core.models import ContentPage


def submit(portal, user, title="Tin mới về chuyển đổi số"):
    page = ContentPage(title=title, slug="tin-moi", owner=user, live=False, body="<p>Nội dung.</p>")
    portal.home_page.add_child(instance=page)
    page.save_revision(user=user)
    portal.workflow.start(page, user)
    return page


def current_task_state(page):
    return TaskState.objects.get(workflow_state__object_id=str(page.pk), status="in_progress")


def act(client, user, page, action, comment=""):
    client.force_login(user)
    state = current_task_state(page)
    return client.post(
        f"/admin/pages/workflow/action/{page.pk}/{action}/{state.pk}/", {"comment": comment}
    )


def test_it_publishes_only_after_editor_then_approver(client, province, board):
    portal, team = province["sotttt"], board["sotttt"]
    page = submit(portal, team["contributor"])

    act(client, team["editor"], page, "approve")
    page.refresh_from_db()
    assert not page.live, "the editor's approval sends it on, it does not publish"

    act(client, team["approver"], page, "approve")
    page.refresh_from_db()
    assert page.live
    assert client.get("/p/sotttt/tin-moi/").status_code == 200


def test_it_shows_the_contributor_the_reason_for_a_rejection(client, province, board):
    portal, team = province["sotttt"], board["sotttt"]
    page = submit(portal, team["contributor"])
    act(client, team["editor"], page, "approve")
    act(client, team["approver"], page, "reject", comment="Thiếu nguồn tin, đề nghị bổ sung.")

    page.refresh_from_db()
    assert not page.live
    rejected = TaskState.objects.get(workflow_state__object_id=str(page.pk), status="rejected")
    assert rejected.get_comment() == "Thiếu nguồn tin, đề nghị bổ sung."
    client.force_login(team["contributor"])
    history = client.get(f"/admin/pages/{page.pk}/history/")
    assert "Thiếu nguồn tin" in history.text


def test_it_does_not_let_anyone_approve_their_own_submission(client, province, board):
    portal, team = province["sotttt"], board["sotttt"]
    # An editor writes and submits; the editor step is theirs, yet they cannot pass it.
    page = submit(portal, team["editor"])
    act(client, team["editor"], page, "approve")
    assert current_task_state(page).task.specific.groups.first() == portal.editors

    client.force_login(team["editor"])
    dashboard = client.get(f"/admin/pages/{page.pk}/edit/")
    assert "workflow-action-approve" not in dashboard.text

    other_editor = board["sotttt"]["editor"].__class__.objects.create_user(
        "btv2", "b@example.org", "x"
    )
    other_editor.groups.add(portal.editors)
    act(client, other_editor, page, "approve")
    assert current_task_state(page).task.specific.groups.first() == portal.approvers


def test_it_keeps_the_publish_button_from_approvers(client, province, board):
    portal, team = province["sotttt"], board["sotttt"]
    page = ContentPage(
        title="Bài chưa duyệt", slug="bai-chua-duyet", owner=team["approver"], live=False
    )
    portal.home_page.add_child(instance=page)
    page.save_revision(user=team["approver"])

    client.force_login(team["approver"])
    edit_url = f"/admin/pages/{page.pk}/edit/"
    assert 'name="action-publish"' not in client.get(edit_url).text
    client.post(edit_url, {"title": page.title, "slug": page.slug, "action-publish": "1"})
    page.refresh_from_db()
    assert not page.live


def test_it_keeps_drafts_in_review_off_the_public_site(client, province, board):
    submit(province["sotttt"], board["sotttt"]["contributor"], title="Bản nháp")
    assert client.get("/p/sotttt/tin-moi/").status_code == 404
