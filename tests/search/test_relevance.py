"""Readers find what they look for, typed any way: a fixed corpus of 200+
items and 40+ queries with their expected top results (precision@5)."""

import pytest
from django.db.models import Q

from eportal.search import query
from eportal.search.models import SearchEntry
from eportal.vntext import encode_legacy
from tests.search import corpus

# The floor the suite holds the search to; the measured figure is printed.
MIN_PRECISION_AT_5 = 0.9
MIN_PRECISION_AT_1 = 0.95


def top_keys(text, n=5):
    outcome = query.run({"q": text, "page": 1}, portal=None, per_page=n)
    return [r.url.strip("/").split("/")[-1] for r in outcome.results]


def queries():
    legacy = encode_legacy("đăng ký khai sinh", "tcvn3")
    return [*corpus.QUERIES, (legacy, ["tt-khai-sinh", "tt-khai-sinh-nn", "hd-khai-sinh-qua-han"])]


def test_it_has_a_corpus_big_enough_to_mean_something():
    assert len(corpus.items()) >= 200
    assert len(queries()) >= 40


def test_it_ranks_the_expected_results_on_top(indexed_corpus, capsys):
    precisions, first_hits, misses = [], [], []
    for text, expected in queries():
        top = top_keys(text)
        wanted = min(5, len(expected))
        precision = len(set(top) & set(expected)) / wanted
        precisions.append(precision)
        first_hits.append(bool(top) and top[0] in expected)
        if precision < 1 or not first_hits[-1]:
            misses.append((text, expected, top))
    p_at_5 = sum(precisions) / len(precisions)
    first = sum(first_hits) / len(first_hits)
    with capsys.disabled():
        print(
            f"\nsearch relevance: {len(precisions)} queries, precision@5 = {p_at_5:.3f}, "
            f"precision@1 = {first:.3f}"
        )
        for text, expected, top in misses:
            print(f"  {text!r}: expected {expected}, got {top}")
    assert p_at_5 >= MIN_PRECISION_AT_5
    assert first >= MIN_PRECISION_AT_1


@pytest.mark.parametrize("text", ["bàn", "Bàn", "BÀN"], ids=["lower", "capital", "upper"])
def test_it_ranks_exact_accents_before_other_accents(indexed_corpus, text):
    exact = set(
        SearchEntry.objects.filter(
            Q(title_terms__contains=" bàn ") | Q(body_terms__contains=" bàn ")
        ).values_list("object_id", flat=True)
    )
    assert {"tin-ban-giao-nha", "tin-ban-ghe-truong", "tr-bao-bi-hong", "hd-ban-hoc"} <= exact
    top = top_keys(text, n=len(exact) + 5)
    assert set(top[: len(exact)]) == exact, top
    assert len(top) > len(exact), "bán, bản, ban… come after"
