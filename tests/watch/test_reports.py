import io
import re
from datetime import UTC, date, datetime
from pathlib import Path

import openpyxl
import pytest
from django.conf import settings as django_settings
from django.core import mail as django_mail
from django.core.management import call_command
from django.test import override_settings
from django_tasks import default_task_backend
from pypdf import PdfReader

from eportal.core import clock
from eportal.dossiers.models import Channel, Dossier
from eportal.news.models import ArticlePage
from eportal.qa.models import Question
from eportal.watch import reports
from eportal.watch.models import OperationsReportSent, PageViewDay
from tests.news.helpers import publish

IN = datetime(2026, 11, 10, 3, 0, tzinfo=UTC)
BEFORE = datetime(2026, 10, 20, 3, 0, tzinfo=UTC)


def _article(portal, title, at):
    page = publish(portal, title)
    ArticlePage.objects.filter(pk=page.pk).update(first_published_at=at)
    return page


def _question(portal, n, *, received, answered=None, due=None):
    return Question.objects.create(
        portal=portal,
        code=f"HD{n:05d}",
        name="Nguyễn Văn An",
        email="an@example.org",
        title=f"Câu hỏi {n}",
        body="Xin hỏi thủ tục cấp giấy phép.",
        received_at=received,
        answered_at=answered,
        due_date=due,
    )


def _dossier(portal, n, *, received_on, finished_on=None, due=None):
    return Dossier.objects.create(
        code=f"000.00.{n:02d}.H56-261101-{n:04d}",
        procedure_code="1.001",
        procedure_title="Cấp giấy phép xuất bản bản tin",
        processing_days=10,
        portal=portal,
        agency=portal.agency,
        applicant_name="Trần Thị Bình",
        channel=Channel.ONLINE,
        submitted_at=datetime.combine(received_on, datetime.min.time(), tzinfo=UTC),
        received_on=received_on,
        due_date=due,
        finished_on=finished_on,
    )


@pytest.fixture
def november(province):
    portal = province["sotttt"]
    _article(portal, "Hội nghị chuyển đổi số tháng 11", IN)
    _article(portal, "Cảnh báo bão số 9", IN)
    _article(portal, "Tin tháng trước", BEFORE)
    _article(province["quynhphu"], "Tin của huyện", IN)
    _question(portal, 1, received=IN, answered=IN, due=date(2026, 11, 20))
    _question(portal, 2, received=BEFORE, answered=IN, due=date(2026, 11, 1))  # late
    _question(portal, 3, received=IN)
    _dossier(
        portal,
        1,
        received_on=date(2026, 11, 2),
        finished_on=date(2026, 11, 9),
        due=date(2026, 11, 16),
    )
    _dossier(
        portal,
        2,
        received_on=date(2026, 10, 2),
        finished_on=date(2026, 11, 3),
        due=date(2026, 10, 16),
    )
    _dossier(portal, 3, received_on=date(2026, 11, 25))
    PageViewDay.objects.create(portal=portal, path="/", day=date(2026, 11, 5), views=300)
    PageViewDay.objects.create(portal=portal, path="/tin-tuc/", day=date(2026, 11, 30), views=45)
    PageViewDay.objects.create(portal=portal, path="/", day=date(2026, 12, 1), views=999)
    return portal


def test_the_report_counts_what_happened_in_the_period_only(november):
    report = reports.operations_report(november, reports.parse_period("2026-11"))
    assert report.published["Tin bài"] == 2
    assert (report.questions.received, report.questions.done, report.questions.on_time) == (2, 2, 1)
    assert report.questions.rate == 50
    assert (report.dossiers.received, report.dossiers.done, report.dossiers.on_time) == (2, 2, 1)
    assert report.visits == 345

    quarter = reports.operations_report(november, reports.parse_period("2026-Q4"))
    assert quarter.published["Tin bài"] == 3 and quarter.questions.received == 3
    assert quarter.visits == 1344


def test_periods_are_parsed_and_bad_ones_refused():
    assert reports.parse_period("2026-11").end == date(2026, 12, 1)
    assert reports.parse_period("2026-12").end == date(2027, 1, 1)
    assert reports.parse_period("2026-Q3").start == date(2026, 7, 1)
    assert reports.parse_period("2026").end == date(2027, 1, 1)
    for bad in ("2026-13", "2026-Q5", "tháng 11", ""):
        with pytest.raises(ValueError):
            reports.parse_period(bad)


def test_the_xlsx_export_has_the_same_figures(november, board, client):
    client.force_login(board["sotttt"]["administrator"])
    page = client.get("/admin/watch/reports/", {"portal": november.pk, "period": "2026-11"})
    assert page.status_code == 200 and "345" in page.content.decode()
    reply = client.get(
        "/admin/watch/reports/", {"portal": november.pk, "period": "2026-11", "format": "xlsx"}
    )
    sheet = openpyxl.load_workbook(io.BytesIO(reply.content)).active
    values = {r[0]: r[1] for r in sheet.iter_rows(values_only=True) if r and r[0]}
    assert values["Đăng mới: Tin bài"] == 2
    assert values["Lượt xem trang"] == 345
    assert values["Hồ sơ dịch vụ công: đúng hạn"] == 1
    bad = client.get("/admin/watch/reports/", {"period": "2026-13"})
    assert bad.status_code == 400 and "Kỳ báo cáo không hợp lệ" in bad.content.decode()


