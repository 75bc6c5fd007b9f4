"""Shared test fixtures: a small province with a main portal and two component
portals, each with one board member per working role."""

import os
import re

import pytest
from django.contrib.auth import get_user_model

from eportal.portals import services
from eportal.portals.models import Agency, BoardMember, Role

PASSWORD = "Mat-khau-th3-nghiem!"


def make_portal(agency_name, kind, *, is_main=False, **spec):
    return services.create_portal(
        services.PortalSpec(agency=Agency(name=agency_name, kind=kind), is_main=is_main, **spec)
    )


def make_member(portal, role, username=None):
    username = username or f"{portal.slug}-{role}"
    user = get_user_model().objects.create_user(
        username, f"{username}@example.org", PASSWORD, first_name="Thử", last_name="Nghiệm"
    )
    services.set_board_member(portal, user, position=BoardMember.Position.MEMBER, roles=[role])
    return user


@pytest.fixture
def province(db):
    """The main portal and two component portals (a department and a district)."""
    main = make_portal(
        "Ủy ban nhân dân tỉnh Thái Bình",
        Agency.Kind.MAIN,
        is_main=True,
        name="Cổng thông tin điện tử tỉnh Thái Bình",
    )
    dept = make_portal("Sở Thông tin và Truyền thông", Agency.Kind.DEPARTMENT)
    district = make_portal("Huyện Quỳnh Phụ", Agency.Kind.DISTRICT)
    return {"main": main, "sotttt": dept, "quynhphu": district}


@pytest.fixture
def board(province):
    """One user per (portal, role): board["sotttt"]["editor"] …"""
    return {
        slug: {role: make_member(portal, role) for role in Role.values}
        for slug, portal in province.items()
    }


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("tinh-admin", "admin@example.org", PASSWORD)


def pytest_configure(config):
    from django.conf import settings

    _give_each_worker_its_own_redis_database(settings)

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


@pytest.fixture(autouse=True)
def _empty_caches():
    """Every test starts with empty caches: what a rolled-back test cached
    (site root paths, calendars, rate-limit counters) must not reach the next."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
