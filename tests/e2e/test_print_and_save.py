"""Print and save (Art. 3.2c): a citizen prints an answered question and saves
it as PDF, opens a Gazette issue from its breadcrumb's home page and prints it,
and downloads a legal document's original."""

from eportal.demo.qa import ASKER
from eportal.qa.models import Question
from tests.e2e.conftest import axe_violations

ANSWER = "Thủ tục cấp phép thiết lập trang thông tin điện tử tổng hợp"

# Fetched by the page itself, as the browser follows the link: the portal's
# host resolves to the test server only inside the browser.
FETCH = """async a => {
  const r = await fetch(a.href);
  const start = new Uint8Array(await r.arrayBuffer()).slice(0, 5);
  return {url: a.href, status: r.status, type: r.headers.get("content-type"),
          start: String.fromCharCode(...start)};
}"""


def follow(link) -> dict:
    return link.evaluate(FETCH)


def test_a_citizen_prints_an_answer_and_saves_it_as_pdf(page, demo, port):
    base = f"http://sotttt.thaibinh.gov.vn:{port}"
    code = Question.objects.get(title=ANSWER).code
    page.goto(f"{base}/hoi-dap/")
    page.get_by_role("link", name=ANSWER).first.click()
    assert page.locator("h1").inner_text() == ANSWER
    assert axe_violations(page) == []

    page.get_by_role("link", name="Bản in", exact=True).click()
    assert page.url == f"{base}/hoi-dap/tra-loi/{code}/ban-in/"
    assert page.locator("h1").inner_text() == ANSWER
    printed = page.locator("main").inner_text()
    assert "Sở Thông tin và Truyền thông" in printed and "Nghị định 147/2024/NĐ-CP" in printed
    assert not [value for value in ASKER.values() if value in printed]

    pdf = follow(page.get_by_role("link", name="Tải bản PDF"))
    assert pdf["url"] == f"{base}/hoi-dap/tra-loi/{code}/ban-in/pdf/"
    assert pdf["status"] == 200 and pdf["type"] == "application/pdf"
    assert pdf["start"] == "%PDF-"


def test_a_citizen_opens_a_gazette_issue_and_prints_it(page, demo, port):
    base = f"http://127.0.0.1:{port}"
    page.goto(f"{base}/van-ban/cong-bao/")
    page.get_by_role("link", name="Công báo số 15 ngày 10/07/2014").click()
    crumbs = page.get_by_role("navigation", name="Đường dẫn").get_by_role("link")
    assert crumbs.all_inner_texts() == ["Trang chủ", "Văn bản pháp luật", "Công báo"]
    assert axe_violations(page) == []

    page.get_by_role("link", name="Bản in", exact=True).click()
    assert page.locator("h1").inner_text() == "Công báo số 15 ngày 10/07/2014"
    table = page.locator("table").inner_text()
    assert "05/2014/QĐ-UBND" in table and "06/2014/QĐ-UBND" in table

    pdf = follow(page.get_by_role("link", name="Tải bản PDF"))
    assert pdf["status"] == 200 and pdf["start"] == "%PDF-"

    page.goto(f"{base}/van-ban/cong-bao/")
    page.get_by_role("navigation", name="Đường dẫn").get_by_role("link", name="Trang chủ").click()
    assert page.url == f"{base}/"


def test_a_citizen_downloads_a_legal_documents_original(page, demo, port):
    page.goto(f"http://127.0.0.1:{port}/van-ban/05-2014-qd-ubnd/")
    link = page.get_by_role("link", name="Văn bản gốc 05/2014/QĐ-UBND")
    with page.expect_download() as started:
        link.click()
    download = started.value
    assert download.suggested_filename.endswith(".pdf")
    with open(download.path(), "rb") as saved:
        assert saved.read(5) == b"%PDF-"
