"""The catalogue at /thu-tuc/: each portal lists its own procedures, the main
portal lists every portal's with its source; filters and accent-free search."""

from tests.online_services import make_procedure


def test_it_gives_every_portal_a_catalogue(province, client):
    for slug in ("main", "sotttt", "quynhphu"):
        portal = province[slug]
        response = client.get(f"/p/{portal.slug}/thu-tuc/")
        assert response.status_code == 200
        assert "Thủ tục hành chính" in response.content.decode()


def test_it_lists_a_portals_own_procedures_and_all_on_the_main_portal(province, client):
    make_procedure(province["sotttt"], code="1.000001", title="Cấp giấy phép bưu chính")
    make_procedure(
        province["quynhphu"],
        code="2.000002",
        title="Đăng ký khai sinh",
        sector="Hộ tịch",
        level="district",
    )
    own = client.get(f"/p/{province['sotttt'].slug}/thu-tuc/").content.decode()
    assert "Cấp giấy phép bưu chính" in own and "Đăng ký khai sinh" not in own
    everything = client.get(f"/p/{province['main'].slug}/thu-tuc/").content.decode()
    assert "Cấp giấy phép bưu chính" in everything and "Đăng ký khai sinh" in everything
    # Each is linked to its owner's page and labelled with its source portal.
    assert f"/p/{province['quynhphu'].slug}/thu-tuc/" in everything
    assert province["quynhphu"].name in everything


def test_it_filters_and_searches_without_accents(province, client):
    make_procedure(province["sotttt"], code="1.000001", title="Cấp giấy phép bưu chính")
    make_procedure(
        province["sotttt"],
        code="1.000003",
        title="Đăng ký khai sinh",
        sector="Hộ tịch",
        level="commune",
        online_level="",
        service_level=2,
        submit_online=False,
    )
    url = f"/p/{province['sotttt'].slug}/thu-tuc/"
    found = client.get(url, {"q": "dang ky khai sinh"}).content.decode()
    assert "Đăng ký khai sinh" in found and "Cấp giấy phép bưu chính" not in found
    by_sector = client.get(url, {"linh_vuc": "Bưu chính"}).content.decode()
    assert "Cấp giấy phép bưu chính" in by_sector and "Đăng ký khai sinh" not in by_sector
    offline = client.get(url, {"truc_tuyen": "khong"}).content.decode()
    assert "Đăng ký khai sinh" in offline and "Cấp giấy phép bưu chính" not in offline
    commune = client.get(url, {"cap": "commune"}).content.decode()
    assert "Đăng ký khai sinh" in commune and "Cấp giấy phép bưu chính" not in commune
    assert client.get(url, {"co_quan": "abc", "trang": "x", "cap": "zzz"}).status_code == 200


def test_it_lists_without_n_plus_one_queries(province, client, django_assert_max_num_queries):
    for n in range(12):
        make_procedure(province["sotttt"], code=f"1.0001{n:02d}", title=f"Thủ tục số {n}")
    client.get(f"/p/{province['main'].slug}/thu-tuc/")
    with django_assert_max_num_queries(30):
        response = client.get(f"/p/{province['main'].slug}/thu-tuc/")
    assert response.content.decode().count("Thủ tục số") == 12
