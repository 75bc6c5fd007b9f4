"""Portal and agency names are data with an English form, shown under /en/."""

from eportal.portals.services import set_english_names
from tests.translations.helpers import host, translate


def test_it_shows_the_english_portal_name_under_en(client, province):
    portal = province["sotttt"]
    set_english_names(
        portal,
        "e-Portal of the Department of Information and Communications",
        "Department of Information and Communications",
    )
    home = portal.site.root_page
    translate(home, title="Department of Information and Communications")

    english = client.get("/en/", **host(home)).text
    vietnamese = client.get("/", **host(home)).text
    assert "e-Portal of the Department of Information and Communications" in english
    assert portal.name not in english
    assert portal.name in vietnamese
    assert "e-Portal of the Department" not in vietnamese
