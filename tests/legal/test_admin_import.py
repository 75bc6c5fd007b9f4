"""Staff import in the admin: upload, preview of the extracted fields, confirm."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from eportal.legal.models import GazetteIssue, LegalDocumentPage
from tests.legal.conftest import text


def upload(client, portal, name, content):
    return client.post(
        "/admin/legal/import/",
        {"portal": portal.pk, "file": SimpleUploadedFile(name, content.encode("utf-8"))},
    )


def confirm(client, portal, name, content):
    return client.post(
        "/admin/legal/import/",
        {"step": "confirm", "portal": portal.pk, "file_name": name, "source_text": content},
    )


def denied(response):
    return response.status_code in (302, 403, 404)


@pytest.mark.django_db
def test_a_contributor_previews_then_submits_to_the_workflow(client, province, board):
    client.force_login(board["sotttt"]["contributor"])
    form = client.get("/admin/legal/import/")
    assert form.status_code == 200
    assert [p.slug for p in form.context["form"].portals.values()] == ["sotttt"]

    content = text("86-kh-stttt.txt")
    preview = upload(client, province["sotttt"], "kh.txt", content)
    html = preview.content.decode()
    assert preview.status_code == 200
    for value in (
        "86/KH-STTTT",
        "Kế hoạch",
        "Sở Thông tin và Truyền thông",
        "15/07/2014",
        "Nguyễn Văn Thanh",
        "Hợp lệ: sẽ tạo mới.",
    ):
        assert value in html, value
    assert not LegalDocumentPage.objects.exists()  # nothing saved by a preview

    response = confirm(client, province["sotttt"], "kh.txt", content)
    assert response.status_code == 302
    page = LegalDocumentPage.objects.get()
    assert not page.live
    assert page.current_workflow_state.status == "in_progress"
    assert page.portal == province["sotttt"]


@pytest.mark.django_db
def test_the_super_administrator_publishes_directly(client, province, superuser):
    client.force_login(superuser)
    content = text("05-2014-qd-ubnd.txt")
    assert (
        "Luật Giao dịch điện tử ngày 29/11/2005"
        in upload(client, province["main"], "qd.txt", content).content.decode()
    )
    confirm(client, province["main"], "qd.txt", content)
    page = LegalDocumentPage.objects.get()
    assert page.live
    assert client.get("/van-ban/05-2014-qd-ubnd/").status_code == 200


@pytest.mark.django_db
def test_it_shows_why_a_file_cannot_be_imported(client, province, superuser):
    client.force_login(superuser)
    html = upload(client, province["main"], "x.txt", "Chỉ là một dòng chữ.").content.decode()
    assert "Không đọc được: số ký hiệu" in html
    assert "Xác nhận nhập" not in html
    html = client.post(
        "/admin/legal/import/",
        {"portal": province["main"].pk, "file": SimpleUploadedFile("x.exe", b"MZ")},
    ).content.decode()
    assert "Chỉ nhận tệp .txt, .docx, .pdf" in html


@pytest.mark.django_db
def test_a_board_member_cannot_import_into_or_see_another_portal(
    client, province, board, superuser
):
    draft_maker = board["main"]["editor"]
    from eportal.legal import services
    from eportal.legal.parser import parse_text

    draft = services.import_document(
        parse_text(text("05-2014-qd-ubnd.txt")),
        portal=province["main"],
        by=draft_maker,
        publish=False,
    ).page
    client.force_login(board["sotttt"]["editor"])
    content = text("12-2009-qd-ubnd.txt")
    assert denied(confirm(client, province["main"], "qd.txt", content))
    assert upload(client, province["main"], "qd.txt", content).context["form"].errors["portal"]
    assert LegalDocumentPage.objects.count() == 1
    assert denied(client.get(f"/admin/pages/{draft.pk}/edit/"))
    assert denied(client.get(f"/admin/pages/{services.index_for(province['main']).pk}/"))
    # The Gazette is the province's: board members do not manage it.
    assert denied(client.get("/admin/snippets/legal/gazetteissue/"))
    client.force_login(board["sotttt"]["administrator"])
    assert denied(client.get("/admin/legal/import/"))
    client.force_login(superuser)
    assert client.get("/admin/snippets/legal/gazetteissue/").status_code == 200
    assert GazetteIssue.objects.count() == 0
