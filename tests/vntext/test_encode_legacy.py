import pytest

from eportal.vntext import encode_legacy


def test_it_writes_tcvn3_as_the_latin1_characters_of_its_bytes():
    legacy = encode_legacy("Thái Bình", "tcvn3")

    assert legacy == "Th¸i B×nh"
    assert legacy.encode("latin-1") == b"Th\xb8i B\xd7nh"


def test_it_writes_vni_marks_after_the_vowel_in_the_case_of_the_letter():
    assert encode_legacy("Ủy ban", "vni") == "UÛy ban"
    assert encode_legacy("ỦY BAN", "vni") == "UÛY BAN"


def test_it_writes_viqr_in_ascii_and_escapes_a_literal_mark():
    assert encode_legacy("Việt Nam", "viqr") == "Vie^.t Nam"
    assert encode_legacy("Đi đâu.", "viqr") == "DDi dda^u\\."


def test_it_writes_tcvn3_toned_capitals_with_the_lower_case_code():
    assert encode_legacy("Ủ", "tcvn3") == encode_legacy("ủ", "tcvn3") == "ñ"


def test_it_refuses_characters_the_encoding_cannot_hold():
    with pytest.raises(ValueError, match="TCVN3"):
        encode_legacy("Café ©", "tcvn3")
    assert encode_legacy("Café ©", "tcvn3", errors="replace") == "CafÐ ?"


@pytest.mark.parametrize("empty", [None, ""])
def test_it_passes_none_and_empty_text_through(empty):
    assert encode_legacy(empty, "vni") is empty
