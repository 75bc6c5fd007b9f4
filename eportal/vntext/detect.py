"""Tell which encoding a Vietnamese text is in, and convert it to Unicode.

Detection reads the text every way it could be meant and keeps the reading
in which most words are real Vietnamese syllables (see syllable.py).
Unicode wins every tie, so text that is not Vietnamese at all (English,
French, code, addresses) is left alone.

- A text holding a letter that only Unicode has (ă đ ơ ư ạ ế …) or a
  combining mark is Unicode: no legacy encoding produces those.
- A text with Latin-1 letters is read as Unicode, TCVN3 and VNI; a legacy
  reading must have more valid words than broken ones and beat Unicode.
- An ASCII text is VIQR only if at least a quarter of its words become
  valid syllables through marks, few marked words break, and either one
  word uses a mark that English hardly puts after a vowel (^ ( + ` ~ or a
  leading dd) or at least three words become syllables with no English
  function words around ("ba'o ca'o tha'ng"). So "e.g.", "U.S.A.", "3.5",
  "Who are you?" and addresses stay as they are, and so does a single word
  with only ' . or ? ("Pha.m"): pass encoding="viqr" to convert that.

Limits: a single short word can be honestly ambiguous ("Tó" is a Unicode
word and the TCVN3 form of "Tú"; "Loïc" is a French name and the VNI form of
"Lọc"); Unicode wins the first, the better-scoring reading the second.
"""

import re
import unicodedata
from itertools import pairwise

from .legacy import (
    VIQR_STRONG,
    decode_legacy,
    decode_tcvn3,
    decode_viqr_part,
    decode_vni,
    viqr_segments,
)
from .normalize import normalize
from .syllable import tone_well_placed

# Letters that only Unicode text has: ă đ ĩ ũ ơ ư, the Latin Extended
# Additional block (ạ, ế, ỹ …) and the combining marks of decomposed text.
_UNICODE_ONLY = re.compile(
    "[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9\u0300-\u0323]"
)
# Latin-1 letters and signs (not the no-break space): TCVN3 and VNI live here.
_LATIN1_HIGH = re.compile("[\u00a1-\u00ff]")
_MARKUP = re.compile(r"<[^<>]*>|&#?\w+;")
_TOKEN = re.compile(r"\S+")
_LETTERS = re.compile(r"[^\W\d_]+")
# A VIQR mark right after a vowel, or "dd" starting a word.
_VIQR_HINT = re.compile(r"[aeiouyAEIOUY][(^+'`?~.]|(?<![A-Za-z])[dD][dD]")
# Enough evidence: the detector looks at no more than this many words.
_MAX_WORDS = 2000

# Frequent English words: where they are, the text is English, not VIQR.
_ENGLISH = frozenset(
    "the of and is are was were be been with for this that these those you your we our they "
    "their it its he she his her have has had will would should could not from by at as or "
    "what which who when where how if then than there here about into over after before "
    "i'm i'd it's don't can't isn't won't let's that's".split()
)


def detect_encoding(text: str | None) -> str:
    """Return the encoding a text is written in: "unicode", "tcvn3", "vni" or "viqr".

    TCVN3 and VNI are recognised in the form they take when their bytes were
    read as Windows-1252/Latin-1. Anything that is not clearly one of the
    legacy encodings is "unicode", including English, addresses and code.
    """
    if not text or _UNICODE_ONLY.search(text):
        return "unicode"
    text = _MARKUP.sub(" ", text)
    if _LATIN1_HIGH.search(text):
        return _best_8bit_reading(text)
    # ASCII, perhaps with a no-break space or curly quotes: VIQR or Unicode.
    return "viqr" if _looks_like_viqr(text) else "unicode"


def to_unicode(text: str | None, encoding: str | None = None) -> str | None:
    """Return text converted from a legacy Vietnamese encoding to NFC Unicode.

    With no encoding, detect it (detect_encoding); Unicode text, English,
    addresses and code numbers come back only normalised (normalize). Safe
    to run on every text, any number of times. None and "" pass through.
    """
    if not text:
        return text
    text = normalize(text)
    encoding = detect_encoding(text) if encoding is None else encoding
    return normalize(decode_legacy(text, encoding))


