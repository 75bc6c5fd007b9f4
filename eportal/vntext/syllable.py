"""Vietnamese letters and syllables: split a letter into its marks, check a syllable.

The encoding detectors decide between readings of a text by counting how many
of its words become real Vietnamese syllables, so the check here must accept
every syllable of standard Vietnamese spelling (both tone placements, "òa" and
"oà") and reject most foreign words. It is a spelling check, not a
dictionary: "bình" and "bính" both pass, "cafộ" and "yoủ" do not.
"""

import unicodedata

# Combining marks, as found after NFD decomposition.
GRAVE = "\u0300"  # huyền
ACUTE = "\u0301"  # sắc
TILDE = "\u0303"  # ngã
HOOK = "\u0309"  # hỏi
DOT = "\u0323"  # nặng
BREVE = "\u0306"  # ă
CIRCUMFLEX = "\u0302"  # â ê ô
HORN = "\u031b"  # ơ ư

TONES = (GRAVE, HOOK, TILDE, ACUTE, DOT)
QUALITIES = (BREVE, CIRCUMFLEX, HORN)

# Which quality marks each plain vowel takes.
QUALITY_BASES = {BREVE: "a", CIRCUMFLEX: "aeo", HORN: "ou"}

PLAIN_VOWELS = "aeiouy"
VOWELS = "aăâeêioôơuưy"

# The 12 vowels and đ in both cases, then every toned vowel: 134 letters.
BASE_LETTERS_LOWER = "ăâêôơưđ"
TONED_LOWER = "".join(unicodedata.normalize("NFC", v + t) for v in VOWELS for t in TONES)
ACCENTED_LOWER = BASE_LETTERS_LOWER + TONED_LOWER
ACCENTED_UPPER = ACCENTED_LOWER.upper()
ACCENTED_LETTERS = ACCENTED_LOWER + ACCENTED_UPPER

_ONSETS = (
    "ngh",
    "ng",
    "nh",
    "ch",
    "gh",
    "gi",
    "kh",
    "ph",
    "th",
    "tr",
    "qu",
    "b",
    "c",
    "d",
    "đ",
    "g",
    "h",
    "k",
    "l",
    "m",
    "n",
    "p",
    "r",
    "s",
    "t",
    "v",
    "x",
    "",
)


def _rhymes() -> frozenset[str]:
    codas = {
        "a": ["", "i", "o", "u", "y", "c", "ch", "m", "n", "ng", "nh", "p", "t"],
        "ă": ["c", "m", "n", "ng", "p", "t"],
        "â": ["u", "y", "c", "m", "n", "ng", "p", "t"],
        "e": ["", "o", "c", "ch", "m", "n", "ng", "p", "t"],
        "ê": ["", "u", "c", "ch", "m", "n", "ng", "nh", "p", "t"],
        "i": ["", "a", "u", "c", "ch", "m", "n", "nh", "p", "t"],
        "y": ["", "ch", "nh", "t"],
        "iê": ["u", "c", "m", "n", "ng", "p", "t"],
        "yê": ["u", "m", "n", "ng", "t"],
        "o": ["", "i", "c", "m", "n", "ng", "p", "t"],
        "oo": ["c", "ng"],
        "ô": ["", "i", "c", "m", "n", "ng", "p", "t"],
        "ơ": ["", "i", "u", "m", "n", "p", "t"],
        "u": ["", "a", "i", "y", "c", "m", "n", "ng", "p", "t"],
        "uô": ["i", "c", "m", "n", "ng", "t"],
        "ư": ["", "a", "i", "u", "c", "m", "n", "ng", "t"],
        "ươ": ["i", "u", "c", "m", "n", "ng", "p", "t"],
        "oa": ["", "i", "o", "y", "c", "ch", "m", "n", "ng", "nh", "p", "t"],
        "oă": ["c", "m", "n", "ng", "t"],
        "oe": ["", "o", "m", "n", "t"],
        "uâ": ["y", "n", "ng", "t"],
        "uê": ["", "ch", "n", "nh", "t"],
        "uy": ["", "a", "u", "ch", "n", "nh", "p", "t"],
        "uyê": ["n", "t"],
        "uơ": [""],
    }
    return frozenset(nucleus + coda for nucleus, tails in codas.items() for coda in tails)


