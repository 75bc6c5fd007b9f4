"""Browser tests: Playwright for Python driving Debian's Chromium against the
live test server. Never downloads a browser."""

import os
from pathlib import Path
from types import SimpleNamespace

import pytest

# The journeys share the demo province, not the unit tests' one: take back
# pytest-django's own database set-up, which tests/conftest.py extends.
from pytest_django.fixtures import django_db_setup  # noqa: F401

# Playwright's sync API runs an event loop in this thread; the ORM calls made
# by fixtures here are plain synchronous test set-up.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("EPORTAL_CHROMIUM", "/usr/bin/chromium")
AXE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Every portal host of the demo province resolves to the test server.
    "--host-resolver-rules=MAP *.thaibinh.gov.vn 127.0.0.1, MAP thaibinh.gov.vn 127.0.0.1",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


# What Chromium's console said against the Content-Security-Policy, in any
# context of any test (see _watch_csp and _no_csp_violation).
_CSP_VIOLATIONS = []


def _watch_csp(context):
    def record(message):
        if "Content Security Policy" in message.text or message.text.startswith("Refused to"):
            url = message.page.url if message.page else "?"
            _CSP_VIOLATIONS.append(f"{url}: {message.text}")

    context.on("console", record)
    return context


@pytest.fixture(autouse=True)
def _no_csp_violation():
    """Every journey fails on a Content-Security-Policy violation in its pages."""
    start = len(_CSP_VIOLATIONS)
    yield
    found = _CSP_VIOLATIONS[start:]
    if found:
        pytest.fail("Content-Security-Policy violations:\n" + "\n".join(found))


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/ensure-system-packages (make test does).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        # Every context a test opens (the page fixture's or its own) is watched.
        new_context = browser.new_context
        browser.new_context = lambda *args, **kwargs: _watch_csp(new_context(*args, **kwargs))
        yield browser
        browser.close()


def _window(browser, width, height):
    context = browser.new_context(locale="vi-VN", viewport={"width": width, "height": height})
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page


@pytest.fixture
def page(browser):
    """A phone-sized window (what most citizens use)."""
    page = _window(browser, 390, 844)
    yield page
    page.context.close()


@pytest.fixture
def desk(browser):
    """A desktop-sized window, so that the admin menu is laid out in full."""
    page = _window(browser, 1280, 900)
    yield page
    page.context.close()


@pytest.fixture(scope="session")
def e2e_site(django_db_setup, django_db_blocker):  # noqa: F811 (the fixture above)
    """The demo province, loaded once, served by an in-process live server.

    Loading the demo for every test would cost most of the run: the browser
    journeys share one demo database instead. They run in their own pytest
    process (see the Makefile), so the committed demo data never reaches the
    unit tests; each journey creates what it changes under names of its own
    and must not count on an otherwise empty table.
    """
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.db import connections
    from django.test.testcases import LiveServerThread

    from eportal.demo.province import load_demo

    with django_db_blocker.unblock():
        report = load_demo()
        overrides = {}
        for conn in connections.all():
            # The in-memory SQLite test database is shared with the server thread.
            if conn.vendor == "sqlite" and conn.is_in_memory_db():
                overrides[conn.alias] = conn
        thread = LiveServerThread("127.0.0.1", StaticFilesHandler, connections_override=overrides)
        thread.daemon = True
        for conn in overrides.values():
            conn.inc_thread_sharing()
        thread.start()
        thread.is_ready.wait()
        if thread.error:
            raise thread.error
        try:
            yield SimpleNamespace(
                url=f"http://127.0.0.1:{thread.port}", port=thread.port, report=report
            )
        finally:
            thread.terminate()
            for conn in overrides.values():
                conn.dec_thread_sharing()
            _end_request_threads_sessions(connections["default"])


