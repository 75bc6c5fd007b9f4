"""Properties that hold for any input (hypothesis)."""

import re
import string
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from eportal.vntext import encode_legacy, fold, normalize, slugify, to_unicode
from eportal.vntext.syllable import ACCENTED_LETTERS

# Letters that only Unicode text has (ă đ ơ ư ĩ ũ and the Latin Extended
# Additional block): a text holding one is Unicode, whatever else it holds.
UNICODE_ONLY = [c for c in ACCENTED_LETTERS if ord(c) > 0xFF]

# Real words whose letters all exist in Latin-1 ("Thái", "Bình"): the hard
# case, where the detector must weigh the TCVN3 and VNI readings and reject them.
LATIN1_WORDS = (
    "Thái Bình là có và các ý tú bà má cá khá Hà nhà cô chú tôi thì gì ai giá bánh cánh "
    "mái tóc cúc túi núi ví mì lê kê tên bên lên trên hôm nay mai xôi chè nhé về bè mèo "
    "kéo ghé ghi khi mình thành Minh Chí Lý Cúc Tâm Ánh Ý Hùng Thu Lan Mai Công Tín Hòa "
    "hoà thúy thuý xuân quê quý huyện"
).split()
ASCII_WORDS = [
    "UBND",
    "05/2014",
    "ban",
    "nhân",
    "tin",
    "Nam",
    "email",
    "2024",
    "Q&A",
    "http://a.vn",
]
SEPARATORS = [" ", " ", " ", ", ", ". ", "\n", " - ", ": ", "; ", "\t"]

# Real words, capitals and abbreviations, and English bits that look like VIQR.
SENTENCE_WORDS = (
    "Ủy ban nhân dân tỉnh Thái Bình Sở Thông tin và Truyền thông Quyết định số người dân "
    "được hướng dẫn thủ tục đăng ký kinh doanh đi đâu ở đây Việt Nam mẹ cô bà ạ ừ ơi ấy "
    "yêu khuya khuỷu nguyễn gì giữa QĐ UBND HĐND TTĐT ĐI ĐÂU ĂN Ẩ Ỵ the add odd Mr a e dd DD"
).split()
# Every VIQR mark character, and the escape, as punctuation between words.
VIQR_PUNCTUATION = list(" .,;:!?'`~^(+)\\\"\n")
sentences_with_viqr_punctuation = st.lists(
    st.tuples(
        st.sampled_from(SENTENCE_WORDS),
        st.lists(st.sampled_from(VIQR_PUNCTUATION), min_size=1, max_size=3).map("".join),
    ).map("".join),
    max_size=10,
).map("".join)

vietnamese_letters = st.sampled_from(ACCENTED_LETTERS)
ascii_chars = st.sampled_from(string.printable)
mostly_vietnamese_text = st.lists(st.one_of(vietnamese_letters, ascii_chars), max_size=80).map(
    "".join
)
# Every character the legacy encodings use, and VIQR's marks.
legacy_looking_text = st.lists(
    st.one_of(
        vietnamese_letters, ascii_chars, st.sampled_from([chr(c) for c in range(0xA0, 0x100)])
    ),
    max_size=80,
).map("".join)
realistic_latin1_text = st.lists(
    st.tuples(st.sampled_from(LATIN1_WORDS + ASCII_WORDS), st.sampled_from(SEPARATORS)),
    min_size=1,
    max_size=25,
).map(lambda pairs: "".join(word + sep for word, sep in pairs).strip())


@given(mostly_vietnamese_text, st.sampled_from(UNICODE_ONLY))
def test_it_leaves_text_holding_a_unicode_only_letter_as_normalised(text, letter):
    text = text + letter

    assert to_unicode(text) == normalize(text)


@given(mostly_vietnamese_text, st.sampled_from(UNICODE_ONLY))
def test_it_leaves_decomposed_unicode_text_as_nfc(text, letter):
    decomposed = unicodedata.normalize("NFD", text + letter)

    assert to_unicode(decomposed) == normalize(text + letter)


@given(realistic_latin1_text)
def test_it_leaves_real_words_with_only_latin1_accents_unchanged(text):
    assert to_unicode(text) == normalize(text)


@given(legacy_looking_text)
def test_it_is_idempotent(text):
    once = to_unicode(text)

    assert to_unicode(once) == once


@given(sentences_with_viqr_punctuation)
def test_it_round_trips_sentences_through_vni_and_viqr(text):
    # TCVN3 is left out: its capitals depend on context (test_tcvn3_capitals.py).
    for encoding in ("vni", "viqr"):
        assert to_unicode(encode_legacy(text, encoding), encoding) == text


@given(st.text())
def test_it_folds_to_ascii_lower_case_letters_digits_spaces_and_punctuation(text):
    folded = fold(text)

    assert set(folded) <= set(string.ascii_lowercase + string.digits + " " + string.punctuation)
    assert "  " not in folded
    assert folded == folded.strip()


@given(st.text(), st.integers(min_value=1, max_value=120))
def test_it_makes_slugs_of_lower_case_ascii_words_and_hyphens(text, max_length):
    slug = slugify(text, max_length=max_length)

    assert slug == "" or re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug)
    assert len(slug) <= max_length
