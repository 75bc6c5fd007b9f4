import pytest

from eportal.vntext import fold


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Đăng ký", "dang ky"),
        ("Ủy ban", "uy ban"),
        ("Uỷ ban", "uy ban"),
        ("đ", "d"),
        ("THỦ TỤC HÀNH CHÍNH", "thu tuc hanh chinh"),
        ("Người   dân\n\tđược", "nguoi dan duoc"),
        ("Quyết định số 05/2014/QĐ-UBND", "quyet dinh so 05/2014/qd-ubnd"),
        ("“Trao đổi – Hỏi đáp”…", '"trao doi - hoi dap"...'),
        ("Thu\u0309 tu\u0323c", "thu tuc"),
    ],
)
def test_it_folds_vietnamese_to_accent_free_lower_case(text, folded):
    assert fold(text) == folded


def test_it_folds_the_search_example_of_the_spec():
    assert fold("thủ tục hành chính") == fold("thu tuc hanh chinh")


@pytest.mark.parametrize("empty", [None, ""])
def test_it_folds_nothing_to_an_empty_string(empty):
    assert fold(empty) == ""
