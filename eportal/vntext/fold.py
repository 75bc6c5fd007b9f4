"""Accent folding for search and matching, and readable URL slugs."""

import re
import unicodedata
from functools import lru_cache

from .normalize import normalize

# Letters that do not decompose into an ASCII letter and marks.
_LETTERS = str.maketrans(
    {
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "Ð": "D",
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "þ": "th",
        "Þ": "TH",
        "ı": "i",
    }
)
# Typographic punctuation that has a plain ASCII twin.
_PUNCTUATION = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "«": '"',
        "»": '"',
        "‹": "'",
        "›": "'",
        "–": "-",
        "—": "-",
        "‐": "-",
        "‑": "-",
        "−": "-",
        "…": "...",
        "•": "*",
        "·": ".",
    }
)
_SPACES = re.compile(r"\s+")
# ASCII control characters that are not whitespace (str.isspace() counts \x1c-\x1f).
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1b\x7f]")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def fold(text: str | None) -> str:
    """Return the accent-free, lower-case ASCII form of text for search.

    "Đăng ký" → "dang ky", "Ủy ban" → "uy ban". Runs of whitespace become one
    space; characters with no ASCII form are dropped.
    """
    if not text:
        return ""
    # Parsers fold the same short lines and names again and again.
    return _fold_short(text) if len(text) <= 200 else _fold(text)


def _fold(text: str) -> str:
    if not text.isascii():
        text = normalize(text).translate(_LETTERS).translate(_PUNCTUATION)
        # Marks split off, then everything outside ASCII dropped (a whole
        # legal text is folded for its search column: this runs on megabytes).
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = _CONTROLS.sub("", text)
    return _SPACES.sub(" ", text).strip().lower()


_fold_short = lru_cache(maxsize=16384)(_fold)


def slugify(text: str | None, max_length: int = 80) -> str:
    """Return a readable ASCII slug: "Thủ tục hành chính" → "thu-tuc-hanh-chinh".

    Lower-case letters and digits joined by single hyphens, at most
    max_length characters, cut at a word boundary when it must be cut.
    """
    slug = _NOT_SLUG.sub("-", fold(text)).strip("-")
    if len(slug) <= max_length:
        return slug
    cut = slug[: max_length + 1]
    if cut[-1] != "-":
        # The cut falls inside a word: drop that word unless it is the only one.
        cut = cut.rsplit("-", 1)[0] if "-" in cut else cut[:max_length]
    return cut.strip("-")
