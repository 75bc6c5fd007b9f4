"""The stack's smoke test (scripts/stack-smoke; not collected by pytest).

Run against a running `deploy/stack` with its environment: the anonymous
cache, the purge on a publication through the editorial workflow, the Q&A
form (CSRF, never cached) and a private file behind the permission check.
Exits non-zero at the first failure.
"""

import http.client
import os
import re
import sys
import time
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

PORT = int(os.environ.get("STACK_PORT", "8080"))
MAIN = "www.thaibinh.gov.vn"
PURGE_WITHIN = 2.0


class Response:
    def __init__(self, raw):
        self.status = raw.status
        self.headers = raw.headers
        self.body = raw.read().decode("utf-8", "replace")

    def header(self, name):
        return self.headers.get(name, "")


def fetch(path, *, host=MAIN, method="GET", cookies=None, form=None):
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
    headers = {"Host": host}
    if cookies:
        headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    body = None
    if form is not None:
        body = urlencode(form, doseq=True)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        headers["Referer"] = f"http://{host}{path}"
        headers["Origin"] = f"http://{host}"
    connection.request(method, path, body=body, headers=headers)
    response = Response(connection.getresponse())
    connection.close()
    if cookies is not None:
        for value in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(value).items():
                cookies[name] = morsel.value
    return response


def check(condition, message):
    if not condition:
        print(f"FAIL: {message}")
        sys.exit(1)
    print(f"ok   {message}")


class FormFields(HTMLParser):
    """The named fields of the forms of a page (first value of each)."""

    def __init__(self):
        super().__init__()
        self.fields = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("input", "textarea", "select") and attrs.get("name"):
            self.fields.setdefault(attrs["name"], attrs.get("value") or "")


def fields_of(html):
    parser = FormFields()
    parser.feed(html)
    return parser.fields


def django():
    import django as _django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "eportal.settings")
    # Wagtail's moderation notices to the demo board: not printed here.
    os.environ["EMAIL_BACKEND"] = "django.core.mail.backends.locmem.EmailBackend"
    _django.setup()


def cache_hits_counted():
    """Read nginx's traffic log as ``eportal watch-traffic`` does; return the
    views it added."""
    from django.conf import settings

    from eportal.watch import access_log

    return access_log.ingest(settings.EPORTAL_NGINX_TRAFFIC_LOG)[0]


def article_to_change():
    """A component portal's article that the main portal's news list shows."""
    from eportal.news import queries
    from eportal.portals.models import Portal

    main = Portal.objects.get(is_main=True)
    article = next(a for a in queries.latest_articles(main)[:10] if not a.portal.is_main)
    _site_id, _root, path = article.get_url_parts()
    return article, article.portal, path


def publish_new_title(article):
    """Change the article as its portal's contributor and take it through the
    portal's workflow as its editor and approver (the demo board)."""
    from django.contrib.auth import get_user_model

    users = get_user_model().objects
    portal = article.portal
    page = article.get_latest_revision_as_object()
    base = re.sub(r" \(cập nhật [0-9]+\)$", "", page.title)
    title = f"{base} (cập nhật {int(time.time())})"
    page.title = title
    contributor = users.get(username=f"{portal.slug}-ctv")
    page.save_revision(user=contributor)
    portal.workflow.start(page, contributor)
    for username in (f"{portal.slug}-btv", f"{portal.slug}-kiemduyet"):
        page.refresh_from_db()
        task_state = page.current_workflow_state.current_task_state
        task_state.task.specific.on_action(task_state, users.get(username=username), "approve")
    page.refresh_from_db()
    assert page.live and page.title == title, "the workflow did not publish the change"
    return title


def private_file():
    """A file of the demo citizen's dossier: its URL and its bytes."""
    from eportal.dossiers.models import DossierFile

    item = DossierFile.objects.select_related("dossier").order_by("pk").first()
    with item.file.open("rb") as handle:
        content = handle.read()
    return f"/dich-vu-cong/ho-so/{item.dossier.code}/tep/{item.pk}/", content


