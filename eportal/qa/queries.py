"""Read helpers: published answers and similar-answer suggestions."""

from django.db.models import Q

from eportal.qa.models import Question, fold_words
from eportal.search import scoped
from eportal.search.models import Kind


def published_answers(portal=None):
    """Published questions for a portal's list: all portals on the main portal;
    on a component portal those it received or its agency answered."""
    questions = (
        Question.objects.filter(status=Question.Status.PUBLISHED)
        .defer("search_text")
        .select_related("portal", "agency", "topic")
    )
    if portal is not None and not portal.is_main:
        questions = questions.filter(Q(portal=portal) | Q(agency_id=portal.agency_id))
    return questions.order_by("-published_at", "-pk")


def search(questions, text: str):
    """Keep the questions that the site search finds for ``text`` (accents,
    synonyms, spellings and typos as there), best first; past
    ``scoped.RANK_BOUND`` matches, in their list's order."""
    matches = scoped.search(text, kind=Kind.QA)
    if matches.is_empty:
        return questions
    questions = matches.restrict(questions)
    ranked = matches.ranked(questions)
    return questions if ranked is None else ranked.rows


def similar(portal, title: str, limit: int = 5):
    """Published answers whose title shares most words with ``title`` (for the ask form)."""
    words = {w for w in fold_words(title) if len(w) > 2}
    if not words:
        return []
    any_word = Q()
    for word in list(words)[:10]:
        any_word |= Q(search_text__contains=f" {word} ")
    scored = []
    for question in published_answers(portal).filter(any_word)[:300]:
        score = len(words & set(fold_words(question.title)))
        if score:
            scored.append((score, question.published_at, question))
    scored.sort(key=lambda item: (-item[0], -(item[1].timestamp() if item[1] else 0)))
    return [question for _score, _at, question in scored[:limit]]
