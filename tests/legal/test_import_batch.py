"""An import is a batch: reviewed on one screen, approved in one action, each
document through the portal's workflow (editor, then approver; nobody
approves what they submitted)."""

import pytest

from eportal.legal.models import ImportBatch, LegalDocumentPage
from tests.legal.test_admin_import import confirm

CSV = (
    "number,form,issuer,issued,summary,field\n"
    "101/KH-STTTT,Kế hoạch,Sở Thông tin và Truyền thông,2026-10-02,"
    "Kế hoạch chuyển đổi số năm 2027,Công nghệ thông tin\n"
    "102/KH-STTTT,Kế hoạch,Sở Thông tin và Truyền thông,2026-10-03,"
    "Kế hoạch bảo đảm an toàn thông tin mạng năm 2027,Công nghệ thông tin\n"
    "103/TB-STTTT,Thông báo,Sở Thông tin và Truyền thông,2026-10-05,"
    "Thông báo lịch tiếp công dân quý IV năm 2026,\n"
)


def imported(client, province, board):
    client.force_login(board["sotttt"]["contributor"])
    response = confirm(client, province["sotttt"], "ke-hoach-2027.csv", CSV)
    batch = ImportBatch.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(
        f"/admin/legal/import/lo/{batch.pk}/"
    )
    return batch


def approve(client, user, batch, pages, action="approve", comment=""):
    client.force_login(user)
    return client.post(
        f"/admin/legal/import/lo/{batch.pk}/",
        {"action": action, "page": [p.pk for p in pages], "comment": comment},
        follow=True,
    )


@pytest.mark.django_db
def test_the_batch_screen_shows_each_document_with_what_to_check(client, province, board):
    batch = imported(client, province, board)

    assert batch.items.count() == 3 and batch.portal == province["sotttt"]
    item = batch.items.get(page__number="103/TB-STTTT")
    assert item.label == "ke-hoach-2027.csv, dòng 4" and item.created
    html = client.get(f"/admin/legal/import/lo/{batch.pk}/").content.decode()
    for value in ("101/KH-STTTT", "Kế hoạch chuyển đổi số năm 2027", "Chờ bước", "dòng 3"):
        assert value in html, value
    # The contributor who submitted them cannot approve them.
    assert 'name="page"' not in html
    listing = client.get("/admin/legal/import/").content.decode()
    assert "ke-hoach-2027.csv" in listing


@pytest.mark.django_db
def test_unsure_fields_are_highlighted_with_their_confidence(client, province, board):
    client.force_login(board["sotttt"]["contributor"])
    content = (
        "SỞ THÔNG TIN VÀ TRUYỀN THÔNG\nSố: 88/KH-STTTT\n"
        "Thái Bình, ngày 10 tháng 11 năm 2026\nKẾ HOẠCH\nTập huấn biên tập viên\n"
    )
    confirm(client, province["sotttt"], "kh.txt", content)
    batch = ImportBatch.objects.get()
    item = batch.items.get()
    assert "signer" in item.unsure()  # this copy has no signature
    html = client.get(f"/admin/legal/import/lo/{batch.pk}/").content.decode()
    assert 'class="legal-unsure"' in html and "độ tin cậy" in html


@pytest.mark.django_db
def test_editor_then_approver_publish_the_batch_in_one_action_each(client, province, board):
    batch = imported(client, province, board)
    pages = list(LegalDocumentPage.objects.order_by("number"))
    assert not any(p.live for p in pages)

    after_editor = approve(client, board["sotttt"]["editor"], batch, pages)
    assert "Đã duyệt 3 văn bản; văn bản chuyển sang bước duyệt tiếp theo." in (
        after_editor.content.decode()
    )
    assert not any(p.live for p in LegalDocumentPage.objects.all())

    after_approver = approve(client, board["sotttt"]["approver"], batch, pages)
    assert "Đã duyệt và xuất bản 3 văn bản." in after_approver.content.decode()
    assert all(p.live for p in LegalDocumentPage.objects.all())
    assert client.get("/p/sotttt/van-ban/101-kh-stttt/").status_code == 200


@pytest.mark.django_db
def test_only_the_chosen_documents_move_and_the_submitter_is_refused(client, province, board):
    batch = imported(client, province, board)
    first, second, third = LegalDocumentPage.objects.order_by("number")

    own = approve(client, board["sotttt"]["contributor"], batch, [first])
    assert "bạn không duyệt bước" in own.content.decode()
    approve(client, board["sotttt"]["editor"], batch, [first, second])
    approve(client, board["sotttt"]["approver"], batch, [first, second, third])

    live = dict(LegalDocumentPage.objects.values_list("number", "live"))
    assert live == {"101/KH-STTTT": True, "102/KH-STTTT": True, "103/TB-STTTT": False}


@pytest.mark.django_db
def test_a_batch_is_returned_with_a_reason(client, province, board):
    batch = imported(client, province, board)
    pages = list(LegalDocumentPage.objects.all())

    no_reason = approve(client, board["sotttt"]["editor"], batch, pages, action="reject")
    assert "hãy ghi lý do" in no_reason.content.decode()
    assert all(p.current_workflow_state.status == "in_progress" for p in pages)

    returned = approve(
        client, board["sotttt"]["editor"], batch, pages, "reject", "Sai ngày ban hành"
    )
    assert "Đã trả lại 3 văn bản" in returned.content.decode()
    for page in LegalDocumentPage.objects.all():
        assert page.current_workflow_state.status == "needs_changes"
        assert not page.live


@pytest.mark.django_db
def test_another_portals_board_cannot_open_the_batch(client, province, board):
    batch = imported(client, province, board)
    client.force_login(board["quynhphu"]["approver"])
    assert client.get(f"/admin/legal/import/lo/{batch.pk}/").status_code in (302, 403)
    pages = list(LegalDocumentPage.objects.all())
    response = client.post(
        f"/admin/legal/import/lo/{batch.pk}/", {"action": "approve", "page": [pages[0].pk]}
    )
    assert response.status_code in (302, 403)
    assert not LegalDocumentPage.objects.filter(live=True).exists()
