"""Read helpers: published answers and similar-answer suggestions."""

from django.db.models import Q

from eportal.qa.models import Question
from eportal.search import scoped
from eportal.search.models import Kind


def published_answers(portal=None):
    """Published questions for a portal's list: all portals on the main portal;
    on a component portal those it received or its agency answered."""
    questions = Question.objects.filter(status=Question.Status.PUBLISHED).select_related(
        "portal", "agency", "topic"
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
    """Published answers sharing most words with ``title``, as the site search
    matches words (for the ask form, while the citizen types)."""
    matches = scoped.similar(title, kind=Kind.QA)
    if matches.is_empty:
        return []
    answers = matches.restrict(published_answers(portal))
    ranked = matches.ranked(answers)
    if ranked is None:
        return list(matches.in_order(answers, "-published_at", "-pk")[:limit])
    return list(ranked.rows[:limit])
