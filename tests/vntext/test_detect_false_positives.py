"""Text that is not legacy Vietnamese is left exactly as it is."""

import pytest

from eportal.vntext import detect_encoding, to_unicode

ASCII_TEXTS = [
    "Hello world. How are you?",
    "Mr. Smith's car.",
    "e.g.",
    "i.e. the U.S.A.",
    "U.S.A.",
    "Meeting at 9 a.m. tomorrow.",
    "Version 3.5 is out; pi is 3.14159 and 1.5e-3 is small.",
    "https://thaibinh.gov.vn/van-ban/?q=thu+tuc&page=2",
    "www.thaibinh.gov.vn",
    "thaibinh.gov.vn",
    "can.bo@thaibinh.gov.vn",
    "ddinh@example.com",
    "report_v2.final.docx",
    "photo.jpg",
    "def f(x):\n    return x**2 if x > 0 else 'a'",
    "import os; print('Hello, world!')",
    "x = a^b + c(d) ~ e",
    'if (a < b) { return "yes"; }',
    "Who are you? I'm fine, thanks. Are you OK?",
    "Is it a go? No. Do you see me?",
    "O'Brien, D'Artagnan, l'amour",
    "ADD, ODD, TDD",
    "C:\\Users\\Admin\\file.txt",
    "hello~ :) ;) :-( ^_^ o.O",
    "Q&A: what's new? See p. 3.",
    "05/2014/QĐ-UBND",
]
LATIN1_TEXTS = [
    "Café au lait à Paris, déjà vu",
    "Müller Straße, Zoë, Noël, Anaïs",
    "São Paulo, Ñandú, Ærøskøbing, Þórr",
    "José Pérez, François, Chloé",
    "5µm, 25°C, ½ cup, © 2024, ® brand, § 12, « quote », ¿qué?, ¡hola!",
    "Ça va? Où est la gare? À bientôt.",
    "Thái Bình",
    "Lê Văn Tú",
]


@pytest.mark.parametrize("text", ASCII_TEXTS)
def test_it_does_not_take_english_code_or_addresses_for_viqr(text):
    assert detect_encoding(text) == "unicode"
    assert to_unicode(text) == text


@pytest.mark.parametrize("text", LATIN1_TEXTS)
def test_it_does_not_take_western_european_text_for_tcvn3_or_vni(text):
    assert detect_encoding(text) == "unicode"
    assert to_unicode(text) == text
