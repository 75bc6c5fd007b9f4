"""The menu, header and footer come from the cache, and change as soon as the
board changes what they show (portals/caching.py)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from eportal.core.models import SectionPage
from eportal.news.models import NewsIndexPage
from eportal.portals import services

HOME = "/p/sotttt/"


def menu_of(client, path=HOME):
    html = client.get(path).text
    return html[
        html.index('class="main-nav"') : html.index("</nav>", html.index('class="main-nav"'))
    ]


def add_section(portal, title="Du lịch", slug="du-lich", publish=True):
    section = SectionPage(title=title, slug=slug, show_in_menus=True, live=False)
    portal.home_page.add_child(instance=section)
    if publish:
        section.save_revision().publish()
        section.refresh_from_db()
    return section


def test_it_serves_the_menu_from_the_cache(client, province):
    client.get(HOME)
    with CaptureQueriesContext(connection) as queries:
        client.get(HOME)
    assert not [q for q in queries if '"show_in_menus")' in q["sql"]]  # the menu's filter


def test_it_shows_a_section_in_the_menu_once_published(client, province):
    section = add_section(province["sotttt"], publish=False)
    assert "Du lịch" not in menu_of(client)
    section.save_revision().publish()
    assert "Du lịch" in menu_of(client)


def test_it_drops_a_section_from_the_menu_when_unpublished(client, province):
    section = add_section(province["sotttt"])
    assert "Du lịch" in menu_of(client)
    section.unpublish()
    assert "Du lịch" not in menu_of(client)


def test_it_drops_a_section_from_the_menu_when_deleted(client, province):
    section = add_section(province["sotttt"])
    assert "Du lịch" in menu_of(client)
    section.delete()
    assert "Du lịch" not in menu_of(client)


def test_it_follows_a_section_moved_to_another_portal(client, province):
    section = add_section(province["sotttt"])
    assert "Du lịch" in menu_of(client)
    assert "Du lịch" not in menu_of(client, "/p/quynhphu/")
    section.move(province["quynhphu"].home_page, pos="last-child")
    assert "Du lịch" not in menu_of(client)
    assert "Du lịch" in menu_of(client, "/p/quynhphu/")


def test_it_renames_a_section_in_the_menu_when_republished(client, province):
    news = NewsIndexPage.objects.child_of(province["sotttt"].home_page).get()
    assert news.title in menu_of(client)
    news.title = "Tin tức – Sự kiện"
    news.save_revision().publish()
    assert "Tin tức – Sự kiện" in menu_of(client)


def test_it_shows_the_portal_and_agency_as_edited(client, province):
    portal = province["sotttt"]
    client.get(HOME)
    portal.name = "Cổng Sở Thông tin và Truyền thông Thái Bình"
    portal.save()
    portal.agency.address = "Số 1 Lê Lợi, TP Thái Bình"
    portal.agency.save()
    page = client.get(HOME).text
    assert "Cổng Sở Thông tin và Truyền thông Thái Bình" in page
    assert "Số 1 Lê Lợi, TP Thái Bình" in page


def test_it_answers_on_a_new_host_name_at_once(client, province):
    portal = province["sotttt"]
    assert client.get("/", HTTP_HOST="sotttt.thaibinh.gov.vn").status_code == 200
    services.change_portal_host(portal, "stttt.thaibinh.gov.vn")
    page = client.get("/", HTTP_HOST="stttt.thaibinh.gov.vn").text
    assert portal.agency.name in page
