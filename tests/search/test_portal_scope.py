"""A component portal searches its own content; the main portal searches
every portal and labels each result with its portal (Art. 3.2d)."""

from tests.search.conftest import index


def test_it_searches_only_the_component_portals_own_content(client, province):
    index(province["sotttt"], "a", title="Hội nghị chuyển đổi số của Sở")
    index(province["quynhphu"], "b", title="Hội nghị chuyển đổi số của huyện")

    page = client.get("/p/sotttt/tim-kiem/", {"q": "hoi nghi"}).text
    assert "của Sở" in page
    assert "của huyện" not in page


def test_it_searches_every_portal_from_the_main_portal_with_labels(client, province):
    index(province["sotttt"], "a", title="Hội nghị chuyển đổi số của Sở")
    index(province["quynhphu"], "b", title="Hội nghị chuyển đổi số của huyện")

    page = client.get("/tim-kiem/", {"q": "hoi nghi"}).text
    assert "của Sở" in page and "của huyện" in page
    assert 'class="search-portal">Cổng thông tin điện tử Sở Thông tin và Truyền thông' in page
    # A result of another portal links to it under its own path.
    assert 'href="/p/quynhphu/muc/b/"' in page


def test_it_links_to_another_portals_host_when_reached_by_host(client, province):
    index(province["quynhphu"], "b", title="Hội nghị chuyển đổi số của huyện")
    main_host = province["main"].site.hostname
    page = client.get("/tim-kiem/", {"q": "hoi nghi"}, HTTP_HOST=main_host).text
    assert f'href="{province["quynhphu"].site.root_url}/muc/b/"' in page
