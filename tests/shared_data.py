"""The data every database test starts from, built once per test database.

Building the test province costs about 3,800 SQL queries and 27 Wagtail
publishes; doing it for every test made set-up most of the suite's time.
``build()`` runs once, right after the test database is created (see
``django_db_setup`` in tests/conftest.py); each test then runs in a
transaction that is rolled back, so the data below is the same at the start
of every test. Fixtures load fresh objects from the database (``load_*``), so
what a test changes in memory never reaches the next one.

Put here only what is the same for every test that uses it and harmless to
every test that does not. A test's own data goes into the test (or its app's
conftest), on top of this.
"""

from django.contrib.auth import get_user_model

from eportal.portals import services
from eportal.portals.models import Agency, BoardMember, Portal, Role

PASSWORD = "Mat-khau-th3-nghiem!"

# key (= portal slug) → (agency name, agency kind, extra portal spec)
PROVINCE = {
    "main": (
        "Ủy ban nhân dân tỉnh Thái Bình",
        Agency.Kind.MAIN,
        {"is_main": True, "name": "Cổng thông tin điện tử tỉnh Thái Bình"},
    ),
    "sotttt": ("Sở Thông tin và Truyền thông", Agency.Kind.DEPARTMENT, {}),
    "quynhphu": ("Huyện Quỳnh Phụ", Agency.Kind.DISTRICT, {}),
}
SLUGS = {"main": "www", "sotttt": "sotttt", "quynhphu": "quynhphu"}


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


def topic_name(key):
    return f"Đất đai {key}"


def build():
    """Create the province, its boards and the apps' shared base data, unless
    they are already there (a database kept by ``--reuse-db``)."""
    if Portal.objects.filter(slug=SLUGS["main"]).exists():
        return
    from eportal.qa.models import Topic

    for key, (agency_name, kind, spec) in PROVINCE.items():
        portal = make_portal(agency_name, kind, **spec)
        assert portal.slug == SLUGS[key], portal.slug
        for role in Role.values:
            make_member(portal, role)
        Topic.objects.create(portal=portal, name=topic_name(key))


def load_province():
    portals = Portal.objects.select_related("agency", "site").in_bulk(
        SLUGS.values(), field_name="slug"
    )
    return {key: portals[slug] for key, slug in SLUGS.items()}


def load_board(province):
    users = get_user_model().objects.in_bulk(
        [f"{p.slug}-{role}" for p in province.values() for role in Role.values],
        field_name="username",
    )
    return {
        key: {role: users[f"{p.slug}-{role}"] for role in Role.values}
        for key, p in province.items()
    }
