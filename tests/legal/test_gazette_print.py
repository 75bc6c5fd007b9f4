"""A Gazette issue has a print view and a PDF (Art. 3.2c), and its breadcrumb
starts at the home page."""

import pytest

from eportal.legal.models import GazetteEntry, GazetteIssue
from tests.sample_files import pdf_text


@pytest.fixture
def issue(import_text, province):
    regulation = import_text("05-2014-qd-ubnd.txt")
    issue = GazetteIssue(
        portal=province["main"], number="15", published_on="2014-07-10", note="Phát hành định kỳ."
    )
    issue.entries = [
        GazetteEntry(document=regulation, number="05/2014/QĐ-UBND", pages="3-18"),
        GazetteEntry(number="06/2014/QĐ-UBND", summary="Quy định mức thu học phí", pages="19-24"),
    ]
    issue.save()
    return issue


def crumbs(html: str) -> str:
    trail = html[html.index('class="breadcrumbs"') :]
    return trail[: trail.index("</nav>")]


@pytest.mark.django_db
def test_it_prints_the_issue_and_its_list_of_documents(client, issue):
    page = client.get(f"/van-ban/cong-bao/{issue.pk}/").text
    assert f'href="/van-ban/cong-bao/{issue.pk}/ban-in/"' in page
    assert f'href="/van-ban/cong-bao/{issue.pk}/ban-in/pdf/"' in page

    printed = client.get(f"/van-ban/cong-bao/{issue.pk}/ban-in/")

    assert printed.status_code == 200
    html = printed.text
    assert "<h1>Công báo số 15 ngày 10/07/2014</h1>" in html
    assert "05/2014/QĐ-UBND" in html and "Ban hành quy chế quản lý" in html
    assert "06/2014/QĐ-UBND" in html and "Quy định mức thu học phí" in html
    assert "19-24" in html and "Phát hành định kỳ." in html
    assert f"https://www.thaibinh.gov.vn/van-ban/cong-bao/{issue.pk}/" in html


@pytest.mark.django_db
def test_its_pdf_holds_the_issue_and_its_documents(client, issue):
    pdf = client.get(f"/van-ban/cong-bao/{issue.pk}/ban-in/pdf/")

    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert "cong-bao-so-15-2014-07-10.pdf" in pdf["Content-Disposition"]
    text = pdf_text(pdf.content)
    assert "Công báo số 15 ngày 10/07/2014" in text
    assert "05/2014/QĐ-UBND" in text and "Quy định mức thu học phí" in text


@pytest.mark.django_db
def test_an_issue_of_no_portal_here_has_no_print_view(client, issue):
    assert client.get("/van-ban/cong-bao/999999/ban-in/").status_code == 404
    assert client.get("/van-ban/cong-bao/999999/ban-in/pdf/").status_code == 404


@pytest.mark.django_db
def test_the_gazette_breadcrumb_starts_at_the_home_page(client, issue):
    listing = crumbs(client.get("/van-ban/cong-bao/").text)
    assert listing.index('href="/">Trang chủ') < listing.index('href="/van-ban/"')
    assert '<li aria-current="page">Công báo</li>' in listing

    trail = crumbs(client.get(f"/van-ban/cong-bao/{issue.pk}/").text)
    first = trail.index("<li>")
    assert trail[first:].startswith('<li><a href="/">Trang chủ</a></li>')
    assert trail.index('href="/van-ban/"') < trail.index('href="/van-ban/cong-bao/"')
    assert '<li aria-current="page">Công báo số 15 ngày 10/07/2014</li>' in trail
