"""The self-hosted challenge: common-sense questions, one-use server-side tokens."""

import re

import pytest
from django.core.cache import cache
from django.utils import translation

from eportal.core import abuse
from tests.abuse_helpers import answer

NUMBER_WORDS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười"]


@pytest.fixture(autouse=True)
def _clean_cache():
    cache.clear()


def regex_solver(question: str) -> str:
    """What a script does with an arithmetic or 'what is X' question: compute or echo."""
    words = question.lower().replace("?", " ").split()
    numbers = [NUMBER_WORDS.index(w) for w in words if w in NUMBER_WORDS]
    digits = [int(n) for n in re.findall(r"\d+", question)]
    values = numbers + digits
    if len(values) >= 2:
        return str(values[0] + values[1])
    return words[-1] if words else ""


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_bank_is_large_and_no_answer_is_written_in_its_question(language):
    assert len(abuse.QUESTIONS) >= 30
    with translation.override(language):
        for question, answers in abuse.QUESTIONS:
            folded = abuse._normalise_answer(question)
            assert answers, question
            shown = answers if language == "en" else answers[:1]
            for accepted in shown:
                word = abuse._normalise_answer(accepted)
                assert not re.search(rf"\b{re.escape(word)}\b", folded), (str(question), word)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_script_solving_the_rendered_question_fails(language):
    with translation.override(language):
        for question, answers in abuse.QUESTIONS:
            guess = abuse._normalise_answer(regex_solver(str(question)))
            assert guess not in {abuse._normalise_answer(a) for a in answers}, str(question)
    challenge = abuse.new_challenge("s")
    assert not abuse.check_challenge("s", challenge.token, regex_solver(challenge.question))


def test_a_correct_answer_passes_once_and_accents_do_not_matter():
    challenge = abuse.new_challenge("s")
    given = abuse._normalise_answer(answer("s", challenge.token)).upper()
    assert abuse.check_challenge("s", challenge.token, f"  {given} ")
    assert not abuse.check_challenge("s", challenge.token, given)  # replay refused


def test_a_wrong_answer_burns_the_token():
    challenge = abuse.new_challenge("s")
    right = answer("s", challenge.token)
    assert not abuse.check_challenge("s", challenge.token, "không biết")
    assert not abuse.check_challenge("s", challenge.token, right)


def test_a_forged_token_or_another_scope_fails():
    challenge = abuse.new_challenge("a")
    right = answer("a", challenge.token)
    assert not abuse.check_challenge("a", challenge.token + "x", right)
    assert not abuse.check_challenge("b", challenge.token, right)
    # The failed attempts did not touch the real record: the right scope still passes.
    assert abuse.check_challenge("a", challenge.token, right)


def test_the_token_does_not_carry_the_question_or_answer():
    challenge = abuse.new_challenge("s")
    payload = abuse.signing.loads(challenge.token, salt=abuse._CHALLENGE_SALT)
    assert set(payload) == {"s", "n"}


def test_an_expired_token_fails(settings):
    challenge = abuse.new_challenge("s")
    right = answer("s", challenge.token)
    settings.EPORTAL_ABUSE = {"CHALLENGE_MAX_AGE": -1}
    assert not abuse.check_challenge("s", challenge.token, right)


def test_the_english_site_asks_in_english_and_takes_an_english_answer():
    with translation.override("vi"):
        vietnamese = {str(q) for q, _answers in abuse.QUESTIONS}
    with translation.override("en"):
        english = {str(q) for q, _answers in abuse.QUESTIONS}
        challenge = abuse.new_challenge("s")
    assert not english & vietnamese  # every question translated
    assert challenge.question in english
    accepted = abuse.challenge_answers("s", challenge.token)
    assert abuse.check_challenge("s", challenge.token, accepted[-1])  # the English answer
