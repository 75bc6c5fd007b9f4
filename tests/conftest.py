"""Shared test fixtures: a small province with a main portal and two component
portals, each with one board member per working role (built once per test
database: tests/shared_data.py)."""

import os
import re
import tempfile

import pytest
from django.contrib.auth import get_user_model

from tests import shared_data
from tests.shared_data import PASSWORD, make_member, make_portal  # noqa: F401 (used by tests)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Create the test database, then the shared province in it (once per
    database, i.e. per xdist worker): tests/shared_data.py."""
    with django_db_blocker.unblock():
        shared_data.build()


@pytest.fixture
def province(db):
    """The main portal and two component portals (a department and a district).

    They are built once per test database; this loads fresh objects."""
    return shared_data.load_province()


@pytest.fixture
def board(province):
    """One user per (portal, role): board["sotttt"]["editor"] …"""
    return shared_data.load_board(province)


@pytest.fixture
def empty_database(db):
    """A database without the shared province, as `migrate` leaves it, for the
    few tests that build a province of their own (the demo).

    The tables are emptied inside the test's transaction, so its rollback
    brings the shared data back. Emptying recreates content types under new
    ids: their cache is dropped after the test (pytest_runtest_teardown)."""
    from django.core.management import call_command

    call_command("flush", interactive=False, verbosity=0)


def _flushes_database(item):
    marker = item.get_closest_marker("django_db")
    if marker and (marker.kwargs.get("transaction") or (marker.args and marker.args[0])):
        return True
    return bool({"transactional_db", "live_server"} & set(item.fixturenames))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """A transactional test ends by emptying every table: build the shared
    data again for the tests after it."""
    try:
        return (yield)
    finally:
        if "empty_database" in item.fixturenames:
            from django.contrib.contenttypes.models import ContentType

            ContentType.objects.clear_cache()
        # After the last test the test database is already gone: nothing to rebuild.
        if _flushes_database(item) and "e2e" not in item.keywords and nextitem is not None:
            from pytest_django.plugin import blocking_manager_key

            with item.config.stash[blocking_manager_key].unblock():
                shared_data.build()


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("tinh-admin", "admin@example.org", PASSWORD)


def pytest_configure(config):
    from django.conf import settings
    from django.test import override_settings

    _give_each_worker_its_own_redis_database(settings)
    _give_each_worker_its_own_generations(settings)
    _keep_a_reused_sqlite_database_in_a_file(config, settings)

    # Tasks run inside the call that queues them, so a test sees the mail sent
    # and the PDF made; tests/core/test_worker.py runs the real worker.
    # (override_settings tells django-tasks, whose backends already exist.)
    override_settings(TASKS={"default": {"BACKEND": settings.TASK_BACKENDS["immediate"]}}).enable()
    # PDFs made in tests go to a folder of this run's, not to var/.
    settings.EPORTAL_GENERATED_ROOT = tempfile.mkdtemp(prefix="eportal-test-pdf-")
    # Hashing is not under test: the default hasher makes every user cost ~0.3 s.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Wagtail's own search index serves only the admin's search; keeping it up
    # to date costs a third of every page save. Tests that search in the admin
    # switch it on with the ``wagtail_search_index`` fixture.
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {**settings.WAGTAILSEARCH_BACKENDS["default"], "AUTO_UPDATE": False}
    }


@pytest.fixture
def wagtail_search_index(settings):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {**settings.WAGTAILSEARCH_BACKENDS["default"], "AUTO_UPDATE": True}
    }


def _keep_a_reused_sqlite_database_in_a_file(config, settings):
    """``--reuse-db`` (``make test-fast``) keeps the test database, with its
    migrations and shared data, for the next run; SQLite's default test
    database lives in memory and dies with the process, so keep it in
    var/ instead (``test.sqlite3_gw0`` … per xdist worker)."""
    database = settings.DATABASES["default"]
    if not config.getoption("reuse_db", False) or not database["ENGINE"].endswith("sqlite3"):
        return
    if not database.get("TEST", {}).get("NAME"):
        database.setdefault("TEST", {})["NAME"] = str(settings.VAR_DIR / "test.sqlite3")


def _give_each_worker_its_own_redis_database(settings):
    """Parallel workers each have their own test database, so they must not
    share a cache: Wagtail's cached site root paths, rate-limit counters and the
    working-day calendar of one worker are wrong for another, and a
    ``cache.clear()`` (Redis FLUSHDB) in one would empty the others'. Worker
    ``gwN`` uses database ``base - N`` of the Redis named by ``REDIS_URL``."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    cache = settings.CACHES["default"]
    if not worker.startswith("gw") or not cache["BACKEND"].endswith("RedisCache"):
        return
    match = re.match(r"^(?P<server>redis://[^/]+)(?:/(?P<db>\d+))?$", cache["LOCATION"])
    if match is None:
        raise pytest.UsageError(f"REDIS_URL is not redis://host:port/db: {cache['LOCATION']}")
    database = int(match["db"] or 0) - int(worker[2:])
    if database < 0:
        raise pytest.UsageError(
            "More test workers than Redis databases below REDIS_URL's: "
            "use a higher database number in REDIS_URL or fewer workers (-n)."
        )
    settings.CACHES = {
        **settings.CACHES,
        "default": {**cache, "LOCATION": f"{match['server']}/{database}"},
    }


def _give_each_worker_its_own_generations(settings):
    """The fragments' generation numbers (core/fragments.py) follow the worker's
    own cache: its Redis database, or a folder of this run's for its files
    (another worker's ``clear()`` would drop them in the middle of a test)."""
    default = settings.CACHES["default"]
    if default["BACKEND"].endswith("RedisCache"):
        generations = dict(default)
    else:
        generations = {
            **settings.CACHES["generations"],
            "LOCATION": tempfile.mkdtemp(prefix="eportal-test-generations-"),
        }
    settings.CACHES = {**settings.CACHES, "generations": generations}


@pytest.fixture(autouse=True)
def _empty_caches():
    """Every test starts with empty caches: what a rolled-back test cached
    (site root paths, calendars, rate-limit counters) must not reach the next."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    from eportal.core import tally

    tally.clear_all()  # views counted in memory by an earlier test


@pytest.fixture(autouse=True)
def _default_language(settings):
    """Every test starts in Vietnamese: a request under /en/ leaves English active
    in its thread (LocaleMiddleware does not switch back), and the messages of a
    later test would come out in English."""
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _force_login_passes_two_factor(request, monkeypatch):
    """``client.force_login(user)`` signs in with the second factor too, as the
    login form followed by the code would (eportal/portals/two_factor.py): the
    user gets a confirmed TOTP device and the session is verified with it.
    Tests of the enforcement itself are marked ``real_two_factor``."""
    # The e2e marker, not the keyword: keywords hold the names of the folders
    # above the test, so a checkout in a folder named e2e matched every test.
    if request.node.get_closest_marker("real_two_factor") or request.node.get_closest_marker("e2e"):
        return
    from django.test import Client

    original = Client.force_login

    def force_login(self, user, backend=None):
        original(self, user, backend)
        sign_in_second_factor(self, user)

    monkeypatch.setattr(Client, "force_login", force_login)


def sign_in_second_factor(client, user):
    """Verify the client's session with a confirmed TOTP device of the user's
    (made if missing): what entering a right code does."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
