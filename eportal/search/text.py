"""Text handling for search: terms, folded terms, query parsing, snippets.

Pure Python: no Django. Indexed text and queries go through the same
``terms()`` so that "05/2014/QĐ-UBND" in a document and "05/2014/QD-UBND"
typed by a reader become the same folded words ("05 2014 qd ubnd").
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field

from eportal.vntext import fold, normalize, to_unicode

# Letters and digits only: punctuation, slashes and hyphens separate words.
_WORD = re.compile(r"[^\W_]+")
_TAGS = re.compile(r"<[^>]*>")
_SPACES = re.compile(r"\s+")

MAX_QUERY_LENGTH = 200
MAX_QUERY_TERMS = 12
# Longer bodies are cut before indexing: a snippet and a match need no more.
MAX_BODY_LENGTH = 60_000


def terms(text: str | None) -> list[str]:
    """Return the lower-case NFC words of text ("Số 05/2014" → ["số", "05", "2014"])."""
    if not text:
        return []
    return _WORD.findall(normalize(text).lower())


def padded(words: list[str]) -> str:
    """Join words with single spaces and pad both ends, so that " word " matches whole words."""
    return f" {' '.join(words)} " if words else ""


def fold_word(word: str) -> str:
    """Return the accent-free form of one word ("đăng" → "dang")."""
    return fold(word).replace(" ", "")


def has_marks(word: str) -> bool:
    """True when the word carries Vietnamese accents or letters (ă, â, đ, ê, ô, ơ, ư)."""
    return fold_word(word) != word


def plain_text(value: str | None) -> str:
    """Return HTML or rich text as plain text on one line."""
    if not value:
        return ""
    text = html.unescape(_TAGS.sub(" ", str(value)))
    return _SPACES.sub(" ", normalize(text)).strip()


@dataclass(frozen=True)
class ParsedQuery:
    """A reader's query, cleaned: its words as typed (lower case) and folded."""

    text: str
    words: list[str] = field(default_factory=list)
    folded: list[str] = field(default_factory=list)
    # What an item must hold to match: every group, each group given as its
    # alternatives, each alternative a tuple of folded words side by side
    # (a phrase). Empty: one group per folded word, that word its only
    # alternative. Synonyms and corrections add alternatives (ranking.expand).
    groups: tuple[tuple[tuple[str, ...], ...], ...] = ()
    # Set by ranking.expand: the folded words that say what is looked for
    # (``core``), those that only say what kind of result is wanted
    # (``optional``: scored, not required), that kind (``intent``), and the
    # query as the reader probably meant it when words were corrected.
    core: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()
    intent: str = ""
    corrected: str = ""
    # Set by ranking.relaxed when too few items hold every group: the groups
    # scored (each worth its points where found), while ``groups`` then holds
    # one group of all their alternatives (an item holding any of them matches).
    scored: tuple[tuple[tuple[str, ...], ...], ...] = ()

    @property
    def score_groups(self) -> tuple[tuple[tuple[str, ...], ...], ...]:
        return self.scored or self.match_groups

    @property
    def match_groups(self) -> tuple[tuple[tuple[str, ...], ...], ...]:
        if self.groups:
            return self.groups
        return tuple(((word,),) for word in self.folded)

    @property
    def is_empty(self) -> bool:
        return not self.folded

    @property
    def phrase(self) -> str:
        return " ".join(self.words)

    @property
    def folded_phrase(self) -> str:
        return " ".join(self.folded)


def parse_query(raw: str | None) -> ParsedQuery:
    """Clean a query: legacy encodings converted, NFC, lower case, words split.

    Repeated words are dropped and at most MAX_QUERY_TERMS words are kept.
    """
    text = (raw or "").strip()
    if not text:
        return ParsedQuery(text="")
    text = normalize(to_unicode(text)).strip()
    words: list[str] = []
    for word in terms(text):
        if word not in words:
            words.append(word)
    words = words[:MAX_QUERY_TERMS]
    return ParsedQuery(text=text, words=words, folded=[fold_word(w) for w in words])


def _fold_char(char: str) -> str:
    """Fold one character to one character (a space when it is no letter or digit)."""
    lowered = char.lower()
    if lowered == "đ":
        return "d"
    base = unicodedata.normalize("NFD", lowered)[:1]
    if base.isascii() and base.isalnum():
        return base
    return " " if not char.isalnum() else "x"


class _FoldTable(dict):
    """``str.translate`` table folding each character to one (filled as met):
    a body of 60,000 characters folds in a millisecond, not character by
    character through ``unicodedata``."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        return folded


_FOLD_TABLE = _FoldTable()


def _pattern(query: ParsedQuery) -> re.Pattern | None:
    """The query's words (typed, and of its synonyms and corrections) as whole
    folded words."""
    words = set(query.folded)
    for group in query.match_groups:
        for alternative in group:
            words.update(alternative)
    if not words:
        return None
    return re.compile(
        r"(?<![a-z0-9])(?:"
        + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        + r")(?![a-z0-9])"
    )


def _match_spans(
    text: str, query: ParsedQuery, start: int = 0, end: int | None = None
) -> list[tuple[int, int]]:
    """Spans of text (between start and end) where a query word occurs as a
    whole word, compared folded."""
    pattern = _pattern(query)
    if pattern is None:
        return []
    folded = text.translate(_FOLD_TABLE)
    found = pattern.finditer(folded, start, len(text) if end is None else end)
    return [(m.start(), m.end()) for m in found]


# Stretches of text folded at a time when looking for the first match.
_STRETCH = 4000


def _first_match(text: str, pattern: re.Pattern) -> int | None:
    """Where the first match of pattern in text starts, or None."""
    for at in range(0, len(text), _STRETCH):
        # The stretch reaches a little further, so that a word across its end matches.
        stretch = text[at : at + _STRETCH + 100].translate(_FOLD_TABLE)
        found = pattern.search(stretch, 1 if at else 0)
        if found is not None:
            return at + found.start()
    return None


def _marked(text: str, spans: list[tuple[int, int]], offset: int = 0) -> str:
    out, pos = [], 0
    for start, end in spans:
        start, end = start - offset, end - offset
        if start < pos or start < 0 or end > len(text):
            continue
        out.append(html.escape(text[pos:start]))
        out.append(f"<mark>{html.escape(text[start:end])}</mark>")
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out)


def highlight(text: str, query: ParsedQuery) -> str:
    """Return text escaped for HTML, with the query's words wrapped in <mark>."""
    return _marked(text or "", _match_spans(text or "", query))


def snippet(text: str, query: ParsedQuery, length: int = 240) -> str:
    """Return an escaped extract of text around the first match, words marked.

    Without a match the beginning of the text is given.
    """
    text = text or ""
    if len(text) <= length:
        return _marked(text, _match_spans(text, query))
    pattern = _pattern(query)
    # Only the first match is looked for, a stretch at a time, then the words
    # inside the extract: a long body has thousands of matches.
    first = _first_match(text, pattern) if pattern else None
    start = 0
    if first is not None:
        start = max(0, first - length // 4)
        if start:
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < first else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start + length // 2 else end
    inside = _match_spans(text[: end + 1], query, start, end) if first is not None else []
    extract = _marked(text[start:end], inside, offset=start)
    return ("… " if start else "") + extract + (" …" if end < len(text) else "")


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Edit distance between a and b counting a swap of two neighbours as one edit
    ("nagn" → "nang"), or limit + 1 when it exceeds limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, before[j - 2] + 1)
            current.append(cost)
        if min(current) > limit:
            return limit + 1
        before, previous = previous, current
    return previous[-1]