def _end_request_threads_sessions(connection):
    """The live server answers each browser connection in a daemon thread that
    closes its database session only when the browser's keep-alive socket
    closes, which may come after the server stopped: end those sessions of
    this test database, or PostgreSQL refuses to drop it."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )


@pytest.fixture(autouse=True)
def _e2e_database(live_server, django_db_blocker):
    """Let journeys read and prepare data in the shared demo database.

    Naming ``live_server`` here is what tells pytest-django, when it collects
    the tests, to create the test database: without it the journeys would
    run against the database named in the settings.
    """
    with django_db_blocker.unblock():
        yield


@pytest.fixture(autouse=True)
def _live_server_helper():
    """Replace pytest-django's helper, which would empty the database after
    each test that names ``live_server``: the demo database is shared."""
    yield


@pytest.fixture
def live_server(e2e_site):
    return e2e_site


@pytest.fixture
def demo(e2e_site):
    return e2e_site.report


@pytest.fixture
def port(e2e_site):
    return e2e_site.port


def axe_violations(page, impacts=("serious", "critical")):
    """Run axe-core in the page and return the violations of the given impacts."""
    # Evaluated, not added as a <script>: the page's Content-Security-Policy
    # refuses inline scripts, and does not apply to what the test evaluates.
    page.evaluate(AXE.read_text(encoding="utf-8"))
    # Colours are measured as painted: a message still fading in (Wagtail's
    # admin messages take 0.5 s) would fail the contrast check half-way.
    page.wait_for_function(
        "() => document.getAnimations().every(a => a.playState !== 'running'"
        " || a.effect?.getTiming().iterations === Infinity)",
        timeout=5000,
    )
    violations = page.evaluate("async () => (await axe.run(document)).violations")
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in violations
        if v["impact"] in impacts
    ]


def demo_code(username, at=None):
    """The current TOTP code of a demo account (its secret is derived from the
    username: eportal/portals/two_factor.py)."""
    import time

    from django_otp.oath import TOTP

    from eportal.portals.two_factor import demo_secret

    totp = TOTP(demo_secret(username))
    totp.time = time.time() if at is None else at
    return f"{totp.token():06d}"


# Each account's session cookies once it has signed in: a journey that needs
# the same board member again starts from them instead of the two sign-in
# steps (whose code a second sign-in within 30 s could not reuse).
_SESSIONS: dict[tuple[int, str], list] = {}


def _unused_step(username) -> int:
    """The TOTP time step whose code the account's device will take now: a
    code is good once (django-otp keeps the last step used), and the device
    accepts the next step's too (one step of drift); wait if both are used."""
    import time

    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user__username=username, confirmed=True).first()
    now = int(time.time()) // 30
    step = max(now, device.last_t + 1) if device is not None else now
    if step > now + 1:
        time.sleep((step - 1) * 30 - time.time() + 0.5)
    return step


def sign_in(page, port, username, password=None, *, fresh=False):
    """Sign a demo account in to /admin/ as a person does: password, then the
    six-digit code of its authenticator app. An account signed in before in
    this run gets its session back (unless ``fresh``, or the session ended)."""
    from eportal.demo.province import DEMO_PASSWORD

    cookies = None if fresh or password else _SESSIONS.get((port, username))
    if cookies:
        page.context.add_cookies(cookies)
        page.goto(f"http://127.0.0.1:{port}/admin/")
        if "/admin/login/" not in page.url and "/admin/two-factor/" not in page.url:
            return
        page.context.clear_cookies()
    page.goto(f"http://127.0.0.1:{port}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password or DEMO_PASSWORD)
    page.click("form button[type=submit]")
    page.wait_for_url("**/admin/two-factor/verify/")
    page.fill("#id_code", demo_code(username, at=_unused_step(username) * 30 + 1))
    page.click("form button[type=submit]")
    page.wait_for_load_state()
    page.wait_for_url("**/admin/**")
    _SESSIONS[(port, username)] = [
        c for c in page.context.cookies() if c["name"] in ("sessionid", "csrftoken")
    ]
