"""Real sentences pasted in each legacy encoding are recognised and converted."""

import pytest

from eportal.vntext import detect_encoding, to_unicode

# As they arrive: TCVN3 and VNI bytes shown as Windows-1252 characters.
SENTENCES = [
    (
        "Ủy ban nhân dân tỉnh Thái Bình",
        {
            "tcvn3": "ñy ban nh©n d©n tØnh Th¸i B×nh",
            "vni": "UÛy ban nhaân daân tænh Thaùi Bình",
            "viqr": "U?y ban nha^n da^n ti?nh Tha'i Bi`nh",
        },
    ),
    (
        "Sở Thông tin và Truyền thông",
        {
            "tcvn3": "Së Th«ng tin vµ TruyÒn th«ng",
            "vni": "Sôû Thoâng tin vaø Truyeàn thoâng",
            "viqr": "So+? Tho^ng tin va` Truye^`n tho^ng",
        },
    ),
    (
        "Quyết định số 05/2014/QĐ-UBND",
        {
            "tcvn3": "QuyÕt ®Þnh sè 05/2014/Q§-UBND",
            "vni": "Quyeát ñònh soá 05/2014/QÑ-UBND",
            "viqr": "Quye^'t ddi.nh so^' 05/2014/QDD-UBND",
        },
    ),
    (
        "Người dân được hướng dẫn thủ tục đăng ký kinh doanh.",
        {
            "tcvn3": "Ng\xadêi d©n ®\xadîc h\xadíng dÉn thñ tôc ®¨ng ký kinh doanh.",
            "vni": "Ngöôøi daân ñöôïc höôùng daãn thuû tuïc ñaêng kyù kinh doanh.",
            "viqr": "Ngu+o+`i da^n ddu+o+.c hu+o+'ng da^~n thu? tu.c dda(ng ky' kinh doanh.",
        },
    ),
]
CASES = [
    (unicode, encoding, legacy)
    for unicode, forms in SENTENCES
    for encoding, legacy in forms.items()
]


@pytest.mark.parametrize(("unicode", "encoding", "legacy"), CASES)
def test_it_detects_the_encoding_of_a_real_sentence(unicode, encoding, legacy):
    assert detect_encoding(legacy) == encoding


@pytest.mark.parametrize(("unicode", "encoding", "legacy"), CASES)
def test_it_converts_a_real_sentence_to_unicode(unicode, encoding, legacy):
    assert to_unicode(legacy) == unicode


def test_it_converts_viqr_words():
    assert to_unicode("ddi.nh") == "định"
    assert to_unicode("Vie^.t Nam") == "Việt Nam"


def test_it_reads_a_viqr_full_stop_after_a_toned_syllable_as_punctuation():
    assert to_unicode("Ha` No^.i.", "viqr") == "Hà Nội."
    assert to_unicode("Ha\\.", "viqr") == "Ha."


def test_it_takes_a_single_tcvn3_name_typed_with_an_old_keyboard_setting():
    assert to_unicode("Hïng") == "Hùng"
    assert to_unicode("NguyÔn V¨n An") == "Nguyễn Văn An"


def test_it_converts_a_tcvn3_heading_in_capitals():
    assert to_unicode("ñY BAN NH¢N D¢N TØNH TH¸I B×NH") == "ỦY BAN NHÂN DÂN TỈNH THÁI BÌNH"


def test_it_converts_decomposed_unicode_to_nfc():
    assert to_unicode("Thu\u0309 tu\u0323c") == "Thủ tục"


def test_it_leaves_unicode_text_unchanged():
    text = "Quyết định số 05/2014/QĐ-UBND của Ủy ban nhân dân tỉnh Thái Bình"

    assert detect_encoding(text) == "unicode"
    assert to_unicode(text) == text


def test_it_converts_with_an_explicit_encoding_even_when_detection_would_hesitate():
    assert detect_encoding("Pha.m") == "unicode"  # one weak VIQR mark: not enough
    assert to_unicode("Pha.m", "viqr") == "Phạm"
    assert to_unicode("Tó", "tcvn3") == "Tú"


def test_it_refuses_an_unknown_encoding():
    with pytest.raises(ValueError, match="Unknown Vietnamese encoding"):
        to_unicode("abc", "viscii")
