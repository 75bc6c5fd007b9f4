"""A department's contributor imports a plan from its DOCX in the admin,
checks the fields the parser highlights, confirms; the draft goes through the
portal's workflow — the editor, then the approver, each approving the import's
batch in one action on its review screen — and readers find it on /van-ban/
with the original file to download."""

import random

from eportal.legal.models import LegalDocumentPage
from tests.e2e.conftest import axe_violations
from tests.e2e.test_news_journey import sign_in
from tests.legal.test_originals import docx

NUMBER = f"{random.randint(100, 9999)}/KH-STTTT"  # unique: the e2e database may outlive a run


def decision(tmp_path):
    content = docx(
        [["UBND TỈNH THÁI BÌNH", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG"], [f"Số: {NUMBER}"]],
        [
            ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
            ["Thái Bình, ngày 10 tháng 11 năm 2026"],
        ],
        [
            "KẾ HOẠCH",
            "TẬP HUẤN BIÊN TẬP VIÊN CÁC CỔNG THÀNH PHẦN NĂM 2027",
            "Căn cứ Quyết định số 05/2014/QĐ-UBND ngày 26/6/2014 của Ủy ban nhân dân tỉnh;",
            "I. MỤC ĐÍCH, YÊU CẦU",
            "1. Biên tập viên nắm vững quy trình đăng tải văn bản đúng thời hạn.",
            "Kế hoạch này có hiệu lực kể từ ngày ký.",
        ],
    )
    path = tmp_path / "ke-hoach-tap-huan.docx"
    path.write_bytes(content)
    return path


def test_a_docx_goes_from_import_through_review_to_the_public_list(browser, demo, port, tmp_path):
    context = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(20_000)
    sign_in(page, port, "sotttt-ctv")
    page.goto(f"http://127.0.0.1:{port}/admin/legal/import/")
    page.set_input_files("#id_file", str(decision(tmp_path)))
    with page.expect_navigation():
        page.get_by_role("button", name="Đọc tệp và xem trước").click()

    # The preview: the fields read, the unsure ones highlighted (no signature in this copy).
    assert page.get_by_text(NUMBER).count() >= 1
    assert page.get_by_text("Sở Thông tin và Truyền thông tỉnh Thái Bình").count() >= 1
    unsure = page.locator("dd.legal-unsure")
    assert unsure.count() >= 1 and "cần kiểm tra" in unsure.first.inner_text()
    assert page.get_by_text("ke-hoach-tap-huan.docx").count() >= 1
    with page.expect_navigation():
        page.get_by_role("button", name="Xác nhận nhập 1 văn bản").click()

    # The batch's review screen: the document waits for the editor's step; its
    # submitter has nothing to approve there.
    assert "/admin/legal/import/lo/" in page.url
    batch_url = page.url
    assert page.get_by_text("Chờ bước").count() >= 1
    assert page.locator("input[name=page]").count() == 0
    document = LegalDocumentPage.objects.get(number=NUMBER)
    assert not document.live  # a draft in the portal's workflow, not published by the import
    assert document.current_workflow_state.status == "in_progress"
    context.close()

    # The editor, then the approver, approve the whole batch in one action each.
    for username, outcome in (
        ("sotttt-btv", "chuyển sang bước duyệt tiếp theo"),
        ("sotttt-kiemduyet", "Đã duyệt và xuất bản 1 văn bản."),
    ):
        context = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.set_default_timeout(20_000)
        sign_in(page, port, username)
        page.goto(batch_url)
        assert page.locator("dd.legal-unsure").count() >= 1
        page.get_by_label("Chọn tất cả văn bản bạn duyệt được").check()
        with page.expect_navigation():
            page.get_by_role("button", name="Duyệt các văn bản đã chọn").click()
        assert page.get_by_text(outcome).count() >= 1, page.content()
        context.close()
    document.refresh_from_db()
    assert document.live

    context = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.goto(f"http://127.0.0.1:{port}/p/sotttt/van-ban/?q={NUMBER}")
    page.get_by_role("link", name=NUMBER).first.click()
    assert page.get_by_text("Tập huấn biên tập viên các cổng thành phần năm 2027").count() >= 1
    assert page.locator("a[href$='.docx']").count() >= 1
    assert axe_violations(page) == []
    context.close()
