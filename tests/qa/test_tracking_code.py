"""Tracking codes are short, unambiguous and not sequential."""

from eportal.qa.models import CODE_ALPHABET, new_code


def test_it_uses_no_ambiguous_characters():
    assert not set("01OIL") & set(CODE_ALPHABET)
    codes = {new_code() for _ in range(2000)}
    assert all(len(code) == 8 and set(code) <= set(CODE_ALPHABET) for code in codes)
    assert len(codes) == 2000


def test_consecutive_questions_get_unrelated_codes(ask):
    first, second = ask(), ask()
    assert first.code != second.code
    shared_prefix = sum(1 for a, b in zip(first.code, second.code, strict=True) if a == b)
    assert shared_prefix < 8
