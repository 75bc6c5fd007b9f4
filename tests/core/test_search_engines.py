"""Search engines find their way: /robots.txt names the portal's sitemap and
keeps crawlers out of the admin, and every page says what it is about in a
<meta name="description"> (Lighthouse's SEO audit, tests/e2e/test_lighthouse.py)."""

import re

from eportal.news.models import ArticlePage
from eportal.procedures.models import ProcedurePage


def _description(html):
    return re.search(r'<meta name="description" content="([^"]*)">', html).group(1)


def test_it_serves_a_robots_txt_that_names_the_sitemap(client, province):
    response = client.get("/robots.txt", HTTP_HOST="localhost")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines == ["User-agent: *", "Disallow: /admin/", "Sitemap: http://localhost/sitemap.xml"]


def test_a_portal_home_without_a_description_is_described_by_its_name(client, province):
    html = client.get("/p/sotttt/").content.decode()
    assert _description(html).startswith(f"{province['sotttt'].name}: tin tức")


def test_a_page_is_described_by_what_its_editors_wrote_first(db):
    article = ArticlePage(title="Hội nghị", summary="Tỉnh tổng kết  năm\nchuyển đổi số.")
    assert article.meta_description == "Tỉnh tổng kết năm chuyển đổi số."
    article.search_description = "Tổng kết chuyển đổi số"
    assert article.meta_description == "Tổng kết chuyển đổi số"


def test_a_procedure_is_described_by_the_sentences_a_search_result_quotes(db):
    procedure = ProcedurePage(
        title="Cấp giấy phép bưu chính",
        code="1.004",
        sector="Bưu chính",
        applicant="Doanh nghiệp",
        processing_days=10,
        result="Giấy phép",
        steps="Nộp hồ sơ",
    )
    assert procedure.meta_description.startswith("Lĩnh vực Bưu chính, mã thủ tục 1.004.")
    assert len(ArticlePage(title="x", summary="chữ " * 200).meta_description) <= 300
