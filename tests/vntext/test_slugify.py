from eportal.vntext import slugify


def test_it_makes_readable_slugs_without_accents():
    assert slugify("Thủ tục hành chính") == "thu-tuc-hanh-chinh"
    assert slugify("Đăng ký kinh doanh") == "dang-ky-kinh-doanh"


def test_it_drops_punctuation_and_edge_hyphens():
    assert slugify("  — Quyết định số 05/2014/QĐ-UBND! ") == "quyet-dinh-so-05-2014-qd-ubnd"


def test_it_cuts_long_slugs_at_a_word_boundary():
    title = "Quy chế quản lý, vận hành và cung cấp thông tin trên Cổng thông tin điện tử tỉnh"

    assert slugify(title, max_length=30) == "quy-che-quan-ly-van-hanh-va"
    assert slugify(title, max_length=27) == "quy-che-quan-ly-van-hanh-va"
    assert slugify(title, max_length=26) == "quy-che-quan-ly-van-hanh"


def test_it_cuts_a_single_long_word_where_it_must():
    assert slugify("a" * 100, max_length=80) == "a" * 80


def test_it_returns_an_empty_slug_for_text_without_letters_or_digits():
    assert slugify("— … !") == ""
    assert slugify(None) == ""
