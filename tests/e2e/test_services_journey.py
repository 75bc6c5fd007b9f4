"""The online public service end to end in a real browser: a citizen
registers, verifies the e-mail, submits a dossier with two files and
downloads the receipt; staff accept it and ask for a document; the citizen
adds it; staff finish and return the result; the statistics count it on time.
Every public page on the way passes axe-core."""

import re
import uuid

from django.core import mail
from django.utils import timezone

from eportal.demo.province import DEMO_PASSWORD
from eportal.dossiers import statistics
from eportal.dossiers.models import Dossier
from tests import sample_files
from tests.e2e.conftest import axe_violations

PDF = sample_files.PDF
PASSWORD = "Mat-khau-Ng@y-moi-2026"
EMAIL = f"hang-{uuid.uuid4().hex[:8]}@example.org"


def _pdf(name):
    return {"name": name, "mimeType": "application/pdf", "buffer": PDF}


def _no_axe(page):
    assert axe_violations(page) == [], page.url


def _staff_step(page, base, code, action, **fields):
    page.goto(f"{base}/admin/ho-so-dich-vu-cong/{code}/")
    page.select_option("#id_action", action)
    for name, value in fields.items():
        page.fill(f"#id_{name}", value)
    page.get_by_role("button", name="Thực hiện").click()
    page.wait_for_load_state()


def _on_time_count():
    today = timezone.localdate()
    report = statistics.build_report(
        start=today.replace(day=1), end=today, procedure_code="2.000720"
    )
    return report.totals["early"] + report.totals["on_time"]


def test_it_serves_a_citizen_end_to_end(browser, demo, port):
    base = f"http://127.0.0.1:{port}/p/quynhphu"
    before = _on_time_count()
    citizen = browser.new_context(locale="vi-VN", viewport={"width": 360, "height": 800})
    page = citizen.new_page()
    page.set_default_timeout(20_000)

    page.goto(f"{base}/thu-tuc/")
    _no_axe(page)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.get_by_role("link", name="Đăng ký thành lập hộ kinh doanh").click()
    _no_axe(page)
    procedure_url = page.url
    page.get_by_role("link", name="Nộp hồ sơ trực tuyến").click()
    assert "/dich-vu-cong/tai-khoan/dang-nhap/" in page.url
    page.get_by_role("link", name="Đăng ký", exact=True).click()
    _no_axe(page)
    page.fill("#id_full_name", "Đỗ Thị Hằng")
    page.fill("#id_email", EMAIL)
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.get_by_role("button", name="Đăng ký").click()
    page.get_by_role("heading", name="Kiểm tra hộp thư").wait_for()
    link = re.search(r"https?://\S+/xac-thuc/\S+/", mail.outbox[-1].body).group(0)
    page.goto(link)
    page.get_by_role("heading", name="Hồ sơ của tôi").wait_for()

    page.goto(procedure_url + "nop-ho-so/")
    _no_axe(page)
    page.fill("#id_field_0", "Đỗ Thị Hằng")
    page.fill("#id_field_1", "1992-04-10")
    page.fill("#id_field_2", "034192001234")
    page.select_option("#id_field_3", "Trực tiếp")
    page.set_input_files("#id_component_0", [_pdf("giay-de-nghi.pdf")])
    page.set_input_files("#id_component_1", [_pdf("cccd.pdf")])
    page.get_by_role("button", name="Xem lại hồ sơ").click()
    page.get_by_role("heading", name="Xem lại hồ sơ trước khi gửi").wait_for()
    _no_axe(page)
    assert page.get_by_text("giay-de-nghi.pdf").is_visible()
    assert page.get_by_text("034192001234").is_visible()
    page.check("#cam_doan")
    page.get_by_role("button", name="Gửi hồ sơ").click()
    page.get_by_text("Đã gửi hồ sơ").wait_for()
    _no_axe(page)
    dossier = Dossier.objects.get(applicant__username=EMAIL)
    assert dossier.code.startswith("000.20.30.H56-") and dossier.files.count() == 2
    receipt = page.request.get(f"{base}/dich-vu-cong/ho-so/{dossier.code}/mau-01.pdf")
    assert receipt.status == 200 and receipt.body().startswith(b"%PDF")

    staff = browser.new_context(locale="vi-VN")
    admin = staff.new_page()
    admin.set_default_timeout(20_000)
    admin.goto(f"{base}/admin/login/")
    admin.fill("#id_username", "quynhphu-motcua")
    admin.fill("#id_password", DEMO_PASSWORD)
    admin.get_by_role("button", name=re.compile("Đăng nhập|Sign in")).click()
    admin.wait_for_load_state()
    _staff_step(admin, base, dossier.code, "accepted", note="Hồ sơ hợp lệ")
    _staff_step(admin, base, dossier.code, "supplement", items="Hợp đồng thuê địa điểm kinh doanh")
    dossier.refresh_from_db()
    assert dossier.status == "supplement"

    page.goto(f"{base}/dich-vu-cong/ho-so/{dossier.code}/")
    assert page.get_by_text("Hợp đồng thuê địa điểm kinh doanh").count() >= 1
    page.set_input_files("#id_files", [_pdf("hop-dong-thue.pdf")])
    page.get_by_role("button", name="Gửi giấy tờ bổ sung").click()
    page.get_by_text("Đã bổ sung hồ sơ").wait_for()
    dossier.refresh_from_db()
    assert dossier.status == "processing"

    _staff_step(admin, base, dossier.code, "done", note="Đã cấp giấy chứng nhận")
    _staff_step(admin, base, dossier.code, "returned")
    dossier.refresh_from_db()
    assert dossier.status == "returned" and dossier.finished_on <= dossier.due_date
    page.goto(f"{base}/dich-vu-cong/ho-so/{dossier.code}/")
    assert page.get_by_text("Đã trả kết quả").count() >= 1

    assert _on_time_count() == before + 1
    page.goto(f"{base}/thu-tuc/thong-ke/?thu_tuc=2.000720")
    _no_axe(page)
    assert page.locator("svg.svc-chart").count() == 1
    staff.close()
    citizen.close()


