from hypothesis import given
from hypothesis import strategies as st

from eportal.consultations.drafts import parse_draft
from tests.consultations.conftest import DRAFT


def test_it_splits_chapters_articles_clauses_and_points():
    draft = parse_draft(DRAFT)
    assert [c.label for c in draft.chapters] == [
        "Chương I. QUY ĐỊNH CHUNG",
        "Chương II. TỔ CHỨC THỰC HIỆN",
    ]
    assert [a.key for a in draft.articles] == ["dieu-1", "dieu-2", "dieu-3"]
    second = draft.article("dieu-2")
    assert second.label == "Điều 2. Đối tượng áp dụng"
    assert second.chapter == "Chương I. QUY ĐỊNH CHUNG"
    assert [c.number for c in second.clauses] == ["1", "2"]
    assert [p.letter for p in second.clauses[1].points] == ["a", "b"]
    assert draft.article("dieu-3").chapter == "Chương II. TỔ CHỨC THỰC HIỆN"
    assert draft.preamble == ["QUYẾT ĐỊNH"]


def test_it_reads_chapter_titles_on_the_same_line_and_odd_spacing():
    draft = parse_draft("CHƯƠNG 2: Quy định cụ thể\r\n  Điều   7 .  Mức thu\r\nNội dung.")
    assert draft.chapters[0].label == "Chương 2. Quy định cụ thể"
    assert draft.articles[0].label == "Điều 7. Mức thu"
    assert draft.articles[0].text == "Nội dung."


def test_it_reads_decomposed_unicode():
    import unicodedata

    draft = parse_draft(unicodedata.normalize("NFD", "Điều 1. Phạm vi\nNội dung"))
    assert draft.articles[0].heading == "Phạm vi"


def test_it_keeps_keys_unique_when_numbers_repeat():
    draft = parse_draft("Điều 1. A\nĐiều 1. B\nĐiều 2. C")
    assert draft.keys() == ["dieu-1", "dieu-1-2", "dieu-2"]


def test_it_finds_no_articles_in_plain_prose():
    assert parse_draft("Một đoạn văn không có điều khoản nào.").articles == []


@given(st.text())
def test_it_never_fails_on_any_text(text):
    draft = parse_draft(text)
    assert len(set(draft.keys())) == len(draft.articles)
