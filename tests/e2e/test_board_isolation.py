"""A contributor of portal A signs in and cannot reach portal B's pages."""

from eportal.portals.models import Portal
from tests.e2e.conftest import axe_violations, sign_in


def test_a_contributor_cannot_reach_another_portals_pages(page, demo, port):
    from eportal.demo.province import DEMO_PASSWORD

    sign_in(page, port, "sotttt-ctv", DEMO_PASSWORD)
    own = Portal.objects.get(slug="sotttt").home_page
    other = Portal.objects.get(slug="quynhphu").home_page

    page.goto(f"http://127.0.0.1:{port}/admin/pages/{own.pk}/")
    assert page.get_by_text("Giới thiệu").count() >= 1

    # Asking for portal B's tree shows none of its pages. (A board's rights now
    # span its Vietnamese and its English tree, so Wagtail's explorer starts at
    # the root of both instead of redirecting to the board's own home.)
    page.goto(f"http://127.0.0.1:{port}/admin/pages/{other.pk}/")
    for child in other.get_descendants():
        assert page.locator(f"a[href*='/admin/pages/{child.pk}/']").count() == 0

    page.goto(f"http://127.0.0.1:{port}/admin/pages/{other.pk}/edit/")
    assert page.locator("form#page-edit-form").count() == 0


def test_the_admin_login_page_is_accessible(page, demo, port):
    page.goto(f"http://127.0.0.1:{port}/admin/login/")
    assert axe_violations(page) == []
