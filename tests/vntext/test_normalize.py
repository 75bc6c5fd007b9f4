import unicodedata

import pytest

from eportal.vntext import normalize


def test_it_composes_decomposed_text_to_nfc():
    decomposed = unicodedata.normalize("NFD", "Thủ tục hành chính")

    assert decomposed != "Thủ tục hành chính"
    assert normalize(decomposed) == "Thủ tục hành chính"


def test_it_strips_zero_width_characters():
    text = "\ufeffCổng\u200b thông\u200c tin\u200d điện\u2060 tử"

    assert normalize(text) == "Cổng thông tin điện tử"


def test_it_strips_control_characters_but_keeps_tabs_and_line_breaks():
    text = "Dòng 1\x00\x07\x1b\x7f\x85\tcột\nDòng 2"

    assert normalize(text) == "Dòng 1\tcột\nDòng 2"


def test_it_makes_line_breaks_uniform():
    assert normalize("một\r\nhai\rba\u2028bốn") == "một\nhai\nba\nbốn"


def test_it_joins_a_mark_split_from_its_letter_by_a_zero_width_space():
    assert normalize("Vie\u200b\u0323\u0302t") == "Việt"


@pytest.mark.parametrize("empty", [None, ""])
def test_it_passes_none_and_empty_text_through(empty):
    assert normalize(empty) is empty
