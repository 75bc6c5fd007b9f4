"""Keyword search finds documents by their words, with or without accents, and by number."""

import pytest


@pytest.fixture
def documents(import_text):
    return {
        "regulation": import_text("05-2014-qd-ubnd.txt"),
        "plan": import_text("86-kh-stttt.txt", portal="sotttt"),
        "decree": import_text("43-2011-nd-cp.txt"),
    }


def found(client, query, **params):
    response = client.get("/van-ban/", {"q": query, **params})
    assert response.status_code == 200
    return [doc.number for doc in response.context["results"].items]


@pytest.mark.django_db
def test_it_finds_words_with_and_without_accents(client, documents):
    for query in ("Tập huấn cho Ban Biên tập", "tap huan cho ban bien tap", "TẬP HUẤN"):
        assert found(client, query) == ["86/KH-STTTT"], query
    # Words anywhere in the full text, in any order.
    assert found(client, "quý hằng huấn tập") == ["86/KH-STTTT"]
    assert found(client, "nguyen van thanh") == ["86/KH-STTTT"]


@pytest.mark.django_db
def test_it_finds_by_number_however_it_is_written(client, documents):
    for query in ("86/KH-STTTT", "86/kh-stttt", "86/KH STTTT"):
        assert found(client, query) == ["86/KH-STTTT"], query
    assert found(client, "43/2011/NĐ-CP", sort="relevance")[0] == "43/2011/NĐ-CP"
    assert found(client, "43/2011/ND-CP", sort="relevance")[0] == "43/2011/NĐ-CP"
    # The API searches the same way.
    data = client.get("/api/v1/legal-documents", {"q": "43/2011/nd-cp", "sort": "relevance"})
    assert data.json()["items"][0]["number"] == "43/2011/NĐ-CP"


@pytest.mark.django_db
def test_relevance_reorders_the_same_matches(client, documents):
    # The plan cites the regulation's number: newest first it comes first, by
    # relevance the document with that very number does.
    by_date = found(client, "05/2014/QĐ-UBND")
    by_relevance = found(client, "05/2014/QĐ-UBND", sort="relevance")
    assert by_date == ["86/KH-STTTT", "05/2014/QĐ-UBND"]
    assert by_relevance == ["05/2014/QĐ-UBND", "86/KH-STTTT"]
