"""The language switch leads to the page's translation when there is one, else
to the nearest section in that language with a notice: never to a 404."""

import re

from tests.online_services import make_procedure
from tests.translations.helpers import host, translate, translated_procedure


def _switch(html):
    return re.search(r'<nav class="lang"[^>]*><a href="([^"]+)"', html).group(1)


def test_it_leads_to_the_translation_and_back(client, province):
    page, translation = translated_procedure(province["sotttt"])
    site = page.get_site()

    vietnamese = client.get(page.relative_url(site), **host(page)).text
    assert _switch(vietnamese) == translation.relative_url(site)
    english = client.get(translation.relative_url(site), **host(page)).text
    assert _switch(english) == page.relative_url(site)


def test_without_a_translation_it_leads_to_the_english_section_with_a_notice(client, province):
    portal = province["sotttt"]
    translated_procedure(portal)  # the English procedures section exists
    lonely = make_procedure(portal, code="1.000002", title="Cấp giấy phép chưa dịch")

    html = client.get(lonely.relative_url(lonely.get_site()), **host(lonely)).text
    target = _switch(html)
    assert target == "/en/thu-tuc/?ban-dich=chua-co"
    landing = client.get(target, **host(lonely))
    assert landing.status_code == 200
    assert "This page has no English version yet" in landing.text


def test_without_any_english_page_it_leads_to_the_english_home(client, province):
    page = make_procedure(province["quynhphu"], code="1.000003", title="Thủ tục của huyện")
    home = page.get_site().root_page
    translate(home, title="Quynh Phu District e-Portal")

    target = _switch(client.get(page.relative_url(page.get_site()), **host(page)).text)
    assert target.startswith("/en/?ban-dich=chua-co") or target.endswith("?ban-dich=chua-co")
    assert client.get(target, **host(page)).status_code == 200


def test_a_view_that_is_not_a_page_keeps_its_path(client, province):
    hostname = {"HTTP_HOST": province["main"].site.hostname}
    assert _switch(client.get("/tim-kiem/?q=giay+phep", **hostname).text) == "/en/tim-kiem/"
    sign_in = client.get("/en/dich-vu-cong/tai-khoan/dang-nhap/", **hostname).text
    assert _switch(sign_in) == "/dich-vu-cong/tai-khoan/dang-nhap/"
    # A 404 does not lead to another 404 in the other language.
    missing = client.get("/khong-co-trang-nay/", **hostname)
    assert missing.status_code == 404
    assert _switch(missing.text) == "/en/?ban-dich=chua-co"
