"""The legacy Vietnamese encodings TCVN3 (ABC), VNI and VIQR: decode and encode.

Text in TCVN3 and VNI reaches us as the characters that its bytes show when
read as Windows-1252/Latin-1 (a .doc pasted into a browser, a CSV opened with
the wrong code page): "Th¸i B×nh" (TCVN3) and "Thaùi Bình" (VNI) are both
"Thái Bình". VIQR is plain ASCII: "Tha'i Bi`nh".

TCVN3 capitals. TCVN3 (TCVN 5712:1993 VN3, the ABC fonts .VnTime etc.) has
codes for all 67 lower-case letters but only for 7 capitals: Ă Â Ê Ô Ơ Ư Đ.
A capital with a tone mark (Ủ, Á, Ệ …) was typed with the lower-case code in
the all-capitals font (.VnTimeH), so once the font is gone the text only says
"ủ". Decoding therefore restores the capital from context: when the rest of
its word is in capitals ("ñY BAN" → "ỦY BAN"), when a word that cannot tell
("ë", "Hµ") stands between words in capitals ("§I ë §¢U" → "ĐI Ở ĐÂU",
"PHè Hµ NéI" → "PHỐ HÀ NỘI"), and at the start of the
text, of a line, of an HTML paragraph or of a sentence ("ñy ban" → "Ủy
ban"). Anywhere else it stays lower case, so "cña ñy ban" becomes "của ủy
ban" even where the typist meant "của Ủy ban": nothing in the text tells.
Encoding writes these 60 capitals with the lower-case codes, as ABC users
did.

VIQR follows RFC 1456: marks after the vowel ("Vie^.t"), "dd" for đ, and "\\"
before a mark character that is meant literally ("Ha\\." is "Ha."). A mark
is only read as a mark right after a vowel that can take it, and a tone mark
only while the syllable has no tone yet ("Ha` No^.i." ends with a full stop).
Addresses, e-mails, file names, HTML tags and anything holding a digit are
left as they are, so "05/2014/QDD-UBND" becomes "05/2014/QĐ-UBND" and
"3.5" stays "3.5".
"""

import re
import unicodedata

from .syllable import (
    ACUTE,
    BREVE,
    CIRCUMFLEX,
    DOT,
    GRAVE,
    HOOK,
    HORN,
    PLAIN_VOWELS,
    QUALITY_BASES,
    TILDE,
    TONED_LOWER,
    compose,
    is_vowel,
    split_letter,
)

ENCODINGS = ("tcvn3", "vni", "viqr")
_ALIASES = {
    "tcvn3": "tcvn3",
    "tcvn": "tcvn3",
    "abc": "tcvn3",
    "vn3": "tcvn3",
    "vni": "vni",
    "vni-windows": "vni",
    "viqr": "viqr",
    "unicode": "unicode",
    "utf-8": "unicode",
    "utf8": "unicode",
}

# Characters that Windows-1252 shows for bytes 0x80-0x9F. Neither TCVN3 nor
# VNI puts letters there, so they pass through both encodings unchanged.
_CP1252_HIGH = frozenset(bytes(range(0x80, 0xA0)).decode("cp1252", errors="ignore"))


def canonical_encoding(name: str) -> str:
    """Return "unicode", "tcvn3", "vni" or "viqr" for an encoding name or alias."""
    try:
        return _ALIASES[name.strip().lower()]
    except (AttributeError, KeyError):
        raise ValueError(
            f"Unknown Vietnamese encoding {name!r}: use one of tcvn3, vni, viqr, unicode."
        ) from None


# --- TCVN3 -----------------------------------------------------------------

