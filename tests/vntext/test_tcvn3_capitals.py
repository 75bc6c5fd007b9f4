"""TCVN3 has no codes for capitals with a tone mark: the context restores them."""

import pytest

from eportal.vntext import to_unicode


@pytest.mark.parametrize(
    ("tcvn3", "unicode"),
    [
        ("ñY BAN NH¢N D¢N TØNH TH¸I B×NH", "ỦY BAN NHÂN DÂN TỈNH THÁI BÌNH"),
        ("THµNH PHè Hµ NéI", "THÀNH PHỐ HÀ NỘI"),
        ("§I ë §¢U", "ĐI Ở ĐÂU"),
    ],
)
def test_it_restores_capitals_in_a_heading_typed_in_the_capitals_font(tcvn3, unicode):
    assert to_unicode(tcvn3, "tcvn3") == unicode


@pytest.mark.parametrize(
    ("tcvn3", "unicode"),
    [
        ("ñy ban nh©n d©n tØnh", "Ủy ban nhân dân tỉnh"),
        ("Xin chµo. ñy ban ®· häp.", "Xin chào. Ủy ban đã họp."),
        ("- ñy ban\n- ë nhµ", "- Ủy ban\n- Ở nhà"),
        ("<p>ñy ban</p><li>ë nhµ</li>", "<p>Ủy ban</p><li>Ở nhà</li>"),
    ],
)
def test_it_restores_the_capital_that_starts_a_sentence_line_or_paragraph(tcvn3, unicode):
    assert to_unicode(tcvn3, "tcvn3") == unicode


@pytest.mark.parametrize(
    ("tcvn3", "unicode"),
    [
        ("Thµnh phè Hµ Néi", "Thành phố Hà Nội"),
        ("Hµ Néi", "Hà Nội"),
        ("¤ng Êy ë UBND", "Ông ấy ở UBND"),
        ("quyÕt ®Þnh cña ñy ban", "quyết định của ủy ban"),
    ],
)
def test_it_keeps_lower_case_inside_ordinary_sentences(tcvn3, unicode):
    assert to_unicode(tcvn3, "tcvn3") == unicode
