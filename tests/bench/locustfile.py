"""Citizens of the demo province against the stack (deploy/stack), for locust.

Not collected by pytest and not part of ``make test``: ``tests/bench/load.py``
starts the stack, writes the targets (the URLs of the demo's pages, found in
the database) and runs this file headless. Locust is not one of the project's
dependencies; install it apart from the locked environment::

    python3 -m venv .venv-bench && .venv-bench/bin/pip install locust

Run by hand against a running stack (targets from ``load.py --targets-only``)::

    EPORTAL_BENCH_TARGETS=var/bench/targets.json EPORTAL_BENCH_OUT=var/bench \\
      .venv-bench/bin/locust -f tests/bench/locustfile.py --headless -u 20 -r 5 -t 30s \\
      --host http://127.0.0.1:8180

Four kinds of visitor, each with an address of its own in ``X-Forwarded-For``
(nginx appends 127.0.0.1 after it; the stack trusts 127.0.0.1 and so counts
its rate limits per simulated citizen, as it would per real one):

- readers (anonymous, no cookies: the pages nginx may serve from its cache),
- searchers (``/tim-kiem/?q=`` with Vietnamese words; never cached),
- askers (the Q&A form with its CSRF cookie, then the acknowledgement),
- citizens (the demo citizen signed in: a dossier sent online, their list).

Every request is written to ``requests-<pid>.jsonl`` (class, time, status,
``X-Cache-Status``), every acknowledged submission to ``acks-<pid>.jsonl``
(its tracking code): load.py reads them for the figures and compares the
codes with the database's rows.
"""

import itertools
import json
import os
import random
import re
import threading
import time
from html.parser import HTMLParser
from urllib.parse import urlsplit

from locust import HttpUser, between, events, task

TARGETS = json.load(open(os.environ["EPORTAL_BENCH_TARGETS"], encoding="utf-8"))
OUT = os.environ.get("EPORTAL_BENCH_OUT", ".")
MAIN = TARGETS["main_host"]

SEARCH_WORDS = [
    "thủ tục",
    "giấy phép xây dựng",
    "đất đai",
    "quyết định",
    "doanh nghiệp",
    "bưu chính",
    "hợp tác xã",
    "nông nghiệp",
    "giáo dục",
    "y tế",
    "Thái Bình",
    "quy hoạch",
    "thue dat",  # without accents: the search folds them
    "công chức",
    "lễ hội",
]

_lock = threading.Lock()
_files = {}
_addresses = itertools.count(1)


def _write(kind, record):
    with _lock:
        handle = _files.get(kind)
        if handle is None:
            handle = _files[kind] = open(
                os.path.join(OUT, f"{kind}-{os.getpid()}.jsonl"), "a", encoding="utf-8"
            )
        handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        handle.flush()


@events.request.add_listener
def _record(request_type, name, response_time, response_length, response, exception, **_kw):
    status = getattr(response, "status_code", 0) or 0
    headers = getattr(response, "headers", None) or {}
    _write(
        "requests",
        {
            "t": time.time(),
            "name": name,
            "ms": round(response_time, 1),
            "status": status,
            "cache": headers.get("X-Cache-Status", ""),
            "error": str(exception)[:200] if exception else "",
        },
    )


@events.quitting.add_listener
def _close(**_kw):
    with _lock:
        for handle in _files.values():
            handle.close()
        _files.clear()


class FormFields(HTMLParser):
    """The named fields of the forms of a page (first value of each), as a browser sends them."""

    def __init__(self):
        super().__init__()
        self.fields = {}
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "select":
            self._select = name
        if tag == "option" and self._select:
            value = attrs.get("value")
            if value:  # the first real choice, not the "—" placeholder
                self.fields.setdefault(self._select, value)
            return
        if tag in ("input", "textarea") and name:
            if attrs.get("type") in ("checkbox", "radio", "file", "submit"):
                return
            self.fields.setdefault(name, attrs.get("value") or "")

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


def fields_of(html):
    parser = FormFields()
    parser.feed(html)
    return parser.fields


def new_address():
    """A private address of its own (10.x.y.z from a counter, unique within a
    locust process; 10.250.… is load.py's check) for one simulated citizen."""
    n = next(_addresses) + (os.getpid() % 64) * 200_000
    return f"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}"


class Citizen(HttpUser):
    abstract = True
    wait_time = between(1, 5)

    def on_start(self):
        self.address = new_address()

    def get(self, path, *, name, host=MAIN, **kwargs):
        headers = {"Host": host, "X-Forwarded-For": self.address} | kwargs.pop("headers", {})
        return self.client.get(path, name=name, headers=headers, **kwargs)

    def post(self, path, *, name, host=MAIN, **kwargs):
        headers = {
            "Host": host,
            "X-Forwarded-For": self.address,
            "Referer": f"http://{host}{path}",
            "Origin": f"http://{host}",
        } | kwargs.pop("headers", {})
        return self.client.post(path, name=name, headers=headers, **kwargs)

    def read_page(self, kind):
        if kind == "article":
            target = random.choice(TARGETS["articles"])
            self.get(target["path"], host=target["host"], name="page:article")
        elif kind == "legal":
            self.get(random.choice(TARGETS["legal"]), name="page:legal")
        elif kind == "procedure":
            target = random.choice(TARGETS["procedures"])
            self.get(target["path"], host=target["host"], name="page:procedure")
        else:
            self.get(TARGETS["lists"][kind], name=f"page:{kind}")


