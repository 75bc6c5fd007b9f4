"""Every portal gets /hoi-dap/, reachable by host and by /p/<slug>/."""

from eportal.qa.models import QAIndexPage
from tests.conftest import make_portal


def test_it_gives_every_portal_a_qa_page_in_the_menu(qa):
    for key in ("main", "sotttt", "quynhphu"):
        page = qa["pages"][key]
        assert page.slug == "hoi-dap" and page.live and page.show_in_menus


def test_it_gives_a_new_portal_its_page_once(qa):
    portal = make_portal("Sở Tư pháp", "department")
    assert QAIndexPage.objects.child_of(portal.home_page).count() == 1


def test_it_serves_the_page_by_host_and_by_path(client, qa):
    host = qa["sotttt"].site.hostname
    assert client.get("/hoi-dap/", HTTP_HOST=host).status_code == 200
    response = client.get("/p/sotttt/hoi-dap/gui-cau-hoi/")
    assert response.status_code == 200
    assert "Gửi câu hỏi" in response.content.decode()
