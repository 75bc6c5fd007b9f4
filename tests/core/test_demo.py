"""`eportal demo` builds a living province, and a second run changes nothing."""

import pytest
from django.core.management import call_command
from wagtail.models import Page

from eportal.portals.models import Agency, BoardMember, Portal

# The demo builds its own province, on a database without the shared one.
pytestmark = pytest.mark.usefixtures("empty_database")


@pytest.mark.django_db
def test_it_loads_the_main_portal_and_four_component_portals(capsys):
    call_command("demo")
    out = capsys.readouterr().out

    portals = {p.slug: p for p in Portal.objects.select_related("agency")}
    assert set(portals) == {"www", "sotttt", "sokhdt", "quynhphu", "lmhtxt"}
    assert portals["www"].is_main
    kinds = sorted(p.agency.kind for p in portals.values())
    assert kinds == sorted(["main", "department", "department", "district", "other"])
    assert "Demo@eportal2026" in out
    assert "sotttt-kiemduyet" in out
    # One board member per role on every portal.
    assert BoardMember.objects.count() == 5 * 5  # five roles on five portals


@pytest.mark.django_db
def test_it_is_idempotent_and_keeps_edits(capsys):
    call_command("demo")
    page = Page.objects.get(url_path="/sotttt/lien-he/").specific
    page.title = "Liên hệ – đã sửa"
    page.save_revision().publish()
    counts = (Page.objects.count(), Agency.objects.count(), BoardMember.objects.count())

    call_command("demo")
    out = capsys.readouterr().out

    assert (Page.objects.count(), Agency.objects.count(), BoardMember.objects.count()) == counts
    assert Page.objects.get(url_path="/sotttt/lien-he/").title == "Liên hệ – đã sửa"
    assert "Tạo mới: 0 " in out


@pytest.mark.django_db
def test_it_puts_a_draft_in_review_on_each_portal():
    call_command("demo")
    for portal in Portal.objects.exclude(slug="lmhtxt"):
        drafts = [
            p
            for p in portal.home_page.get_descendants().filter(live=False)
            if p.workflow_in_progress
        ]
        assert drafts, f"no draft waiting in the workflow of {portal.slug}"
