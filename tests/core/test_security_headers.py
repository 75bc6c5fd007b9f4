"""Security headers on every kind of public page and on the admin login, and no
inline script or event handler a Content-Security-Policy would block."""

from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command

from eportal.consultations.models import ConsultationPage
from eportal.legal.models import LegalDocumentIndexPage, LegalDocumentPage
from eportal.news.models import ArticlePage, NewsIndexPage
from eportal.portals.models import Portal
from eportal.procedures.models import ProcedurePage
from eportal.qa.models import QAIndexPage

pytestmark = pytest.mark.usefixtures("empty_database")


class _Scripts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.inline_scripts = []  # the nonce="" of each <script> without src
        self.handlers = []  # (tag, attribute) of each on*= attribute
        self.style_attributes = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and not attrs.get("src"):
            self.inline_scripts.append(attrs.get("nonce"))
        for name in attrs:
            if name.startswith("on"):
                self.handlers.append((tag, name))
        if "style" in attrs:
            self.style_attributes.append(tag)


def _directives(header):
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def _public_pages():
    main = Portal.objects.get(is_main=True)
    component = Portal.objects.filter(is_main=False).first()
    pages = {
        "trang chủ cổng chính": main.home_page.full_url,
        "trang chủ cổng thành phần": component.home_page.full_url,
        "tìm kiếm": main.home_page.full_url + "tim-kiem/?q=h%E1%BB%8Dc+ph%C3%AD",
    }
    for label, model in [
        ("danh sách tin", NewsIndexPage),
        ("bài viết", ArticlePage),
        ("danh sách văn bản", LegalDocumentIndexPage),
        ("văn bản", LegalDocumentPage),
        ("thủ tục", ProcedurePage),
        ("hỏi đáp", QAIndexPage),
        ("dự thảo lấy ý kiến", ConsultationPage),
    ]:
        page = model.objects.live().public().first()
        assert page is not None, f"the demo has no live {model.__name__}"
        pages[label] = page.full_url
    return pages


def _get(client, url):
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    return client.get(path, HTTP_HOST=parts.netloc)


@pytest.mark.django_db
def test_every_page_type_sends_the_headers_and_no_unnonced_inline_script(client):
    # One demo load for all page types: loading it costs most of the test.
    call_command("demo", verbosity=0)
    pages = _public_pages()
    login = Portal.objects.get(is_main=True).home_page.full_url.rstrip("/") + "/admin/login/"
    problems = []
    for label, url in [*pages.items(), ("đăng nhập quản trị", login)]:
        response = _get(client, url)
        if response.status_code != 200:
            problems.append(f"{label}: HTTP {response.status_code} at {url}")
            continue
        csp = _directives(response.get("Content-Security-Policy", ""))
        for directive, expected in [
            ("default-src", ["'self'"]),
            ("img-src", ["'self'", "data:"]),
            ("frame-ancestors", ["'self'"]),
            ("object-src", ["'none'"]),
            ("base-uri", ["'self'"]),
            ("form-action", ["'self'"]),
        ]:
            if csp.get(directive, [])[: len(expected)] != expected:
                problems.append(f"{label}: {directive} is {csp.get(directive)}")
        if response.get("Referrer-Policy") != "same-origin":
            problems.append(f"{label}: Referrer-Policy {response.get('Referrer-Policy')}")
        if "camera=()" not in response.get("Permissions-Policy", ""):
            problems.append(f"{label}: Permissions-Policy {response.get('Permissions-Policy')}")
        if response.get("X-Content-Type-Options") != "nosniff":
            problems.append(f"{label}: no X-Content-Type-Options: nosniff")

        parser = _Scripts()
        parser.feed(response.content.decode())
        if label == "đăng nhập quản trị":
            # Wagtail's own templates: the relaxed admin policy, never on public pages.
            if "'unsafe-inline'" not in csp.get("script-src", []):
                problems.append(f"{label}: script-src {csp.get('script-src')}")
            continue
        script_src = csp.get("script-src", [])
        if script_src[:1] != ["'self'"] or "'unsafe-inline'" in script_src:
            problems.append(f"{label}: script-src {script_src}")
        if csp.get("style-src") != ["'self'"]:
            problems.append(f"{label}: style-src {csp.get('style-src')}")
        for nonce in parser.inline_scripts:
            if not nonce or f"'nonce-{nonce}'" not in script_src:
                problems.append(f"{label}: an inline <script> without the page's nonce")
        if parser.handlers:
            problems.append(f"{label}: inline event handlers {parser.handlers}")
        if parser.style_attributes:
            problems.append(f"{label}: style= attributes on {parser.style_attributes}")
    assert not problems, "\n".join(problems)

    # The JSON-LD of a legal document is the one inline block, and it has the nonce.
    response = _get(client, pages["văn bản"])
    parser = _Scripts()
    parser.feed(response.content.decode())
    nonces = [n for n in parser.inline_scripts if n]
    assert nonces, "the JSON-LD block is missing"
    assert f"'nonce-{nonces[0]}'" in response["Content-Security-Policy"]
