"""A citizen comments on an article of an open draft; the drafting agency's
board approves it, responds, closes the consultation and exports the
synthesis; the comment shows under the article; a late comment is refused."""

import openpyxl
from wagtail.models import Locale

from eportal.consultations.models import Comment, ConsultationPage
from tests.e2e.conftest import axe_violations, sign_in

SLUG = "quy-che-cong-thong-tin-dien-tu"
BODY = "Đề nghị bổ sung thời hạn cập nhật lịch tiếp công dân."


def test_a_consultation_from_comment_to_synthesis(page, browser, demo, port, tmp_path):
    base = f"http://127.0.0.1:{port}"
    # The Vietnamese draft (the demo has its English version too).
    consultation = ConsultationPage.objects.get(slug=SLUG, locale=Locale.get_default())

    page.goto(f"{base}/gop-y/")
    assert page.get_by_role("heading", name=consultation.title).count() == 1
    assert axe_violations(page) == []

    page.goto(f"{base}/gop-y/{SLUG}/")
    assert axe_violations(page) == []
    page.locator("#dieu-4").get_by_role("link", name="Góp ý về Điều 4").click()
    assert "?dieu=dieu-4" in page.url
    assert axe_violations(page) == []
    page.get_by_label("Họ và tên").fill("Đặng Thu Trang")
    page.locator("#id_email").fill("thutrang@example.com")
    page.get_by_label("Nội dung góp ý").fill(BODY)
    page.get_by_role("button", name="Gửi góp ý").click()
    page.wait_for_url("**/gui-y-kien/da-nhan/")
    assert page.get_by_text("Cảm ơn bạn đã góp ý").count() == 1
    assert axe_violations(page) == []
    comment = Comment.objects.get(body=BODY)
    assert comment.article_key == "dieu-4" and comment.status == "pending"

    # A second citizen opens the form now and sends it only after the closing.
    late = browser.new_context(locale="vi-VN", viewport={"width": 360, "height": 800}).new_page()
    late.goto(f"{base}/gop-y/{SLUG}/gui-y-kien/?dieu=dieu-1")

    staff = browser.new_context(locale="vi-VN").new_page()
    sign_in(staff, port, "www-btv")
    staff.goto(f"{base}/admin/gop-y/{consultation.pk}/")
    card = staff.locator(f"#y-kien-{comment.pk}")
    card.get_by_role("button", name="Duyệt").click()
    card = staff.locator(f"#y-kien-{comment.pk}")
    card.locator(f"#response-{comment.pk}").select_option("partly")
    card.locator(f"#explanation-{comment.pk}").fill("Tiếp thu, bổ sung vào khoản 3 Điều 4.")
    card.get_by_role("button", name="Lưu giải trình").click()
    staff.wait_for_load_state()
    comment.refresh_from_db()
    assert comment.status == "approved" and comment.response == "partly"

    staff.context.clear_cookies()
    sign_in(staff, port, "www-kiemduyet")
    staff.goto(f"{base}/admin/gop-y/{consultation.pk}/")
    staff.get_by_role("button", name="Kết thúc lấy ý kiến ngay").click()
    staff.wait_for_load_state()
    with staff.expect_download() as download:
        staff.get_by_role("link", name="Xuất bảng tổng hợp (Excel)").click()
    path = tmp_path / "tong-hop.xlsx"
    download.value.save_as(path)
    bodies = [row[3] for row in openpyxl.load_workbook(path).active.iter_rows(values_only=True)]
    assert bodies.count(BODY) == 1

    page.goto(f"{base}/gop-y/{SLUG}/")
    assert page.locator("#dieu-4").get_by_text(BODY).count() == 1
    assert page.locator("#dieu-4").get_by_text("Tiếp thu một phần").count() == 1
    assert page.get_by_text("Đã hết thời gian lấy ý kiến").count() == 1
    assert page.locator("textarea[name=body]").count() == 0
    assert axe_violations(page) == []

    late.get_by_label("Họ và tên").fill("Người gửi muộn")
    late.locator("#id_email").fill("muon@example.com")
    late.get_by_label("Nội dung góp ý").fill("Góp ý sau khi đã hết hạn.")
    late.get_by_role("button", name="Gửi góp ý").click()
    assert late.get_by_text("Đã hết thời gian lấy ý kiến").count() == 1
    assert not Comment.objects.filter(name="Người gửi muộn").exists()
