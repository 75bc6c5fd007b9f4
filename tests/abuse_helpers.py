"""Answer the bot challenge the way a person would, by reading which question the
server asked from its own record (a test cannot read a page's answer otherwise)."""

from eportal.core import abuse


def answer(scope: str, token: str) -> str:
    answers = abuse.challenge_answers(scope, token)
    assert answers, "no unused challenge was issued under this token"
    return answers[0]
