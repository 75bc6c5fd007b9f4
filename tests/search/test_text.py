"""Queries and snippets: folded words, legacy encodings, escaping, marks."""

from eportal.search.text import edit_distance, highlight, parse_query, snippet, terms
from eportal.vntext import encode_legacy


def test_it_splits_document_numbers_into_words_that_match_any_way_typed():
    assert parse_query("05/2014/QĐ-UBND").folded == ["05", "2014", "qd", "ubnd"]
    assert parse_query("05/2014/QD-UBND").folded == ["05", "2014", "qd", "ubnd"]
    assert terms("Số 05/2014") == ["số", "05", "2014"]


def test_it_converts_a_legacy_encoded_query():
    query = parse_query(encode_legacy("Thủ tục hành chính", "tcvn3"))
    assert query.words == ["thủ", "tục", "hành", "chính"]


def test_it_escapes_before_marking():
    query = parse_query("khai sinh")
    assert highlight("<b>Khai sinh</b> & hộ tịch", query) == (
        "&lt;b&gt;<mark>Khai</mark> <mark>sinh</mark>&lt;/b&gt; &amp; hộ tịch"
    )


def test_it_marks_accented_words_for_an_unaccented_query():
    assert highlight("Đăng ký kết hôn", parse_query("dang ky")) == (
        "<mark>Đăng</mark> <mark>ký</mark> kết hôn"
    )


def test_it_cuts_a_snippet_around_the_first_match():
    text = "Mở đầu. " * 60 + "Hồ sơ gồm tờ khai đăng ký khai sinh." + " Kết thúc." * 60
    extract = snippet(text, parse_query("khai sinh"))
    assert extract.startswith("… ") and extract.endswith(" …")
    assert "<mark>khai</mark> <mark>sinh</mark>" in extract
    assert len(extract) < 320


def test_it_measures_edit_distance():
    assert edit_distance("karaok", "karaoke") == 1
    assert edit_distance("sinnh", "sinh") == 1
    assert edit_distance("nagn", "nang") == 1
    assert edit_distance("abc", "xyz", limit=2) == 3