def _score(text: str, decode) -> tuple[int, int, int]:
    """Return (valid, invalid, length) of a reading of text's words.

    A word is valid when it is a syllable with its tone where spelling puts
    it (tone_well_placed). Only words holding a non-ASCII character count;
    words in capitals that are not syllables (abbreviations like "QĐ") and
    letters next to digits ("5µm") are neutral. A word with a symbol inside
    ("nh©n", "Q§-UBND") is invalid as a whole.
    """
    valid = invalid = seen = length = 0
    for token in _TOKEN.finditer(text):
        word = token.group()
        if word.isascii():
            continue
        seen += 1
        if seen > _MAX_WORDS:
            break
        reading = decode(word)
        length += len(reading)
        reading = _strip_punctuation(reading)
        if "\ufffd" in reading or any(
            not char.isascii() and not char.isalpha() and _touches_letter(reading, i)
            for i, char in enumerate(reading)
        ):
            # "nh©n", "Q§": a symbol inside a word, or a character the
            # encoding does not define (U+FFFD), means a wrong reading.
            invalid += 1
            continue
        for match in _LETTERS.finditer(reading):
            run = match.group()
            before = reading[match.start() - 1 : match.start()]
            after = reading[match.end() : match.end() + 1]
            if run.isascii() or before.isdigit() or after.isdigit():
                continue
            if any(a.islower() and b.isupper() for a, b in pairwise(run)):
                invalid += 1  # "ChÝ": a capital inside a word betrays a wrong reading
            elif tone_well_placed(run):
                valid += 1
            elif not (run.isupper() and len(run) > 1):
                invalid += 1
    return valid, invalid, length


def _strip_punctuation(word: str) -> str:
    """Return a word without the punctuation around it ("“Thái”," → "Thái")."""
    start, end = 0, len(word)
    while start < end and unicodedata.category(word[start]).startswith("P"):
        start += 1
    while end > start and unicodedata.category(word[end - 1]).startswith("P"):
        end -= 1
    return word[start:end]


def _touches_letter(text: str, i: int) -> bool:
    return any(c.isalpha() for c in text[max(0, i - 1) : i] + text[i + 1 : i + 2])


def _best_8bit_reading(text: str) -> str:
    """Return the reading of a Latin-1 text with the most valid words.

    Ties go to Unicode, then to the shorter reading: VNI spends a character
    on each mark, so a VNI text read as VNI is shorter than read as TCVN3.
    """
    valid, invalid, length = _score(text, lambda word: word)
    best, best_key = "unicode", (valid - invalid, 1, 0)
    for name, decode in (
        ("tcvn3", lambda word: decode_tcvn3(word, strict=True)),
        ("vni", lambda word: decode_vni(word, strict=True)),
    ):
        valid, invalid, length = _score(text, decode)
        key = (valid - invalid, 0, -length)
        if valid > invalid and key > best_key:
            best, best_key = name, key
    return best


def _looks_like_viqr(text: str) -> bool:
    """Tell whether ASCII text is VIQR: enough words become syllables, few break."""
    if not _VIQR_HINT.search(text):
        return False
    words = valid = invalid = strong = english = 0
    for piece, convertible in viqr_segments(text):
        if not convertible:
            continue
        if piece.strip("\"'“”()[]{},;:!?.").lower() in _ENGLISH:
            english += 1
        reading, applied = decode_viqr_part(piece)
        runs = _LETTERS.findall(reading)
        words += len(runs)
        if words > _MAX_WORDS:
            break
        marked = [run for run in runs if not run.isascii()]
        good = [run for run in marked if tone_well_placed(run)]
        bad = [run for run in marked if run not in good and not (run.isupper() and len(run) > 1)]
        valid += len(good)
        invalid += len(bad)
        if good and not bad and applied & VIQR_STRONG:
            strong += 1
    if not valid or invalid * 4 > valid or english > valid or valid * 4 < words:
        return False
    return bool(strong) or (valid >= 3 and not english and valid * 2 >= words)
