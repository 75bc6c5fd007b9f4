"""What a reader's query means, and how matches are ordered.

``expand(query)`` widens a parsed query before it is matched: synonyms and
abbreviations (editable data, ``Synonym``) become alternatives of the words
they stand for, the words that only say what kind of thing is wanted ("thủ
tục", "như thế nào") stop being required, and ``correct(query)`` offers the
nearest indexed words for misspelt ones. ``score(query)`` is the relevance
of a matching row, the same expression on every database.

Every search surface builds its query with ``prepare(text)``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from django.core.cache import cache
from django.db.models import Case, IntegerField, Value, When

from eportal.search.text import ParsedQuery, fold_word, has_marks, parse_query, terms

# Points of a whole-word match, by where it is and whether the accents match
# exactly; a phrase (the words side by side, in order) earns more.
TITLE_FOLDED, BODY_FOLDED = 8, 2
# Exact accents outweigh everything a folded match can earn (SPEC §9: "bàn"
# before "bán" and "ban").
TITLE_EXACT, BODY_EXACT = 30, 25
TITLE_PHRASE, BODY_PHRASE = 12, 4
TITLE_PHRASE_EXACT, BODY_PHRASE_EXACT = 8, 3
# A title that is the query, or starts with it, is what the reader named.
TITLE_IS_QUERY, TITLE_STARTS_WITH_QUERY = 10, 6
# The kind the query names ("quyết định 05/2014", "… như thế nào?",
# "thủ tục …") before the others of the same match.
KIND_NAMED = 16
# A synonym or a correction counts a little less than the word typed.
ALTERNATIVE_SHARE = 0.75

# --- what the query says about the kind of result ----------------------------

# Folded phrases that only say what is wanted: matched when present, never
# required (an item about "đăng ký khai sinh" is what "thủ tục đăng ký khai
# sinh" and "đăng ký khai sinh như thế nào" ask for). Longest first.
PROCEDURE_WORDS = ("thu tuc hanh chinh", "thu tuc", "tthc", "ho so", "cach lam", "lam")
QUESTION_WORDS = (
    "nhu the nao",
    "the nao",
    "nhu nao",
    "lam sao",
    "lam the nao",
    "bao lau",
    "bao nhieu",
    "o dau",
    "can gi",
    "can nhung gi",
    "nhung gi",
    "co duoc",
    "duoc khong",
    "hay khong",
    "co phai",
    "tai sao",
    "vi sao",
    "xin hoi",
    "cho hoi",
    "toi muon",
    "muon",
    "toi",
    "khong",
    "gi",
)
# Forms of legal documents, and their abbreviations in numbers.
LEGAL_FORMS = (
    "quyet dinh",
    "nghi dinh",
    "thong tu",
    "chi thi",
    "cong van",
    "ke hoach",
    "nghi quyet",
    "luat",
    "van ban",
    "qd",
    "nd",
    "tt",
    "ct",
    "nq",
    "cv",
    "kh",
)
_NUMBER = re.compile(r"\d")

PROCEDURE, LEGAL, QA = "procedure", "legal", "qa"


def _phrases_in(words: list[str], phrases) -> list[tuple[int, int]]:
    """(start, end) of each phrase found in words, longest first, not overlapping."""
    taken: set[int] = set()
    found = []
    for phrase in sorted(phrases, key=lambda p: -len(p.split())):
        parts = phrase.split()
        for start in range(len(words) - len(parts) + 1):
            span = range(start, start + len(parts))
            if words[start : start + len(parts)] == parts and not taken.intersection(span):
                taken.update(span)
                found.append((start, start + len(parts)))
    return found


def intent_of(query: ParsedQuery) -> str:
    """The kind of result the query names, or "" when it names none.

    A number with a form ("nghị định 61") or two numbers ("05/2014") name a
    legal document; a question mark or a question's words an answer; "thủ
    tục" a procedure.
    """
    words = query.folded
    numbers = [w for w in words if _NUMBER.search(w)]
    if numbers and (len(numbers) >= 2 or _phrases_in(words, LEGAL_FORMS)):
        return LEGAL
    if "?" in query.text or _phrases_in(words, QUESTION_WORDS):
        return QA
    if _phrases_in(words, PROCEDURE_WORDS):
        return PROCEDURE
    return ""


# --- synonyms ------------------------------------------------------------------

SYNONYMS_CACHE_KEY = "search:synonyms"


def _folded(phrase: str) -> tuple[str, ...]:
    return tuple(fold_word(w) for w in terms(phrase))


def synonym_groups() -> list[list[tuple[str, ...]]]:
    """Every synonym group as folded phrases, read once and cached until one changes."""
    groups = cache.get(SYNONYMS_CACHE_KEY)
    if groups is None:
        from eportal.search.models import Synonym

        groups = []
        for synonym in Synonym.objects.all():
            phrases = [p for p in (_folded(line) for line in synonym.phrase_list()) if p]
            if len(phrases) > 1:
                groups.append(phrases)
        cache.set(SYNONYMS_CACHE_KEY, groups, 3600)
    return groups


def forget_synonyms() -> None:
    cache.delete(SYNONYMS_CACHE_KEY)


# --- widening a query -------------------------------------------------------------


def expand(query: ParsedQuery) -> ParsedQuery:
    """The query with synonyms as alternatives and the words that only name a
    kind of result made optional (unless nothing else is left)."""
    if query.is_empty:
        return query
    words = list(query.folded)
    groups: list[tuple[int, tuple[tuple[str, ...], ...]]] = []
    covered: set[int] = set()
    for phrases in synonym_groups():
        for start, end in _phrases_in(words, [" ".join(p) for p in phrases]):
            if covered.intersection(range(start, end)):
                continue
            own = tuple(words[start:end])
            others = tuple(p for p in phrases if p != own)
            groups.append((start, (own, *others)))
            covered.update(range(start, end))
    intent = intent_of(query)
    kind_words = PROCEDURE_WORDS + QUESTION_WORDS + (LEGAL_FORMS if intent == LEGAL else ())
    optional = set()
    for start, end in _phrases_in(words, kind_words):
        span = set(range(start, end))
        if not span & covered:
            optional |= span
    if len(optional) == len(words):
        optional = set()  # "thủ tục hành chính" alone is what is looked for
    for index, word in enumerate(words):
        if index not in covered and index not in optional:
            groups.append((index, ((word,),)))
    groups.sort(key=lambda item: item[0])
    return replace(
        query,
        groups=tuple(group for _start, group in groups),
        core=tuple(w for i, w in enumerate(words) if i not in optional),
        optional=tuple(w for i, w in enumerate(words) if i in optional),
        intent=intent,
    )


def prepare(text: str | None) -> ParsedQuery:
    """The query every search surface runs: parsed, then expanded."""
    return expand(parse_query(text))


def _correctable(word: str) -> bool:
    """Only real words are corrected: not numbers, not short syllables, not
    abbreviations (no vowel: "tttt", "gpxd")."""
    return len(word) >= 4 and not _NUMBER.search(word) and any(c in "aeiouy" for c in word)


def correct(query: ParsedQuery, backend) -> ParsedQuery | None:
    """The query with each unknown word given its nearest indexed words as
    alternatives (at most two letters off), or None when none is unknown."""
    groups = list(query.match_groups)
    single = [g[0][0] for g in groups if len(g) == 1 and len(g[0]) == 1]
    checkable = [w for w in single if _correctable(w)]
    if not checkable:
        return None
    known = backend.known_words(checkable)
    replaced: dict[str, str] = {}
    for index, group in enumerate(groups):
        word = group[0][0]
        if len(group) != 1 or len(group[0]) != 1 or word in known or word not in checkable:
            continue
        nearest = backend.nearest_words(word, limit=2)
        if nearest:
            groups[index] = ((word,), *((w,) for w in nearest))
            replaced[word] = nearest[0]
    if not replaced:
        return None
    return replace(
        query,
        groups=tuple(groups),
        core=tuple(replaced.get(w, w) for w in query.core),
        corrected=" ".join(replaced.get(w, w) for w in query.folded),
    )


# --- ordering ---------------------------------------------------------------------


def _points(lookup: str, text: str, points: int):
    return Case(When(**{lookup: text}, then=Value(points)), default=Value(0))


def _group_points(group, column: str, points: int):
    """Points for the first alternative of a group found in a column (the typed
    words in full, a synonym or a correction less)."""
    # An alternative is worth what the typed words are worth, a little less.
    full = points * len(group[0])
    whens = []
    for position, alternative in enumerate(group):
        weight = full if position == 0 else round(full * ALTERNATIVE_SHARE)
        phrase = f" {' '.join(alternative)} "
        whens.append(When(**{f"{column}__contains": phrase}, then=Value(weight)))
    return Case(*whens, default=Value(0), output_field=IntegerField())


def score(query: ParsedQuery):
    """The relevance of a matching row: whole words in the title count more than
    in the body; exact accents ("bàn" for "bàn", not "bán") and the phrase add
    to it; the kind the query names comes first among equals."""
    parts = []
    for group in query.match_groups:
        parts.append(_group_points(group, "title_folded", TITLE_FOLDED))
        parts.append(_group_points(group, "body_folded", BODY_FOLDED))
    for word in query.optional:
        parts.append(_points("title_folded__contains", f" {word} ", TITLE_FOLDED // 2))
        parts.append(_points("body_folded__contains", f" {word} ", BODY_FOLDED // 2))
    for word in query.words:
        if has_marks(word):
            parts.append(_points("title_terms__contains", f" {word} ", TITLE_EXACT))
            parts.append(_points("body_terms__contains", f" {word} ", BODY_EXACT))
    core = " ".join(query.core or query.folded)
    parts.append(_points("title_folded", f" {core} ", TITLE_IS_QUERY))
    parts.append(_points("title_folded__startswith", f" {core} ", TITLE_STARTS_WITH_QUERY))
    if len(query.core or query.folded) > 1:
        parts.append(_points("title_folded__contains", f" {core} ", TITLE_PHRASE))
        parts.append(_points("body_folded__contains", f" {core} ", BODY_PHRASE))
        if any(has_marks(w) for w in query.words):
            exact = f" {query.phrase} "
            parts.append(_points("title_terms__contains", exact, TITLE_PHRASE_EXACT))
            parts.append(_points("body_terms__contains", exact, BODY_PHRASE_EXACT))
    if query.intent:
        parts.append(_points("kind", query.intent, KIND_NAMED))
    total = parts[0]
    for part in parts[1:]:
        total = total + part
    return total