def test_it_shows_the_catalogue_guide_and_english_version(page, demo, port):
    base = f"http://127.0.0.1:{port}"
    page.goto(f"{base}/thu-tuc/?q=doanh+nghiep")
    assert page.get_by_role("link", name="Đăng ký thành lập doanh nghiệp tư nhân").count() == 1
    page.goto(f"{base}/p/sokhdt/thu-tuc/huong-dan/")
    _no_axe(page)
    page.goto(f"{base}/p/sotttt/en/thu-tuc/cap-giay-phep-buu-chinh-cap-tinh/")
    assert page.get_by_role("heading", name="Postal licence (provincial)").count() == 1
    assert page.get_by_text("older than the Vietnamese").count() == 1
    _no_axe(page)


def test_it_lets_the_demo_citizen_follow_and_pay(page, demo, port):
    base = f"http://127.0.0.1:{port}/p/sokhdt"
    page.goto(f"{base}/dich-vu-cong/tai-khoan/dang-nhap/")
    _no_axe(page)
    page.fill("#id_email", "congdan@example.com")
    page.fill("#id_password", DEMO_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_role("heading", name="Hồ sơ của tôi").wait_for()
    _no_axe(page)
    waiting = Dossier.objects.get(applicant__username="congdan@example.com", status="payment")
    page.goto(f"{base}/dich-vu-cong/ho-so/{waiting.code}/")
    _no_axe(page)
    page.get_by_label("Nộp tại quầy hoặc chuyển khoản", exact=False).check()
    page.get_by_role("button", name="Tiếp tục").click()
    page.get_by_role("heading", name="Hướng dẫn thanh toán").wait_for()
    assert page.get_by_text(waiting.code).count() >= 1
    _no_axe(page)
