"""A citizen asks, tracks by code; the board routes; the agency sends a progress
notice and answers; its approver approves; the board publishes. The citizen sees
each step on the tracking page and gets the e-mails."""

import re
from datetime import timedelta

from django.core import mail

from eportal.qa.models import Question
from tests.e2e.conftest import axe_violations
from tests.e2e.conftest import sign_in as e2e_sign_in

TITLE = "Hỗ trợ chuyển đổi số cho hợp tác xã nông nghiệp"


def sign_in(page, port, username):
    page.context.clear_cookies()
    e2e_sign_in(page, port, username)


def act(page, port, username, question, action, fields=None):
    sign_in(page, port, username)
    page.goto(f"http://127.0.0.1:{port}/admin/hoi-dap/{question.pk}/")
    form = page.locator(f"#action-{action}")
    for name, value in (fields or {}).items():
        control = form.locator(f"[name='{action}-{name}']")
        if control.evaluate("e => e.tagName") == "SELECT":
            control.select_option(label=value)
        else:
            control.fill(value)
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert "Đã cập nhật câu hỏi" in page.content()


def track(page, port, code):
    page.goto(f"http://127.0.0.1:{port}/p/sotttt/hoi-dap/tra-cuu/?code={code}")
    return page.locator("#qa-history").inner_text()


def test_a_question_goes_from_the_citizen_to_publication(page, demo, port):
    base = f"http://sotttt.thaibinh.gov.vn:{port}"
    page.goto(f"{base}/hoi-dap/gui-cau-hoi/")
    assert axe_violations(page) == []
    page.get_by_label("Họ và tên").fill("Đỗ Thị Mai")
    page.get_by_label("Thư điện tử").fill("mai@example.org")
    page.get_by_label("Tiêu đề câu hỏi").fill(TITLE)
    page.get_by_label("Nội dung câu hỏi").fill(
        "Xin hỏi Sở có chương trình hỗ trợ hợp tác xã chuyển đổi số không?"
    )
    page.get_by_role("button", name="Gửi câu hỏi").click()

    code = page.locator("#qa-code").inner_text()
    assert re.fullmatch(r"[2-9A-HJ-NP-Z]{8}", code)
    assert page.locator("#qa-due").inner_text()
    assert axe_violations(page) == []
    question = Question.objects.get(code=code)
    assert [m.to for m in mail.outbox] == [["mai@example.org"]]

    page.get_by_role("link", name="Theo dõi câu hỏi").click()
    assert "Đã tiếp nhận câu hỏi" in page.locator("#qa-history").inner_text()
    assert axe_violations(page) == []

    act(page, port, "sotttt-btv", question, "route", {"agency": "Sở Kế hoạch và Đầu tư"})
    assert "Đã chuyển đến cơ quan trả lời" in track(page, port, code)

    promised = (question.due_date + timedelta(days=5)).isoformat()
    act(
        page,
        port,
        "sokhdt-ctv",
        question,
        "progress",
        {"promised_date": promised, "note": "Đang lấy ý kiến."},
    )
    assert "Thông báo tiến độ" in track(page, port, code)

    act(
        page,
        port,
        "sokhdt-btv",
        question,
        "draft",
        {"answer": "Sở hỗ trợ 50% chi phí phần mềm kế toán."},
    )
    act(page, port, "sokhdt-kiemduyet", question, "approve")
    assert "Đã trả lời" in track(page, port, code)

    act(page, port, "sotttt-kiemduyet", question, "publish")
    assert "Đã công khai câu trả lời" in track(page, port, code)

    citizen_mail = [m.subject for m in mail.outbox if m.to == ["mai@example.org"]]
    assert len(citizen_mail) == 5
    assert any("Trả lời câu hỏi" in subject for subject in citizen_mail)

    page.goto(f"{base}/hoi-dap/?q=chuyen doi so hop tac xa")
    page.get_by_role("link", name=TITLE).click()
    assert "Sở hỗ trợ 50% chi phí" in page.content() and "mai@example.org" not in page.content()
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_complaint_is_answered_at_once_with_where_to_file_it(page, demo, port):
    page.goto(f"http://127.0.0.1:{port}/hoi-dap/gui-cau-hoi/")
    page.get_by_label("Họ và tên").fill("Vũ Văn Nam")
    page.get_by_label("Thư điện tử").fill("nam@example.org")
    page.get_by_label("Tiêu đề câu hỏi").fill("Khiếu nại quyết định thu hồi đất")
    page.get_by_label("Nội dung câu hỏi").fill(
        "Tôi khiếu nại quyết định thu hồi đất của UBND huyện."
    )
    page.get_by_label("Đây là đơn khiếu nại hoặc tố cáo").check()
    page.get_by_role("button", name="Gửi câu hỏi").click()

    assert "Ban Tiếp công dân" in page.locator("#complaint-message").inner_text()
    assert not Question.objects.filter(title="Khiếu nại quyết định thu hồi đất").exists()
    assert axe_violations(page) == []


def test_similar_published_answers_appear_while_typing(page, demo, port):
    page.goto(f"http://127.0.0.1:{port}/hoi-dap/gui-cau-hoi/")
    page.get_by_label("Tiêu đề câu hỏi").fill("giấy chứng nhận đăng ký đầu tư")
    suggestion = page.locator("#qa-similar a").first
    suggestion.wait_for()
    assert "đăng ký đầu tư" in suggestion.inner_text()


def test_the_published_answers_page_is_accessible(page, demo, port):
    page.goto(f"http://127.0.0.1:{port}/hoi-dap/")
    assert page.locator("main .page-list li").count() >= 3
    assert axe_violations(page) == []
