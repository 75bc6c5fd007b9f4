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
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.db.models.functions import Left
from django.db.models.lookups import Contains, Exact, StartsWith

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
# When too few items hold every word, items holding some are shown too
# (``relaxed``), after every item that holds them all.
EVERY_GROUP = 100

# --- what the query says about the kind of result ----------------------------

# Folded phrases that only say what is wanted: matched when present, never
# required (an item about "đăng ký khai sinh" is what "thủ tục đăng ký khai
# sinh" and "đăng ký khai sinh như thế nào" ask for). Longest first.
PROCEDURE_WORDS = ("thu tuc hanh chinh", "thu tuc", "tthc", "ho so", "cach lam", "lam", "xin")
QUESTION_WORDS = (
    "nhu the nao",
    "the nao",
    "nhu nao",
    "lam sao",
    "lam the nao",
    "bao lau",
    "mat bao lau",
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

# Syllables written with a final "i" or "y" alike ("ký"/"kí", "lý"/"lí",
# "công ty"/"công ti", "liệt sĩ"/"liệt sỹ"), folded.
_I_OR_Y = re.compile(r"^(k|l|m|t|s|h|qu)(i|y)$")


def _other_spelling(word: str) -> str:
    """The same word written the other usual way: "ky" for "ki", and a document
    number with or without its leading zero ("05" for "5": "5/2014/QĐ-UBND"
    is often typed for 05/2014/QĐ-UBND)."""
    if word.isdigit():
        if len(word) == 1:
            return "0" + word
        if len(word) == 2 and word[0] == "0" and word[1] != "0":
            return word[1]
        return ""
    match = _I_OR_Y.match(word)
    if match is None:
        return ""
    return match[1] + ("y" if match[2] == "i" else "i")


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
            other = _other_spelling(word)
            groups.append((index, ((word,), (other,)) if other else ((word,),)))
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
    """Only real words are corrected: not numbers, not abbreviations (no vowel:
    "tttt", "gpxd"), not syllables of one or two letters."""
    return len(word) >= 3 and not _NUMBER.search(word) and any(c in "aeiouy" for c in word)


# The indexed words a cut-off last word may stand for ("khai sin" → "sinh"), at most.
MAX_COMPLETIONS = 12


def _completions(word: str) -> list[str]:
    """Indexed words that start with word and are longer, shortest first."""
    from django.db.models.functions import Length

    from eportal.search.models import SearchWord

    return list(
        SearchWord.objects.filter(word__startswith=word)
        .exclude(word=word)
        .annotate(n=Length("word"))
        .order_by("n", "word")
        .values_list("word", flat=True)[:MAX_COMPLETIONS]
    )


def relaxed(query: ParsedQuery) -> ParsedQuery | None:
    """The query matching the items that hold any of its groups, scored by the
    groups they hold (those holding every group first), or None for one group."""
    groups = query.match_groups
    if len(groups) < 2:
        return None
    alternatives = tuple(dict.fromkeys(a for group in groups for a in group))
    return replace(query, groups=(alternatives,), scored=groups)


def correct(query: ParsedQuery, backend, *, relax: bool = True) -> ParsedQuery | None:
    """What to search instead when a query finds (almost) nothing: each unknown
    word given its nearest indexed words as alternatives (at most two letters
    off), the last word also the indexed words it may have been cut from, and
    (``relax``) the items holding only some of the words after those holding
    all of them. None when there is nothing else to search.

    A list in its own order (newest first) does not relax: it cannot put the
    items holding every word first."""
    groups = list(query.match_groups)
    single = [g[0][0] for g in groups if len(g) == 1 and len(g[0]) == 1]
    checkable = [w for w in single if _correctable(w)]
    known = backend.known_words(checkable) if checkable else set()
    replaced: dict[str, str] = {}
    widened = False
    for index, group in enumerate(groups):
        word = group[0][0]
        if len(group) != 1 or len(group[0]) != 1:
            continue
        last = index == len(groups) - 1
        completions = _completions(word) if last and not _NUMBER.search(word) else []
        nearest = []
        if word in checkable and word not in known:
            nearest = backend.nearest_words(word, limit=2)
        if nearest or completions:
            alternatives = dict.fromkeys([word, *nearest, *completions])
            groups[index] = tuple((w,) for w in alternatives)
            widened = True
        if word not in known and (nearest or (completions and word in checkable)):
            replaced[word] = (nearest or completions)[0]
    corrected = replace(
        query,
        groups=tuple(groups),
        core=tuple(replaced.get(w, w) for w in query.core),
        corrected=" ".join(replaced.get(w, w) for w in query.folded) if replaced else "",
    )
    loose = relaxed(corrected) if relax else None
    if loose is not None:
        return loose
    return corrected if widened else None


# --- ordering ---------------------------------------------------------------------


# The score reads the first this many characters of a body: what it adds for
# the words, their accents and the phrase found there. A legal document's body
# runs to 60,000 characters and the score tests it once per word; the match
# itself (every word somewhere) reads the whole text through its index.
BODY_SCORED = 5_000
_LOOKUPS = {"contains": Contains, "startswith": StartsWith, "exact": Exact}


def _holds(lookup: str, text: str):
    """The condition ``<column>__<lookup>=text`` ("body_folded__contains"),
    a body column read to BODY_SCORED characters."""
    column, _, kind = lookup.partition("__")
    value = Left(F(column), BODY_SCORED) if column.startswith("body") else F(column)
    return _LOOKUPS[kind or "exact"](value, text)


def _points(lookup: str, text: str, points: int):
    return Case(When(_holds(lookup, text), then=Value(points)), default=Value(0))


def _any_points(lookup: str, phrases, points: int):
    """Points when the column holds (is, starts with) any of the phrases."""
    condition = Q()
    for phrase in sorted(phrases):
        condition |= Q(_holds(lookup, f" {phrase} "))
    return Case(When(condition, then=Value(points)), default=Value(0))


def _group_points(group, column: str, points: int):
    """Points for the first alternative of a group found in a column (the typed
    words in full, a synonym or a correction less)."""
    # An alternative is worth what the typed words are worth, a little less.
    full = points * len(group[0])
    whens = []
    for position, alternative in enumerate(group):
        weight = full if position == 0 else round(full * ALTERNATIVE_SHARE)
        phrase = f" {' '.join(alternative)} "
        whens.append(When(_holds(f"{column}__contains", phrase), then=Value(weight)))
    return Case(*whens, default=Value(0), output_field=IntegerField())


def holds_every_group(groups, columns=("title_folded", "body_folded")) -> Q:
    """A row holding, for every group, one of its alternatives (a phrase: its
    words side by side) as whole words in one of the folded ``columns``:
    what a query matches, tested row by row."""
    condition = Q()
    for group in groups:
        either = Q()
        for alternative in group:
            phrase = f" {' '.join(alternative)} "
            for column in columns:
                either |= Q(**{f"{column}__contains": phrase})
        condition &= either
    return condition


def score(query: ParsedQuery):
    """The relevance of a matching row: whole words in the title count more than
    in the body; exact accents ("bàn" for "bàn", not "bán") and the phrase add
    to it; the kind the query names comes first among equals."""
    parts = []
    for group in query.score_groups:
        parts.append(_group_points(group, "title_folded", TITLE_FOLDED))
        parts.append(_group_points(group, "body_folded", BODY_FOLDED))
    every_group = holds_every_group(query.scored) if query.scored else None
    if every_group is not None:
        parts.append(Case(When(every_group, then=Value(EVERY_GROUP)), default=Value(0)))
    for word in query.optional:
        parts.append(_points("title_folded__contains", f" {word} ", TITLE_FOLDED // 2))
        parts.append(_points("body_folded__contains", f" {word} ", BODY_FOLDED // 2))
    for word in query.words:
        if has_marks(word):
            parts.append(_points("title_terms__contains", f" {word} ", TITLE_EXACT))
            parts.append(_points("body_terms__contains", f" {word} ", BODY_EXACT))
    core_words = query.core or query.folded
    # The phrase as typed, and with "i" and "y" swapped where either is written.
    cores = {" ".join(core_words), " ".join(_other_spelling(w) or w for w in core_words)}
    parts.append(_any_points("title_folded", cores, TITLE_IS_QUERY))
    parts.append(_any_points("title_folded__startswith", cores, TITLE_STARTS_WITH_QUERY))
    if len(core_words) > 1:
        parts.append(_any_points("title_folded__contains", cores, TITLE_PHRASE))
        parts.append(_any_points("body_folded__contains", cores, BODY_PHRASE))
        if any(has_marks(w) for w in query.words):
            exact = f" {query.phrase} "
            parts.append(_points("title_terms__contains", exact, TITLE_PHRASE_EXACT))
            parts.append(_points("body_terms__contains", exact, BODY_PHRASE_EXACT))
    if query.intent:
        # Of a relaxed query, among the items holding every word only: the
        # kind named does not make up for the words an item lacks.
        kind = Q(kind=query.intent) & (every_group or Q())
        parts.append(Case(When(kind, then=Value(KIND_NAMED)), default=Value(0)))
    total = parts[0]
    for part in parts[1:]:
        total = total + part
    return total
