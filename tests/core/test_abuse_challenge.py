"""The self-hosted challenge: signed, scoped, expiring, one use."""

import re

import pytest
from django.core.cache import cache

from eportal.core import abuse

WORDS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười"]


@pytest.fixture(autouse=True)
def _clean_cache():
    cache.clear()


def solve(challenge):
    words = challenge.question.lower().split()
    return WORDS.index(words[0]) + WORDS.index(words[2])


def test_a_correct_answer_passes_once():
    challenge = abuse.new_challenge("s")
    assert abuse.check_challenge("s", challenge.token, str(solve(challenge)))
    assert not abuse.check_challenge("s", challenge.token, str(solve(challenge)))


def test_a_wrong_answer_or_a_forged_token_fails():
    challenge = abuse.new_challenge("s")
    assert not abuse.check_challenge("s", challenge.token, str(solve(challenge) + 1))
    assert not abuse.check_challenge("s", challenge.token + "x", str(solve(challenge)))
    assert not abuse.check_challenge("s", challenge.token, "mười hai")


def test_a_token_of_another_scope_fails():
    challenge = abuse.new_challenge("a")
    assert not abuse.check_challenge("b", challenge.token, str(solve(challenge)))


def test_the_answer_is_not_readable_in_the_token():
    challenge = abuse.new_challenge("s")
    # The token is signed, not encrypted, but carries operands only, never the sum.
    assert not re.search(r'"sum"|"answer"', challenge.token)


def test_an_expired_token_fails(settings):
    settings.EPORTAL_ABUSE = {"CHALLENGE_MAX_AGE": -1}
    challenge = abuse.new_challenge("s")
    assert not abuse.check_challenge("s", challenge.token, str(solve(challenge)))