# Byte → letter. Per vowel the five tones come in the order huyền, hỏi, ngã,
# sắc, nặng; 0xA0 is the no-break space, as in Latin-1.
_TCVN3_CODES = {
    0xA1: "Ă",
    0xA2: "Â",
    0xA3: "Ê",
    0xA4: "Ô",
    0xA5: "Ơ",
    0xA6: "Ư",
    0xA7: "Đ",
    0xA8: "ă",
    0xA9: "â",
    0xAA: "ê",
    0xAB: "ô",
    0xAC: "ơ",
    0xAD: "ư",
    0xAE: "đ",
}
for _codes, _letters in (
    ((0xB5, 0xB6, 0xB7, 0xB8, 0xB9), "àảãáạ"),
    ((0xBB, 0xBC, 0xBD, 0xBE, 0xC6), "ằẳẵắặ"),
    ((0xC7, 0xC8, 0xC9, 0xCA, 0xCB), "ầẩẫấậ"),
    ((0xCC, 0xCE, 0xCF, 0xD0, 0xD1), "èẻẽéẹ"),
    ((0xD2, 0xD3, 0xD4, 0xD5, 0xD6), "ềểễếệ"),
    ((0xD7, 0xD8, 0xDC, 0xDD, 0xDE), "ìỉĩíị"),
    ((0xDF, 0xE1, 0xE2, 0xE3, 0xE4), "òỏõóọ"),
    ((0xE5, 0xE6, 0xE7, 0xE8, 0xE9), "ồổỗốộ"),
    ((0xEA, 0xEB, 0xEC, 0xED, 0xEE), "ờởỡớợ"),
    ((0xEF, 0xF1, 0xF2, 0xF3, 0xF4), "ùủũúụ"),
    ((0xF5, 0xF6, 0xF7, 0xF8, 0xF9), "ừửữứự"),
    ((0xFA, 0xFB, 0xFC, 0xFD, 0xFE), "ỳỷỹýỵ"),
):
    _TCVN3_CODES.update(zip(_codes, _letters, strict=True))

TCVN3_TO_UNICODE = {chr(code): letter for code, letter in _TCVN3_CODES.items()}
UNICODE_TO_TCVN3 = {letter: char for char, letter in TCVN3_TO_UNICODE.items()}
# The 60 capitals with a tone mark share the code of their lower-case letter.
for _letter, _char in list(UNICODE_TO_TCVN3.items()):
    UNICODE_TO_TCVN3.setdefault(_letter.upper(), _char)
# Lower-case codes that also stand for a capital (in the all-capitals font).
_TCVN3_SHARED = frozenset(
    char for char, letter in TCVN3_TO_UNICODE.items() if letter in TONED_LOWER
)

# Latin-1 characters that TCVN3 uses for something else: seen in a TCVN3
# text they cannot stand for themselves.
_TCVN3_UNDEFINED = frozenset(chr(c) for c in range(0xA1, 0x100)) - set(TCVN3_TO_UNICODE)

_WORD = re.compile(r"[^\W\d_]+")
_MARKUP = re.compile(r"<[^<>]*>|&#?\w+;")
# Where a sentence starts: the text's start, a line's or an HTML block's
# start (after a list bullet, if any), or after . ! ? … and a space.
_SENTENCE_START = re.compile(
    r"(?:\A|\n|<(?:p|li|h[1-6]|td|th|div|br|blockquote|dt|dd)\b[^<>]*>)[\s\-–•*]*\Z"
    r"|[.!?…][\"'”’)\]]*\s[\s\-–•*]*\Z",
    re.IGNORECASE,
)


def decode_tcvn3(text: str, *, strict: bool = False) -> str:
    """Return the Unicode letters of TCVN3 text read as Latin-1 characters.

    Capitals with a tone mark are restored from context (module docstring).
    With strict, characters that TCVN3 does not define become U+FFFD (used
    by the detector to count evidence against TCVN3).
    """
    decoded = [TCVN3_TO_UNICODE.get(c, c) for c in text]
    if strict:
        decoded = [
            "\ufffd" if c in _TCVN3_UNDEFINED else d for c, d in zip(text, decoded, strict=True)
        ]
    if not _TCVN3_SHARED.intersection(text):
        return "".join(decoded)
    joined = "".join(decoded)
    # Tag and entity names are not words: blank them out, keeping positions.
    text_only = _MARKUP.sub(lambda markup: " " * len(markup.group()), joined)
    words = [m.span() for m in _WORD.finditer(text_only)]
    cases = [_tcvn3_case(text, decoded, start, end) for start, end in words]
    for k, (start, end) in enumerate(words):
        shared = [i for i in range(start, end) if text[i] in _TCVN3_SHARED]
        if not shared:
            continue
        at_sentence_start = bool(_SENTENCE_START.search(joined, max(0, start - 40), start))
        if cases[k] == "upper":
            upper = shared
        elif cases[k] == "lower":
            # A word in lower case: only its first letter can be a capital.
            upper = [start] if shared[0] == start and at_sentence_start else []
        elif _neighbours_upper(cases, k):
            # "ë", "Hµ": as the nearest words that tell their case.
            upper = shared
        elif at_sentence_start and shared[0] == start:
            upper = [start]
        else:
            upper = []
        for i in upper:
            decoded[i] = decoded[i].upper()
    return "".join(decoded)