class Reader(Citizen):
    """Anonymous: home, news, articles, legal documents, procedures (nginx's cache)."""

    weight = 70

    @task(3)
    def home(self):
        self.client.cookies.clear()
        self.read_page("home")

    @task(3)
    def news(self):
        self.client.cookies.clear()
        self.read_page("news")
        self.read_page("article")

    @task(4)
    def article(self):
        self.client.cookies.clear()
        self.read_page("article")

    @task(2)
    def legal(self):
        self.client.cookies.clear()
        self.read_page("legal_list")
        self.read_page("legal")

    @task(2)
    def procedures(self):
        self.client.cookies.clear()
        self.read_page("procedure_list")
        self.read_page("procedure")


class Searcher(Citizen):
    weight = 15

    @task
    def search(self):
        self.client.cookies.clear()
        self.get("/tim-kiem/", params={"q": random.choice(SEARCH_WORDS)}, name="search")


class Asker(Citizen):
    """The Q&A form: a CSRF cookie, a question, the acknowledgement with its code."""

    weight = 10
    wait_time = between(5, 15)

    @task
    def ask(self):
        # Each question from another citizen: one asking every few seconds
        # from one address for minutes is what the rate limit is there to stop.
        self.address = new_address()
        self.client.cookies.clear()
        ask = TARGETS["qa_ask"]
        self.read_page("home")
        form_page = self.get(ask, name="qa:form")
        if form_page.status_code != 200:
            return
        fields = fields_of(form_page.text)
        stamp = f"{self.address}-{time.time_ns()}"
        fields.update(
            name="Trần Thị Tải Thử",
            email=f"load-{stamp.replace('.', '-')}@example.com",
            title=f"Câu hỏi kiểm tra tải {stamp}",
            body="Xin hỏi thủ tục cấp giấy phép xây dựng nhà ở riêng lẻ cần những giấy tờ gì?",
        )
        fields.pop("is_complaint", None)
        fields.pop("attachments", None)
        fields.pop("website", None)
        fields["website"] = ""
        with self.post(
            ask, name="qa:submit", data=fields, allow_redirects=False, catch_response=True
        ) as sent:
            location = urlsplit(sent.headers.get("Location", "")).path
            match = re.search(r"/da-tiep-nhan/([^/]+)/", location)
            if sent.status_code == 302 and match:
                _write("acks", {"kind": "question", "code": match.group(1), "t": time.time()})
                sent.success()
            else:
                sent.failure(f"question not taken: {sent.status_code} {location}")
                return
        self.get(location, name="qa:received")


class DossierCitizen(Citizen):
    """The demo citizen signed in: a dossier sent online in one step, then their list."""

    weight = 5
    wait_time = between(5, 15)

    def on_start(self):
        super().on_start()
        self.signed_in = False
        # Signed in on the portal of the procedure (the session cookie is the host's).
        self.target = random.choice(TARGETS["dossier_forms"])

    def sign_in(self):
        citizen = TARGETS["citizen"]
        host = self.target["host"]
        page = self.get(citizen["sign_in"], host=host, name="citizen:sign-in-form")
        if page.status_code != 200:
            return
        fields = fields_of(page.text)
        fields.update(email=citizen["email"], password=citizen["password"])
        with self.post(
            citizen["sign_in"],
            host=host,
            name="citizen:sign-in",
            data=fields,
            allow_redirects=False,
            catch_response=True,
        ) as signed:
            if signed.status_code == 302 and self.client.cookies.get("sessionid"):
                self.signed_in = True
                signed.success()
            else:
                signed.failure(f"citizen not signed in: {signed.status_code}")

    @task
    def submit_dossier(self):
        if not self.signed_in:
            self.client.cookies.clear()
            self.sign_in()
            if not self.signed_in:
                return
        target = self.target
        form_page = self.get(
            target["path"], host=target["host"], name="dossier:form", allow_redirects=False
        )
        if form_page.status_code != 200 or "submission_key" not in form_page.text:
            # Signed out (a session lost): sign in again next time.
            self.signed_in = False
            return
        fields = fields_of(form_page.text)
        values = iter(target["answers"])
        for name in sorted(f for f in fields if f.startswith("field_")):
            if not fields[name]:
                fields[name] = next(values, "Trực tiếp")
        fields["cam_doan"] = "1"
        pdf = TARGETS["pdf"].encode("latin-1")
        files = [
            (f"component_{index}", (f"tep-{index}.pdf", pdf, "application/pdf"))
            for index in range(target["components"])
        ]
        with self.post(
            target["path"],
            host=target["host"],
            name="dossier:submit",
            data=fields,
            files=files,
            allow_redirects=False,
            catch_response=True,
        ) as sent:
            location = urlsplit(sent.headers.get("Location", "")).path
            match = re.search(r"/dich-vu-cong/ho-so/([^/]+)/$", location)
            if sent.status_code == 302 and match:
                _write("acks", {"kind": "dossier", "code": match.group(1), "t": time.time()})
                sent.success()
            else:
                sent.failure(f"dossier not taken: {sent.status_code} {location}")
                return
        self.get(location, host=target["host"], name="dossier:detail")
        self.get("/dich-vu-cong/ho-so/", host=target["host"], name="dossier:mine")
