from eportal.consultations.models import ConsultationIndexPage


def test_it_gives_every_new_portal_a_live_gop_y_page_in_the_menu(province, client):
    for portal in province.values():
        index = portal.home_page.get_children().get(slug="gop-y")
        assert index.live and index.show_in_menus
        assert isinstance(index.specific, ConsultationIndexPage)
    response = client.get("/p/sotttt/gop-y/")
    assert response.status_code == 200
    assert "Lấy ý kiến dự thảo" in response.content.decode()