def _tcvn3_case(text: str, decoded: list[str], start: int, end: int) -> str:
    """Return "upper", "lower" or "unknown": the case a word's other letters show.

    A word with a lower-case letter is "lower"; one whose letters other than
    the shared codes are capitals is "upper" ("ñY", "TH¸I") unless that is
    only its first letter ("Hµ" may be "Hà" or "HÀ") or a single letter.
    """
    others = [i for i in range(start, end) if text[i] not in _TCVN3_SHARED]
    if any(decoded[i].islower() for i in others):
        return "lower"
    if len(others) >= 2 or (others and others[0] > start):
        return "upper"
    return "unknown"


def _neighbours_upper(cases: list[str], k: int) -> bool:
    """Tell whether the nearest words on each side that show a case are capitals."""
    found = []
    for step in (-1, 1):
        j = k + step
        while 0 <= j < len(cases) and cases[j] == "unknown":
            j += step
        if 0 <= j < len(cases):
            found.append(cases[j])
    return bool(found) and all(case == "upper" for case in found)


def _encode_tcvn3(text: str, errors: str) -> str:
    out = []
    for char in text:
        if char.isascii() or char in _CP1252_HIGH or char == "\u00a0":
            out.append(char)
        elif char in UNICODE_TO_TCVN3:
            out.append(UNICODE_TO_TCVN3[char])
        else:
            out.append(_unencodable(char, "tcvn3", errors))
    return "".join(out)


def _unencodable(char: str, encoding: str, errors: str) -> str:
    if errors == "replace":
        return "?"
    raise ValueError(f"{char!r} (U+{ord(char):04X}) cannot be written in {encoding.upper()}.")


# --- VNI -------------------------------------------------------------------

# Letters that VNI writes as one character.
_VNI_LETTERS = {
    "ñ": "đ",
    "Ñ": "Đ",
    "ô": "ơ",
    "Ô": "Ơ",
    "ö": "ư",
    "Ö": "Ư",
    "ì": "ì",
    "Ì": "Ì",
    "í": "í",
    "Í": "Í",
    "æ": "ỉ",
    "Æ": "Ỉ",
    "ó": "ĩ",
    "Ó": "Ĩ",
    "ò": "ị",
    "Ò": "Ị",
    "î": "ỵ",
    "Î": "Ỵ",
}
# Mark characters written after the vowel: (quality, tone). The capital form
# is used after a capital vowel.
_VNI_MARKS = {}
for _lower, _marks in {
    "ø": ("", GRAVE),
    "ù": ("", ACUTE),
    "û": ("", HOOK),
    "õ": ("", TILDE),
    "ï": ("", DOT),
    "â": (CIRCUMFLEX, ""),
    "à": (CIRCUMFLEX, GRAVE),
    "á": (CIRCUMFLEX, ACUTE),
    "å": (CIRCUMFLEX, HOOK),
    "ã": (CIRCUMFLEX, TILDE),
    "ä": (CIRCUMFLEX, DOT),
    "ê": (BREVE, ""),
    "è": (BREVE, GRAVE),
    "é": (BREVE, ACUTE),
    "ú": (BREVE, HOOK),
    "ü": (BREVE, TILDE),
    "ë": (BREVE, DOT),
}.items():
    _VNI_MARKS[_lower] = _marks
    _VNI_MARKS[_lower.upper()] = _marks
_VNI_MARK_FOR = {(marks, char.isupper()): char for char, marks in _VNI_MARKS.items()}
_VNI_LETTER_FOR = {letter: char for char, letter in _VNI_LETTERS.items() if char != letter}
_VNI_LETTER_FOR.update({"ì": "ì", "Ì": "Ì", "í": "í", "Í": "Í"})
_VNI_DEFINED = frozenset(_VNI_LETTERS) | frozenset(_VNI_MARKS)


def _with_marks(letter: str, quality: str, tone: str) -> str | None:
    """Return letter with the marks added, or None if it cannot take them."""
    base, has_quality, has_tone = split_letter(letter)
    if base.lower() not in PLAIN_VOWELS:
        return None
    if tone and has_tone:
        return None
    if quality and (has_quality or base.lower() not in QUALITY_BASES[quality]):
        return None
    return compose(base, quality or has_quality, tone or has_tone)


def decode_vni(text: str, *, strict: bool = False) -> str:
    """Return the Unicode letters of VNI text read as Latin-1 characters.

    With strict, mark characters that follow no vowel and Latin-1 letters
    that VNI does not use become U+FFFD.
    """
    out: list[str] = []
    for char in text:
        marks = _VNI_MARKS.get(char)
        if marks and out:
            combined = _with_marks(out[-1], *marks)
            if combined:
                out[-1] = combined
                continue
        if char in _VNI_LETTERS:
            out.append(_VNI_LETTERS[char])
        elif (
            strict
            and not char.isascii()
            and "\u00c0" <= char <= "\u00ff"
            and char not in _VNI_DEFINED
        ):
            out.append("\ufffd")
        elif strict and marks:
            out.append("\ufffd")
        else:
            out.append(char)
    return "".join(out)