RHYMES = _rhymes()
_STOP_CODAS = ("c", "ch", "p", "t")
_FRONT = "eêiy"
_LETTERS = frozenset("abcdđeghiklmnopqrstuvxyăâêôơư")


def split_letter(char: str) -> tuple[str, str, str]:
    """Return (plain base letter, quality mark, tone mark) of one letter.

    The marks are combining characters or "". "ệ" → ("e", CIRCUMFLEX, DOT),
    "đ" → ("đ", "", ""). Marks that Vietnamese does not use are returned as
    part of the base so that callers can reject them.
    """
    decomposed = unicodedata.normalize("NFD", char)
    base, quality, tone, other = decomposed[0], "", "", ""
    for mark in decomposed[1:]:
        if mark in TONES and not tone:
            tone = mark
        elif mark in QUALITIES and not quality:
            quality = mark
        else:
            other += mark
    return base + other, quality, tone


def compose(base: str, quality: str = "", tone: str = "") -> str:
    """Return the NFC letter made of a base letter, a quality mark and a tone mark."""
    return unicodedata.normalize("NFC", base + quality + tone)


def is_vowel(char: str) -> bool:
    """Tell whether a letter is a Vietnamese vowel (with any marks, either case)."""
    base, _, _ = split_letter(char.lower())
    return base in PLAIN_VOWELS


def _parse(word: str) -> tuple[str, str, str, int] | None:
    """Return (onset, rhyme, tone, index of the toned letter) or None if not a syllable."""
    if not word or len(word) > 8:
        return None
    tone, tone_at = "", -1
    bare = []
    for i, char in enumerate(word.lower()):
        base, quality, mark = split_letter(char)
        if mark:
            if tone:
                return None
            tone, tone_at = mark, i
        letter = compose(base, quality)
        if letter not in _LETTERS:
            return None
        bare.append(letter)
    text = "".join(bare)
    for onset in _ONSETS:
        if not text.startswith(onset):
            continue
        rhyme = text[len(onset) :]
        if rhyme not in RHYMES:
            continue
        if onset in ("k", "gh", "ngh") and rhyme[0] not in _FRONT:
            continue
        if onset in ("c", "ng") and rhyme[0] in "eêi":
            continue
        if onset == "g" and rhyme[0] in "eê":
            continue
        if onset == "qu" and rhyme[0] in "uo":
            continue
        if rhyme.endswith(_STOP_CODAS) and tone not in (ACUTE, DOT):
            continue
        return onset, rhyme, tone, tone_at
    return None


def is_syllable(word: str) -> bool:
    """Tell whether a word is a well-formed Vietnamese syllable, in any case.

    Examples: "Việt", "NGHIÊNG", "quốc", "gì", "hoà", "hòa" pass; "cafộ",
    "yoủ", "bỡnh" (ơ + nh), "thãt" (a stop ending with the ngã tone) fail.
    The tone may sit on any vowel; see tone_well_placed for where it belongs.
    """
    return _parse(word) is not None


def tone_well_placed(word: str) -> bool:
    """Tell whether a syllable carries its tone where Vietnamese spelling puts it.

    Both the old and the new placement pass ("hòa" and "hoà", "thúy" and
    "thuý"); "leõ" (for "lẽo") and "qúa" (for "quá") do not.
    """
    parsed = _parse(word)
    if parsed is None:
        return False
    onset, rhyme, tone, tone_at = parsed
    if not tone:
        return True
    start = len(onset)
    nucleus = []
    for i, letter in enumerate(rhyme):
        if letter not in VOWELS or (nucleus and i != nucleus[-1] - start + 1):
            break
        nucleus.append(start + i)
    coda = rhyme[len(nucleus) :]
    marked = [i for i in nucleus if rhyme[i - start] in "ăâêôơư"]
    if marked:
        allowed = {marked[-1]}
    elif len(nucleus) == 1:
        allowed = {nucleus[0]}
    elif len(nucleus) == 2:
        if coda:
            allowed = {nucleus[1]}
        elif rhyme in ("oa", "oe", "uy"):
            allowed = set(nucleus)
        else:
            allowed = {nucleus[0]}
    else:
        allowed = {nucleus[1]}
    return tone_at in allowed
