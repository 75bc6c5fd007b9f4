"""Shared test fixtures: a small province with a main portal and two component
portals, each with one board member per working role."""

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