def _encode_vni(text: str, errors: str) -> str:
    out = []
    for char in text:
        if char.isascii() or char in _CP1252_HIGH or char == "\u00a0":
            out.append(char)
            continue
        if char in _VNI_LETTER_FOR:
            out.append(_VNI_LETTER_FOR[char])
            continue
        base, quality, tone = split_letter(char)
        if base.lower() not in PLAIN_VOWELS:
            out.append(_unencodable(char, "vni", errors))
            continue
        upper = base.isupper()
        if quality == HORN:
            # ơ and ư are letters of their own in VNI; the tone follows.
            out.append(_VNI_LETTER_FOR[compose(base, HORN)])
            quality = ""
        else:
            out.append(base)
        if quality or tone:
            out.append(_VNI_MARK_FOR[((quality, tone), upper)])
    return "".join(out)


# --- VIQR ------------------------------------------------------------------

VIQR_TONES = {"'": ACUTE, "`": GRAVE, "?": HOOK, "~": TILDE, ".": DOT}
VIQR_QUALITIES = {"(": BREVE, "^": CIRCUMFLEX, "+": HORN}
_VIQR_TONE_FOR = {mark: char for char, mark in VIQR_TONES.items()}
_VIQR_QUALITY_FOR = {mark: char for char, mark in VIQR_QUALITIES.items()}
_VIQR_ESCAPABLE = frozenset("'`?~.(^+dD\\")
# Marks that ordinary English or code hardly ever puts after a vowel.
VIQR_STRONG = frozenset("^(+`~") | {"dd"}

_TOKEN = re.compile(r"\S+")
_URLISH = re.compile(r"://|@|^www\.", re.IGNORECASE)
_DOMAIN = re.compile(
    r"^[\w.-]+\.(com|net|org|vn|gov|edu|info|biz|io|uk|us|de|fr|jp|cn|ru|au|sg|kr|eu|int|mil|asia|online|site)(/\S*)?$",
    re.IGNORECASE,
)
_FILE = re.compile(
    r"^[\w.-]+\.(pdf|docx?|xlsx?|pptx?|odt|ods|odp|rtf|txt|csv|zip|rar|7z|jpe?g|png|gif|svg|webp|html?|xml|json|ya?ml|py|js|css|md|sql)$",
    re.IGNORECASE,
)
_PART_SEPARATOR = re.compile(r"([/\-])")
_CODE_CHARS = frozenset("=_@#$%&*<>{}[]|\\0123456789")
_EDGE_PUNCT = "\"'“”‘’()[]{}<>,;:!?."


def viqr_segments(text: str):
    """Yield (piece, convertible) pieces that together make up text.

    Markup, whitespace, addresses, file names and code-like parts are not
    convertible; the rest are words or parts of words that may hold VIQR.
    """
    pos = 0
    for markup in _MARKUP.finditer(text):
        yield from _text_segments(text[pos : markup.start()])
        yield markup.group(), False
        pos = markup.end()
    yield from _text_segments(text[pos:])


def _text_segments(text: str):
    pos = 0
    for token in _TOKEN.finditer(text):
        if token.start() > pos:
            yield text[pos : token.start()], False
        pos = token.end()
        word = token.group()
        bare = word.strip(_EDGE_PUNCT)
        if _URLISH.search(word) or _DOMAIN.match(bare) or _FILE.match(bare):
            yield word, False
            continue
        for part in _PART_SEPARATOR.split(word):
            if not part:
                continue
            protected = part in "/-" or any(c in _CODE_CHARS for c in part.replace("\\", ""))
            yield part, not protected
    if pos < len(text):
        yield text[pos:], False


class _Run:
    """The letters of the syllable being read or written, for the VIQR rules."""

    def __init__(self):
        self.letters = ""
        self.toned = False

    def push(self, char: str) -> None:
        if char.isalpha():
            self.letters += char
            self.toned = self.toned or bool(split_letter(char)[2])
        else:
            self.letters, self.toned = "", False

    def takes(self, mark: str) -> bool:
        """Tell whether a VIQR mark character here modifies the last letter."""
        if not self.letters:
            return False
        last = self.letters[-1]
        if mark in VIQR_TONES:
            return not self.toned and _with_marks(last, "", VIQR_TONES[mark]) is not None
        if mark in VIQR_QUALITIES:
            return _with_marks(last, VIQR_QUALITIES[mark], "") is not None
        return False

    def takes_dd(self, pair: str) -> bool:
        """Tell whether "dd" here is the letter đ: at a syllable start, or in
        an abbreviation in capitals after consonants ("QDD", "HDDND")."""
        if pair.lower() != "dd":
            return False
        if not self.letters:
            return True
        return pair == "DD" and all(c.isupper() and not is_vowel(c) for c in self.letters)


