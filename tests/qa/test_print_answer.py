"""A published answer has a print view and a PDF (Art. 3.2c), never with the
asker's name or contact details."""

from django.utils.timezone import localtime

from eportal.qa import services
from tests.core.test_frontend_cache import purged  # noqa: F401 (fixture)
from tests.sample_files import pdf_text

PRIVATE = ("Trần Thị Bình", "binh@example.org", "0912 000 111", "Số 5 phố Lê Lợi")


def test_it_prints_the_question_the_answer_the_agency_and_the_dates(client, answered, qa):
    question = answered(
        "sotttt", "sotttt", publish=True, phone="0912 000 111", address="Số 5 phố Lê Lợi"
    )
    page = client.get(f"/p/sotttt/hoi-dap/tra-loi/{question.code}/").text
    assert f'href="/p/sotttt/hoi-dap/tra-loi/{question.code}/ban-in/"' in page
    assert f'href="/p/sotttt/hoi-dap/tra-loi/{question.code}/ban-in/pdf/"' in page

    printed = client.get(f"/p/sotttt/hoi-dap/tra-loi/{question.code}/ban-in/")

    assert printed.status_code == 200
    html = printed.text
    assert f"<h1>{question.title}</h1>" in html
    assert question.body in html and question.answer in html
    assert qa["sotttt"].agency.name in html
    assert f"Ngày hỏi: {localtime(question.received_at):%d/%m/%Y}" in html
    assert f"Ngày trả lời: {localtime(question.answered_at):%d/%m/%Y}" in html
    assert f"https://sotttt.thaibinh.gov.vn/hoi-dap/tra-loi/{question.code}/" in html
    assert not [value for value in PRIVATE if value in html]


def test_its_pdf_holds_the_answer_and_no_personal_data(client, answered):
    question = answered("sotttt", "sotttt", publish=True, phone="0912 000 111")

    pdf = client.get(f"/p/sotttt/hoi-dap/tra-loi/{question.code}/ban-in/pdf/")

    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert f"hoi-dap-{question.code.lower()}.pdf" in pdf["Content-Disposition"]
    text = pdf_text(pdf.content)
    assert question.title in text and "Hồ sơ gồm đơn đề nghị" in text
    assert not [value for value in PRIVATE if value in text]


def test_an_unpublished_answer_has_no_print_view_or_pdf(client, answered):
    question = answered("sotttt", "sotttt")
    assert client.get(f"/p/sotttt/hoi-dap/tra-loi/{question.code}/ban-in/").status_code == 404
    assert client.get(f"/p/sotttt/hoi-dap/tra-loi/{question.code}/ban-in/pdf/").status_code == 404


def test_the_answers_breadcrumb_leads_from_the_home_page_to_the_answer(client, answered):
    question = answered("sotttt", "sotttt", publish=True)
    html = client.get(f"/p/sotttt/hoi-dap/tra-loi/{question.code}/").text
    trail = html[html.index('class="breadcrumbs"') :]
    trail = trail[: trail.index("</nav>")]
    assert trail.index("Trang chủ") < trail.index('href="/p/sotttt/hoi-dap/"')
    assert f'<li aria-current="page">{question.title}</li>' in trail


def test_withdrawing_an_answer_purges_its_print_view_and_pdf(
    answered,
    board,
    qa,
    purged,  # noqa: F811 (the fixture imported above)
    django_capture_on_commit_callbacks,
):
    question = answered("sotttt", "sotttt", publish=True)
    own = qa["sotttt"].site.root_url
    purged.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.set_published(question, False, by=board["sotttt"]["approver"])

    answer = f"{own}/hoi-dap/tra-loi/{question.code}/"
    assert {answer, f"{answer}ban-in/", f"{answer}ban-in/pdf/"} <= set(purged)
