"""Every accented letter survives a trip through each legacy encoding and back."""

import pytest

from eportal.vntext import detect_encoding, encode_legacy, to_unicode
from eportal.vntext.syllable import ACCENTED_LOWER, ACCENTED_UPPER

ENCODINGS = ["tcvn3", "vni", "viqr"]
# The capitals that TCVN3 cannot tell from their lower-case letter.
TCVN3_SHARED_CAPITALS = [c for c in ACCENTED_UPPER if c not in "ĂÂÊÔƠƯĐ"]


def test_it_covers_all_134_accented_letters():
    assert len(set(ACCENTED_LOWER)) == len(set(ACCENTED_UPPER)) == 67
    assert len(TCVN3_SHARED_CAPITALS) == 60


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("letter", ACCENTED_LOWER)
def test_it_round_trips_each_lower_case_letter(encoding, letter):
    text = f"chữ {letter} thường"

    assert to_unicode(encode_legacy(text, encoding), encoding) == text


@pytest.mark.parametrize("encoding", ["vni", "viqr"])
@pytest.mark.parametrize("letter", ACCENTED_UPPER)
def test_it_round_trips_each_capital_anywhere(encoding, letter):
    text = f"chữ {letter} hoa"

    assert to_unicode(encode_legacy(text, encoding), encoding) == text


@pytest.mark.parametrize("letter", ACCENTED_UPPER)
def test_it_round_trips_each_capital_through_tcvn3_in_a_heading(letter):
    # TCVN3 writes a toned capital with its lower-case code (typed in the
    # all-capitals font .VnTimeH); the words around it restore the case.
    text = f"CHỮ {letter} VIẾT HOA"

    assert to_unicode(encode_legacy(text, "tcvn3"), "tcvn3") == text


@pytest.mark.parametrize("letter", ACCENTED_UPPER)
def test_it_round_trips_each_capital_through_tcvn3_at_a_sentence_start(letter):
    text = f"Câu trước. {letter} là chữ hoa"

    assert to_unicode(encode_legacy(text, "tcvn3"), "tcvn3") == text


@pytest.mark.parametrize("letter", TCVN3_SHARED_CAPITALS)
def test_it_cannot_restore_a_lone_toned_capital_mid_sentence_in_tcvn3(letter):
    # Honest about the loss: with the font gone, nothing tells "Ủ" from "ủ".
    text = f"chữ {letter} hoa"

    assert to_unicode(encode_legacy(text, "tcvn3"), "tcvn3") == f"chữ {letter.lower()} hoa"


@pytest.mark.parametrize("letter", "ĂÂÊÔƠƯĐ")
def test_it_keeps_the_seven_tcvn3_capitals_anywhere(letter):
    text = f"chữ {letter} hoa"

    assert to_unicode(encode_legacy(text, "tcvn3"), "tcvn3") == text


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("letter", ACCENTED_LOWER)
def test_it_detects_and_converts_a_sentence_with_each_lower_case_letter(encoding, letter):
    text = f"Chữ {letter} có trong bảng chữ cái tiếng Việt."
    legacy = encode_legacy(text, encoding)

    assert detect_encoding(legacy) == encoding
    assert to_unicode(legacy) == text


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("letter", ACCENTED_UPPER)
def test_it_detects_and_converts_a_heading_with_each_capital(encoding, letter):
    text = f"CHỮ {letter} CÓ TRONG BẢNG CHỮ CÁI TIẾNG VIỆT"
    legacy = encode_legacy(text, encoding)

    assert detect_encoding(legacy) == encoding
    assert to_unicode(legacy) == text