def decode_viqr_part(part: str) -> tuple[str, set[str]]:
    """Return a word part decoded from VIQR and the set of marks applied."""
    out: list[str] = []
    run = _Run()
    applied: set[str] = set()
    i, n = 0, len(part)
    while i < n:
        char = part[i]
        if char == "\\" and i + 1 < n and part[i + 1] in _VIQR_ESCAPABLE:
            out.append(part[i + 1])
            run.push(part[i + 1])
            i += 2
            continue
        if run.takes(char):
            quality = VIQR_QUALITIES.get(char, "")
            tone = VIQR_TONES.get(char, "")
            out[-1] = _with_marks(out[-1], quality, tone)
            run.letters = run.letters[:-1] + out[-1]
            run.toned = run.toned or bool(tone)
            applied.add(char)
        elif run.takes_dd(part[i : i + 2]):
            letter = "Đ" if char == "D" else "đ"
            out.append(letter)
            run.push(letter)
            applied.add("dd")
            i += 1
        else:
            out.append(char)
            run.push(char)
        i += 1
    return "".join(out), applied


def decode_viqr(text: str) -> str:
    """Return VIQR text in Unicode, leaving markup, addresses and codes alone."""
    return "".join(
        decode_viqr_part(piece)[0] if convertible else piece
        for piece, convertible in viqr_segments(text)
    )


def _viqr_letter(char: str, errors: str) -> str:
    """Return one character written in VIQR (no escaping)."""
    if char.isascii():
        return char
    if char in ("đ", "Đ"):
        return "dd" if char == "đ" else "DD"
    base, quality, tone = split_letter(char)
    if base.lower() not in PLAIN_VOWELS:
        return _unencodable(char, "viqr", errors)
    return base + _VIQR_QUALITY_FOR.get(quality, "") + _VIQR_TONE_FOR.get(tone, "")


def _encode_viqr_part(part: str, errors: str) -> str:
    """Write a word part in VIQR, escaping the characters the decoder would misread."""
    out = []
    run = _Run()
    for i, char in enumerate(part):
        following = part[i + 1 : i + 2]
        if char == "\\" and (following in _VIQR_ESCAPABLE or following in ("đ", "Đ")):
            out.append("\\\\")
        elif char in VIQR_TONES or char in VIQR_QUALITIES:
            out.append("\\" + char if run.takes(char) else char)
        elif char in ("d", "D") and following in ("d", "D") and run.takes_dd(char + following):
            out.append(char + "\\")
        else:
            out.append(_viqr_letter(char, errors))
        run.push(char)
    return "".join(out)


def _encode_viqr(text: str, errors: str) -> str:
    return "".join(
        _encode_viqr_part(piece, errors)
        if convertible
        else "".join(_viqr_letter(char, errors) for char in piece)
        for piece, convertible in viqr_segments(text)
    )


# --- Both ways ---------------------------------------------------------------


def decode_legacy(text: str, encoding: str) -> str:
    """Return text decoded from the given legacy encoding (not yet normalised)."""
    encoding = canonical_encoding(encoding)
    if encoding == "tcvn3":
        return decode_tcvn3(text)
    if encoding == "vni":
        return decode_vni(text)
    if encoding == "viqr":
        return decode_viqr(text)
    return text


def encode_legacy(text: str | None, encoding: str, errors: str = "strict") -> str | None:
    """Return Unicode text written in a legacy encoding ("tcvn3", "vni", "viqr").

    TCVN3 and VNI come out as the Latin-1 characters of their bytes, ready to
    be written with ``.encode("latin-1")`` or pasted into an old document.
    Characters the encoding cannot hold raise ValueError, or become "?" with
    errors="replace". TCVN3 writes capitals with a tone mark with the
    lower-case code (see the module docstring).
    """
    if not text:
        return text
    encoding = canonical_encoding(encoding)
    if errors not in ("strict", "replace"):
        raise ValueError("errors must be 'strict' or 'replace'.")
    text = unicodedata.normalize("NFC", text)
    if encoding == "tcvn3":
        return _encode_tcvn3(text, errors)
    if encoding == "vni":
        return _encode_vni(text, errors)
    if encoding == "viqr":
        return _encode_viqr(text, errors)
    return text