def test_the_monthly_report_is_mailed_once(november, settings):
    settings.EPORTAL_DEPARTMENT_EMAILS = ["stttt@example.gov.vn"]
    with clock.frozen_at(datetime(2026, 12, 2, 1, 0, tzinfo=UTC)):
        call_command("send-operations-report")
        call_command("send-operations-report")
    assert len(django_mail.outbox) == 1
    message = django_mail.outbox[0]
    assert "11/2026" in message.subject and message.to == ["stttt@example.gov.vn"]
    files = {name: (content, mimetype) for name, content, mimetype in message.attachments}
    xlsx_file, xlsx_type = files[f"bao-cao-van-hanh-{november.slug}-2026-11.xlsx"]
    assert xlsx_type.endswith("spreadsheetml.sheet")
    assert openpyxl.load_workbook(io.BytesIO(xlsx_file)).active["A1"].value.endswith(november.name)
    pdf_file, pdf_type = files[f"bao-cao-van-hanh-{november.slug}-2026-11.pdf"]
    assert pdf_type == "application/pdf" and november.name in _pdf_text(pdf_file)
    assert list(OperationsReportSent.objects.values_list("period", flat=True)) == ["2026-11"]


def _pdf_text(content: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def _assert_bars_drawable(html: str):
    """Every bar has SVG numbers (not the Vietnamese "161,5"), and the tallest
    bar (the two articles of November) has a height."""
    bars = re.findall(r'<rect x="([^"]*)" y="([^"]*)" width="([^"]*)" height="([^"]*)"', html)
    assert len(bars) == 6  # three types published, three on-time rates
    numbers = [[float(v) for v in bar] for bar in bars]
    assert max(h for _x, _y, _w, h in numbers[:3]) == 100.0
    assert "{#" not in html and "shared by the admin page" not in html


def test_the_pdf_carries_the_portal_and_the_figures_of_the_report(november):
    report = reports.operations_report(november, reports.parse_period("2026-11"))
    _assert_bars_drawable(reports.html(report))
    content = reports.pdf(report)

    assert content.startswith(b"%PDF-")
    text = " ".join(_pdf_text(content).split())
    assert november.name in text and "Tháng 11/2026" in text
    assert "Lượt xem trang 345" in text
    assert f"Đăng mới: Tin bài {report.published['Tin bài']}" in text
    assert f"Câu hỏi: tỷ lệ đúng hạn (%) {report.questions.rate}" in text
    assert f"Hồ sơ dịch vụ công: đúng hạn {report.dossiers.on_time}" in text
    # The charts are drawn too (their labels are text in the SVG).
    assert f"Tin bài: {report.published['Tin bài']}" in text
    assert f"Câu hỏi trả lời đúng hạn: {report.questions.rate}%" in text


DUMMY_QUEUE = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@override_settings(TASKS=DUMMY_QUEUE)
def test_the_pdf_button_queues_the_pdf_and_serves_it_once_the_worker_made_it(
    november, board, client
):
    client.force_login(board["sotttt"]["administrator"])
    page = client.get("/admin/watch/reports/", {"portal": november.pk, "period": "2026-11"})
    assert "format=pdf" in page.content.decode() and "Tải PDF" in page.content.decode()
    _assert_bars_drawable(page.content.decode())
    query = {"portal": november.pk, "period": "2026-11", "format": "pdf"}
    generated = sorted(Path(django_settings.EPORTAL_GENERATED_ROOT).rglob("*.pdf"))

    waiting = client.get("/admin/watch/reports/", query)

    # The request only queued the PDF: nothing was rendered while it waited.
    assert waiting.status_code == 202 and "Đang tạo tệp PDF" in waiting.content.decode()
    assert sorted(Path(django_settings.EPORTAL_GENERATED_ROOT).rglob("*.pdf")) == generated
    (queued,) = default_task_backend.results
    assert queued.task.name == "make_pdf"
    client.get("/admin/watch/reports/", query)  # a reload queues nothing more
    assert len(default_task_backend.results) == 1

    queued.task.call(*queued.args, **queued.kwargs)  # what the worker does
    ready = client.get("/admin/watch/reports/", query)

    assert ready.status_code == 200 and ready["Content-Type"] == "application/pdf"
    assert ready["Content-Disposition"].startswith("attachment;")
    assert f"bao-cao-van-hanh-{november.slug}-2026-11.pdf" in ready["Content-Disposition"]
    assert "Lượt xem trang 345" in " ".join(_pdf_text(ready.content).split())


def test_the_report_reads_in_english_for_english_staff(november):
    from django.utils import translation

    with translation.override("en"):
        report = reports.operations_report(november, reports.parse_period("2026-Q4"))
        figures = dict(report.rows())
        printed = reports.html(report)
        assert report.period.title == "Q4 2026"
    assert figures["Page views"] == 1344 and figures["Newly published: News articles"] == 3
    assert "E-PORTAL OPERATIONS REPORT" in printed and "Questions answered on time" in printed
