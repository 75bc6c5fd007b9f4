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
@pytest.mark.usefixtures("empty_database")
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


# The production environment of docs/deployment.md (secret and hosts aside).
PRODUCTION_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "x7Rk2pQ9vLm4Tz8Wc3Nh6Yb1Fd5Gs0Ja9Ue2Io7Kq4Mw6Xr3Pl8Vt1Zn5Bc0Hy",
    "EPORTAL_DOMAIN": "thaibinh.gov.vn",
    "ALLOWED_HOSTS": ".thaibinh.gov.vn",
    "BEHIND_TLS_PROXY": "1",
    "EPORTAL_HTTPS": "1",
    "EPORTAL_TRUSTED_PROXIES": "127.0.0.1,::1",
}


def _run_in_production(code):
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(PRODUCTION_ENV, DJANGO_SETTINGS_MODULE="eportal.settings")
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); " + code],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_documented_production_env_passes_check_deploy():
    result = _run_in_production(
        "from django.core.management import call_command; "
        "call_command('check', deploy=True, fail_level='WARNING')"
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_sends_hsts_and_redirects_http():
    result = _run_in_production(
        # Django's SecurityMiddleware alone: no database in this process.
        "from django.http import HttpResponse; "
        "from django.middleware.security import SecurityMiddleware; "
        "from django.test import RequestFactory; "
        "m = SecurityMiddleware(lambda request: HttpResponse()); "
        "f = RequestFactory(HTTP_HOST='www.thaibinh.gov.vn'); "
        "r = m(f.get('/', secure=True)); "
        "print(r.status_code, r.get('Strict-Transport-Security')); "
        "r = m(f.get('/tim-kiem/')); "
        "print(r.status_code, r.get('Location'))"
    )
    assert result.returncode == 0, result.stderr
    hsts, redirect = result.stdout.splitlines()[-2:]
    assert "max-age=31536000; includeSubDomains" in hsts
    assert redirect == "301 https://www.thaibinh.gov.vn/tim-kiem/"
