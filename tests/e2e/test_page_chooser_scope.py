"""A board member of one portal links a page: the page chooser offers the
own portal's pages, never another portal's (least of all its drafts)."""

import json
import uuid

import pytest
from wagtail.search.backends import get_search_backend

from eportal.core.models import ContentPage
from eportal.portals.models import Portal
from tests.e2e.conftest import sign_in


@pytest.fixture
def other_draft(demo):
    """A page of another portal that was never published."""
    about = Portal.objects.get(slug="sotttt").home_page.get_children().get(slug="gioi-thieu")
    draft = ContentPage(
        title=f"Dự thảo nội bộ {uuid.uuid4().hex[:6]}",
        slug=f"du-thao-{uuid.uuid4().hex[:6]}",
        live=False,
    )
    about.add_child(instance=draft)
    draft.save_revision()
    return draft


@pytest.fixture
def indexed(demo):
    """Put ``pages`` in Wagtail's search index, which the chooser's search
    reads (the test settings do not keep it up to date on every save)."""
    backend = get_search_backend()

    def index(*pages):
        for item in pages:
            backend.add(item.specific)

    return index


def chooser_html(page, url):
    """What the chooser modal would show for ``url`` (browse answers JSON for
    the modal, search answers the results' HTML); "" when refused."""
    response = page.request.get(url)
    assert response.status in (200, 403, 404), url
    if response.status != 200:
        return ""
    if response.headers["content-type"].startswith("application/json"):
        return json.loads(response.text())["html"]
    return response.text()


def test_the_page_chooser_shows_only_the_own_portals_pages(page, port, other_draft, indexed):
    base = f"http://127.0.0.1:{port}/admin/choose-page"
    own_home = Portal.objects.get(slug="sokhdt").home_page
    other_home = Portal.objects.get(slug="sotttt").home_page
    own_about = ContentPage.objects.descendant_of(own_home).get(slug="chuc-nang-nhiem-vu")
    other_about = ContentPage.objects.descendant_of(other_home).get(slug="chuc-nang-nhiem-vu")
    indexed(own_about, other_about, other_draft)
    sign_in(page, port, "sokhdt-ctv")

    # From the top: the own portal's home, no other portal's.
    html = chooser_html(page, f"{base}/")
    assert f'data-id="{own_home.pk}"' in html
    assert f'data-id="{other_home.pk}"' not in html

    # Searching: the other portal's draft is not found; of the page every
    # portal has, only the own one is offered.
    html = chooser_html(page, f"{base}/search/?q={other_draft.title}")
    assert other_draft.title not in html
    assert "0" in html  # "there are 0 matches"
    html = chooser_html(page, f"{base}/search/?q={own_about.title}")
    assert f'data-id="{own_about.pk}"' in html
    assert f'data-id="{other_about.pk}"' not in html

    # Browsing: into the own tree lists its pages; into the other portal's
    # tree (its home, a section, the draft itself) is not found.
    html = chooser_html(page, f"{base}/{own_about.get_parent().pk}/")
    assert f'data-id="{own_about.pk}"' in html
    for parent in (other_home, other_draft.get_parent(), other_draft):
        response = page.request.get(f"{base}/{parent.pk}/")
        assert response.status == 404, parent
        assert other_draft.title not in response.text()
        assert f'data-id="{parent.pk}"' not in response.text()

    # Nor does the chooser hand back the draft when asked for it by its id.
    chosen = page.request.get(f"{base}/chosen-multiple/?id={other_draft.pk}&id={own_about.pk}")
    assert [item["id"] for item in chosen.json()["result"]] == [own_about.pk]
