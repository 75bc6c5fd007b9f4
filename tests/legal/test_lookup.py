"""Other apps find a document by its number and symbol, typed with or without accents."""

import pytest

from eportal.legal.lookup import find_by_number


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["05/2014/QĐ-UBND", "05/2014/QD-UBND", "5/2014/qđ-ubnd "])
def test_it_finds_the_live_document(import_text, typed):
    page = import_text("05-2014-qd-ubnd.txt")
    assert find_by_number(typed) == page


@pytest.mark.django_db
def test_it_finds_nothing_for_unknown_or_draft_documents(import_text, board):
    assert find_by_number("99/2014/QĐ-UBND") is None
    assert find_by_number("") is None
    draft = import_text(
        "86-kh-stttt.txt", portal="sotttt", publish=False, by=board["sotttt"]["editor"]
    )
    assert not draft.live
    assert find_by_number("86/KH-STTTT") is None