def main():
    started = time.monotonic()
    django()

    # 1. Anonymous pages come from the shared cache the second time.
    for path in ("/tin-tuc/", "/"):
        fetch(path)
        second = fetch(path)
        check(
            second.status == 200 and second.header("X-Cache-Status") == "HIT",
            f"{path} again: {second.status}, X-Cache-Status {second.header('X-Cache-Status')}"
            f", Cache-Control {second.header('Cache-Control')}",
        )

    # 1b. Those hits never reached Django: the traffic watch reads them from
    # nginx's log (written as each response ends: give it a moment).
    time.sleep(0.5)
    counted = cache_hits_counted()
    check(counted >= 2, f"the traffic watch counted {counted} cache hits from nginx's log")

    # 2. A publication through the workflow purges every list that shows it.
    article, portal, path = article_to_change()
    watched = [
        (MAIN, "/tin-tuc/", "the main portal's aggregated news"),
        (MAIN, "/", "the main portal's home"),
        (portal.site.hostname, path, "the article on its portal's host"),
        (portal.site.hostname, "/tin-tuc/", "its portal's news"),
        (f"127.0.0.1:{PORT}", f"/p/{portal.slug}{path}", "the article by /p/<slug>/"),
        (MAIN, "/feeds/tin-tuc/rss/", "the main portal's feed"),
    ]
    for host, url, label in watched:  # in the cache before the change
        fetch(url, host=host)
        cached = fetch(url, host=host).header("X-Cache-Status")
        check(cached == "HIT", f"{label} is in the cache: {cached}")
    title = publish_new_title(article)
    published = time.monotonic()
    pending = list(watched)
    seen = {}
    while pending and time.monotonic() - published < PURGE_WITHIN + 3:
        for item in list(pending):
            if title in fetch(item[1], host=item[0]).body:
                seen[item] = time.monotonic() - published
                pending.remove(item)
        time.sleep(0.05)
    for item in watched:
        elapsed = seen.get(item)
        check(
            elapsed is not None and elapsed <= PURGE_WITHIN,
            f"new title on {item[2]} ({item[0]}{item[1]}) after "
            + (f"{elapsed:.2f} s" if elapsed is not None else "more than 5 s"),
        )

    # 3. The Q&A form: a CSRF cookie, never a shared copy; the question is taken.
    cookies = {}
    form_page = fetch("/hoi-dap/gui-cau-hoi/", cookies=cookies)
    again = fetch("/hoi-dap/gui-cau-hoi/")
    check(
        form_page.status == 200
        and "csrftoken" in cookies
        and "private" in form_page.header("Cache-Control")
        and again.header("X-Cache-Status") != "HIT",
        f"Q&A form: Cache-Control {form_page.header('Cache-Control')}, anonymous again "
        f"X-Cache-Status {again.header('X-Cache-Status')}",
    )
    fields = fields_of(form_page.body)
    stamp = int(time.time())
    fields.update(
        name="Nguyễn Văn Kiểm Thử",
        email=f"smoke-{stamp}@example.com",
        title=f"Câu hỏi kiểm thử hệ thống {stamp}",
        body="Xin hỏi thủ tục cấp giấy phép xây dựng nhà ở riêng lẻ cần những giấy tờ gì?",
    )
    fields.pop("is_complaint", None)
    fields.pop("attachments", None)
    sent = fetch("/hoi-dap/gui-cau-hoi/", method="POST", cookies=cookies, form=fields)
    location = sent.header("Location")
    check(
        sent.status == 302 and "/hoi-dap/gui-cau-hoi/da-tiep-nhan/" in location,
        f"question submitted: {sent.status} → {location}",
    )
    received = fetch(urlsplit(location).path, cookies=cookies)
    check(
        received.status == 200 and received.header("X-Cache-Status") != "HIT",
        f"acknowledgement page: {received.status}, X-Cache-Status "
        f"{received.header('X-Cache-Status')}, Cache-Control {received.header('Cache-Control')}",
    )

    # 4. A private file: nobody without sign-in; the owner gets it from nginx.
    from eportal.demo.online_services import CITIZEN_EMAIL
    from eportal.demo.province import DEMO_PASSWORD

    url, content = private_file()
    anonymous = fetch(url)
    check(
        anonymous.status in (302, 403, 404) and content.decode("latin-1") not in anonymous.body,
        f"dossier file anonymously: {anonymous.status}",
    )
    direct = fetch("/_private/dossiers/")
    check(direct.status == 404, f"nginx's internal location from outside: {direct.status}")
    citizen = {}
    sign_in = "/dich-vu-cong/tai-khoan/dang-nhap/"
    login_fields = fields_of(fetch(sign_in, cookies=citizen).body)
    login_fields.update(email=CITIZEN_EMAIL, password=DEMO_PASSWORD)
    signed = fetch(sign_in, method="POST", cookies=citizen, form=login_fields)
    check(signed.status == 302 and "sessionid" in citizen, f"citizen signs in: {signed.status}")
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
    connection.request(
        "GET",
        url,
        headers={"Host": MAIN, "Cookie": "; ".join(f"{k}={v}" for k, v in citizen.items())},
    )
    raw = connection.getresponse()
    data = raw.read()
    check(
        raw.status == 200
        and data == content
        and not raw.getheader("X-Accel-Redirect")
        and "no-store" in (raw.getheader("Cache-Control") or ""),
        f"dossier file for its owner: {raw.status}, {len(data)} bytes, "
        f"Cache-Control {raw.getheader('Cache-Control')}",
    )
    print(f"smoke: all checks passed in {time.monotonic() - started:.1f} s")


if __name__ == "__main__":
    main()
