import pytest

from eportal.vntext import portal_host


@pytest.mark.parametrize(
    ("name", "host"),
    [
        ("Sở Thông tin và Truyền thông", "sotttt"),
        ("Sở Kế hoạch và Đầu tư", "sokhdt"),
        ("Sở Giáo dục và Đào tạo", "sogddt"),
        ("Sở Tài nguyên và Môi trường", "sotnmt"),
        ("Sở Lao động - Thương binh và Xã hội", "soldtbxh"),
        ("SỞ NỘI VỤ", "sonv"),
        ("Ban Quản lý các khu công nghiệp", "bqlckcn"),
    ],
)
def test_it_names_a_department_by_so_and_initials_skipping_va(name, host):
    assert portal_host(name, "department") == host


@pytest.mark.parametrize(
    ("name", "host"),
    [
        ("Huyện Quỳnh Phụ", "quynhphu"),
        ("Thành phố Thái Bình", "thanhphothaibinh"),
        ("Thị xã Phú Thọ", "thixaphutho"),
        ("Ủy ban nhân dân huyện Đông Hưng", "donghung"),
        ("UBND huyện Kiến Xương", "kienxuong"),
        ("Quận Hoàn Kiếm", "hoankiem"),
        ("Quận 1", "quan1"),
    ],
)
def test_it_names_a_district_or_city_by_its_full_unaccented_name(name, host):
    assert portal_host(name, "district") == host


def test_it_names_the_main_portal_www():
    assert portal_host("Ủy ban nhân dân tỉnh Thái Bình", "main") == "www"


def test_it_names_another_organisation_by_initials():
    assert portal_host("Hội Nông dân tỉnh", "other") == "hndt"
    assert portal_host("Sở Y tế", "other") == "soyt"


def test_it_proposes_a_host_from_a_name_pasted_in_tcvn3():
    assert portal_host("Së Th«ng tin vµ TruyÒn th«ng", "department") == "sotttt"


def test_it_keeps_a_label_valid_for_dns():
    host = portal_host("Thành phố " + "Thái Bình " * 20, "district")

    assert len(host) == 63
    assert host.isalnum() and host.isascii() and host.islower()


@pytest.mark.parametrize("name", [None, "", "   ", "— !"])
def test_it_refuses_an_empty_name(name):
    with pytest.raises(ValueError, match="name"):
        portal_host(name, "department")


def test_it_refuses_an_unknown_kind():
    with pytest.raises(ValueError, match="kind"):
        portal_host("Sở Y tế", "province")
