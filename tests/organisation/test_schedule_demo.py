"""The demo gives every portal leaders and a published schedule for this week
and next week, with one of this week's items adjusted after publication."""

import pytest
from django.core.management import call_command

from eportal.organisation import queries, weeks
from eportal.portals.models import Portal
from tests.organisation.conftest import this_monday

pytestmark = pytest.mark.usefixtures("empty_database")


@pytest.mark.django_db
def test_every_demo_portal_has_this_and_next_weeks_schedule():
    call_command("demo", stdout=open("/dev/null", "w"))
    for portal in Portal.objects.select_related("site__root_page", "agency"):
        assert queries.leaders(portal, current=True).exists(), portal.slug
        this_week = queries.week_page(portal, this_monday())
        next_week = queries.week_page(portal, weeks.shift(this_monday(), 1))
        assert this_week is not None and next_week is not None, portal.slug
        marked = [e for e in queries.entries(this_week) if e.is_changed]
        assert len(marked) == 1, portal.slug
    main = Portal.objects.get(is_main=True)
    chairs = {e.chair_position for e in queries.entries(queries.week_page(main, this_monday()))}
    assert "Chủ tịch UBND tỉnh" in chairs
