"""The document page: every field, relations both ways, outline, metadata, print view."""

import json
import re

import pytest

from eportal.legal.models import GazetteEntry, GazetteIssue


@pytest.fixture
def pages(import_text):
    return {
        "old": import_text("12-2009-qd-ubnd.txt"),
        "decree": import_text("43-2011-nd-cp.txt"),
        "regulation": import_text("05-2014-qd-ubnd.txt"),
    }


def json_ld(html):
    match = re.search(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


@pytest.mark.django_db
def test_it_shows_every_field_and_the_relations_both_ways(client, pages):
    html = client.get("/van-ban/05-2014-qd-ubnd/").content.decode()
    for value in (
        "Quyết định 05/2014/QĐ-UBND",
        "Ủy ban nhân dân tỉnh Thái Bình",
        "26/06/2014",
        "06/07/2014",
        "có hiệu lực thi hành sau 10 ngày kể từ ngày ký",
        "Phạm Văn Xuyên",
        "Công nghệ thông tin",
        "Còn hiệu lực",
    ):
        assert value in html, value
    # Based on a decree in the database (a link) and on a law that is not (text).
    assert 'href="/van-ban/43-2011-nd-cp/">Nghị định 43/2011/NĐ-CP</a>' in html
    assert "Căn cứ:</span> Luật Giao dịch điện tử ngày 29/11/2005" in html
    assert 'Thay thế:</span> <a href="/van-ban/12-2009-qd-ubnd/">' in html

    decree_html = client.get("/van-ban/43-2011-nd-cp/").content.decode()
    assert 'Là căn cứ của:</span> <a href="/van-ban/05-2014-qd-ubnd/">' in decree_html


@pytest.mark.django_db
def test_a_replaced_document_says_by_which_and_since_when(client, pages):
    html = client.get("/van-ban/12-2009-qd-ubnd/").content.decode()
    assert "Văn bản này đã hết hiệu lực." in html
    assert 'Được thay thế bởi <a href="/van-ban/05-2014-qd-ubnd/">' in html
    assert "từ ngày 06/07/2014" in html
    assert "Bị thay thế bởi:" in html


@pytest.mark.django_db
def test_it_shows_the_full_text_with_an_article_outline_and_a_print_view(client, pages):
    html = client.get("/van-ban/05-2014-qd-ubnd/").content.decode()
    assert '<a href="#van-ban-kem-1-chuong-2">Chương II. Tổ chức quản lý và vận hành</a>' in html
    assert '<a href="#van-ban-kem-1-dieu-12">Điều 12. Thời hạn cập nhật thông tin</a>' in html
    assert 'id="van-ban-kem-1-dieu-12"' in html
    assert '<p class="legal-point">a) Tổ chức thu thập' in html
    response = client.get("/van-ban/05-2014-qd-ubnd/ban-in/")
    printed = response.content.decode()
    assert response.status_code == 200
    assert "Phạm Văn Xuyên" in printed and "Điều 25." in printed and "Nguồn" in printed


@pytest.mark.django_db
def test_it_carries_dublin_core_and_legislation_json_ld(client, pages):
    html = client.get("/van-ban/05-2014-qd-ubnd/").content.decode()
    assert '<meta name="DC.identifier" content="05/2014/QĐ-UBND">' in html
    assert '<meta name="DC.date" content="2014-06-26">' in html
    assert '<meta name="DC.creator" content="Ủy ban nhân dân tỉnh Thái Bình">' in html
    data = json_ld(html)
    assert data["@type"] == "Legislation"
    assert data["legislationIdentifier"] == "05/2014/QĐ-UBND"
    assert data["legislationDate"] == "2014-06-26"
    assert data["legislationDateOfApplicability"] == "2014-07-06"
    assert data["legislationPassedBy"]["name"] == "Ủy ban nhân dân tỉnh Thái Bình"
    assert data["legislationLegalForce"] == "https://schema.org/InForce"
    assert {"@type": "Legislation", "name": "Luật Giao dịch điện tử ngày 29/11/2005"} in data[
        "isBasedOn"
    ]
    assert data["legislationRepeals"][0]["legislationIdentifier"] == "12/2009/QĐ-UBND"
    old = json_ld(client.get("/van-ban/12-2009-qd-ubnd/").content.decode())
    assert old["legislationLegalForce"] == "https://schema.org/NotInForce"


@pytest.mark.django_db
def test_the_gazette_lists_its_issues_and_their_documents(client, pages, province):
    issue = GazetteIssue(portal=province["main"], number="15", published_on="2014-07-10")
    issue.entries = [
        GazetteEntry(document=pages["regulation"], number="05/2014/QĐ-UBND", pages="3-18"),
        GazetteEntry(number="06/2014/QĐ-UBND", summary="Quy định mức thu học phí"),
    ]
    issue.save()
    html = client.get("/van-ban/cong-bao/").content.decode()
    assert "Công báo số 15 ngày 10/07/2014" in html
    html = client.get(f"/van-ban/cong-bao/{issue.pk}/").content.decode()
    assert '<a href="/van-ban/05-2014-qd-ubnd/">05/2014/QĐ-UBND</a>' in html
    assert "Quy định mức thu học phí" in html
    assert "Ban hành quy chế quản lý" in html
    assert client.get("/van-ban/cong-bao/999999/").status_code == 404
    assert client.get("/van-ban/cong-bao/?page=99").status_code == 200
    doc_html = client.get("/van-ban/05-2014-qd-ubnd/").content.decode()
    assert "Đăng Công báo" in doc_html
