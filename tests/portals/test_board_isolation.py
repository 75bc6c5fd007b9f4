"""A board member of one portal cannot list, open, edit or approve another
portal's drafts, documents or images (SPEC §2). Tested as a matrix of roles ×
other portals × actions, with the same actions allowed on the member's own
portal where the role permits them."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import TaskState

from eportal.core.models import ContentPage
from eportal.portals.models import Role

ROLES = Role.values
OTHERS = {"sotttt": ["quynhphu", "main"], "quynhphu": ["sotttt"], "main": ["sotttt"]}
PAIRS = [(own, other) for own, others in OTHERS.items() for other in others]


@pytest.fixture
def content(wagtail_search_index, province, board):
    """Per portal: a draft in review, an image and a document in its collection."""
    items = {}
    for key, portal in province.items():
        author = board[key]["contributor"]
        draft = ContentPage(
            title=f"Bản nháp của {portal.slug}", slug="ban-nhap", owner=author, live=False
        )
        portal.home_page.add_child(instance=draft)
        draft.save_revision(user=author)
        portal.workflow.start(draft, author)
        image = get_image_model().objects.create(
            title=f"Ảnh của {portal.slug}",
            file=get_test_image_file(),
            collection=portal.collection,
            uploaded_by_user=author,
        )
        document = get_document_model().objects.create(
            title=f"Tài liệu của {portal.slug}",
            file=ContentFile(b"%PDF-1.4 test", name="tai-lieu.pdf"),
            collection=portal.collection,
        )
        task_state = TaskState.objects.get(
            workflow_state__object_id=str(draft.pk), status="in_progress"
        )
        items[key] = {
            "draft": draft,
            "image": image,
            "document": document,
            "task_state": task_state,
        }
    return items


def denied(response):
    return response.status_code in (302, 403, 404)


@pytest.mark.parametrize("own,other", PAIRS)
@pytest.mark.parametrize("role", ROLES)
def test_it_hides_other_portals_pages_from_every_role(
    client, province, board, content, role, own, other
):
    client.force_login(board[own][role])
    theirs = content[other]
    home = province[other].home_page

    assert denied(client.get(f"/admin/pages/{home.pk}/")), "explore"
    assert denied(client.get(f"/admin/pages/{theirs['draft'].pk}/edit/")), "edit draft"
    assert denied(client.get(f"/admin/pages/add/eportal_core/contentpage/{home.pk}/")), "add page"
    search = client.get("/admin/pages/search/", {"q": theirs["draft"].title})
    assert f"/admin/pages/{theirs['draft'].pk}/" not in search.text, "search"


@pytest.mark.parametrize("own,other", PAIRS)
def test_the_page_chooser_offers_only_the_own_portals_pages(
    client, province, board, content, own, other
):
    client.force_login(board[own]["contributor"])
    draft = content[other]["draft"]

    top = client.get("/admin/choose-page/").json()["html"]
    assert f'data-id="{province[own].home_page.pk}"' in top
    assert f'data-id="{province[other].home_page.pk}"' not in top
    found = client.get("/admin/choose-page/search/", {"q": draft.title}).text
    assert f'data-id="{draft.pk}"' not in found
    # Browsing into the other tree would show the page browsed into, choosable.
    for page in (province[other].home_page, draft):
        assert client.get(f"/admin/choose-page/{page.pk}/").status_code == 404
    own_tree = client.get(f"/admin/choose-page/{province[own].home_page.pk}/").json()["html"]
    assert f'data-id="{content[own]["draft"].pk}"' in own_tree
    # What the chooser returns once pages are chosen, asked with their ids.
    chosen = client.get(
        "/admin/choose-page/chosen-multiple/", {"id": [draft.pk, content[own]["draft"].pk]}
    ).json()["result"]
    assert [item["id"] for item in chosen] == [content[own]["draft"].pk]


@pytest.mark.parametrize("own,other", PAIRS)
@pytest.mark.parametrize("role", ROLES)
def test_it_hides_other_portals_images_and_documents(
    client, province, board, content, role, own, other
):
    client.force_login(board[own][role])
    theirs = content[other]

    assert denied(client.get(f"/admin/images/{theirs['image'].pk}/")), "edit image"
    assert denied(client.get(f"/admin/documents/edit/{theirs['document'].pk}/")), "edit document"
    images = client.get("/admin/images/")
    assert f"/admin/images/{theirs['image'].pk}/" not in images.text
    documents = client.get("/admin/documents/")
    assert f"/admin/documents/edit/{theirs['document'].pk}/" not in documents.text


@pytest.mark.parametrize("own,other", PAIRS)
@pytest.mark.parametrize("role", ROLES)
def test_it_refuses_to_approve_another_portals_submission(client, board, content, role, own, other):
    client.force_login(board[own][role])
    theirs = content[other]
    url = f"/admin/pages/workflow/action/{theirs['draft'].pk}/approve/{theirs['task_state'].pk}/"
    client.post(url, {"comment": ""})
    theirs["task_state"].refresh_from_db()
    assert theirs["task_state"].status == TaskState.STATUS_IN_PROGRESS


OWN_ACCESS = {
    # role: (can open the draft in the editor, can see the images listing item)
    Role.CONTRIBUTOR: (True, True),
    Role.EDITOR: (True, True),
    Role.APPROVER: (True, True),
    Role.ADMINISTRATOR: (False, False),
    Role.ONE_STOP_OFFICER: (False, False),
}


@pytest.mark.parametrize("role", ROLES)
def test_it_gives_each_role_its_own_portal_as_the_role_permits(client, board, content, role):
    client.force_login(board["sotttt"][role])
    mine = content["sotttt"]
    can_edit, can_see_images = OWN_ACCESS[role]
    edit = client.get(f"/admin/pages/{mine['draft'].pk}/edit/")
    assert (edit.status_code == 200) is can_edit
    images = client.get("/admin/images/")
    assert (mine["image"].title in images.text) is can_see_images


# Every admin view that lists pages: the chooser (browse, search), the
# dashboard, the reports and their spreadsheet exports.
LISTINGS = [
    "/admin/",
    "/admin/choose-page/",
    "/admin/reports/locked/",
    "/admin/reports/workflow/",
    "/admin/reports/workflow_tasks/",
    "/admin/reports/site-history/",
    "/admin/reports/aging-pages/",
    "/admin/reports/workflow/?export=csv",
    "/admin/reports/site-history/?export=xlsx",
    "/admin/reports/aging-pages/?export=csv",
]


def _text(response):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if body[:2] == b"PK":  # a spreadsheet export
        import io

        from openpyxl import load_workbook

        sheet = load_workbook(io.BytesIO(body)).active
        return "\n".join(str(c.value) for row in sheet.iter_rows() for c in row)
    return body.decode()


@pytest.mark.parametrize("own,other", PAIRS)
@pytest.mark.parametrize("role", ROLES)
def test_it_keeps_other_portals_drafts_out_of_the_chooser_dashboard_and_reports(
    client, province, board, content, role, own, other
):
    client.force_login(board[own][role])
    theirs = content[other]
    title = theirs["draft"].title
    chooser_home = client.get(f"/admin/choose-page/{province[other].home_page.pk}/")
    assert title not in _text(chooser_home), "chooser browses the other portal"
    found = client.get("/admin/choose-page/search/", {"q": title})
    assert title not in _text(found), "chooser search"
    for url in LISTINGS:
        response = client.get(url)
        assert response.status_code in (200, 302, 403), url
        if response.status_code == 200:
            assert title not in _text(response), url


def test_the_chooser_still_finds_the_own_portals_pages(client, board, content):
    client.force_login(board["sotttt"]["editor"])
    found = client.get("/admin/choose-page/search/", {"q": content["sotttt"]["draft"].title})
    assert content["sotttt"]["draft"].title in found.text
    # The reports are scoped, not empty: the own draft in review is listed.
    client.force_login(board["sotttt"]["approver"])
    assert content["sotttt"]["draft"].title in _text(client.get("/admin/reports/workflow/"))
