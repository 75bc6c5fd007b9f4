"""The judged query set (tests/search/judged.py): what citizens type finds what
they want, measured as precision@5 and mean reciprocal rank over one index of
the demo province and the fixed corpus."""

import importlib
from collections import Counter

import pytest
from django.contrib.contenttypes.models import ContentType

from eportal.demo.province import load_demo
from eportal.portals.models import Portal
from eportal.search import query
from eportal.search.models import SearchEntry, Synonym
from tests.search import corpus, judged
from tests.search.conftest import index_corpus

# The floor the suite holds the search to; the measured figures are printed.
MIN_PRECISION_AT_5 = 0.9
MIN_MRR = 0.8
WORST_SHOWN = 10


def test_the_set_is_big_and_varied_enough_to_mean_something():
    texts = [text for text, _expected in judged.QUERIES]
    assert len(texts) >= 150
    assert len(set(texts)) == len(texts), Counter(texts).most_common(3)
    demo = [text for text, expected in judged.QUERIES if any(k.startswith("d-") for k in expected)]
    assert len(demo) >= 30
    assert all(expected for _text, expected in judged.QUERIES)
    unaccented = [t for t in texts if t.isascii()]
    assert len(unaccented) >= len(texts) * 0.8, "citizens mostly type without accents"


def _default_synonyms():
    """The synonyms migration 0003 adds, put back after the database was emptied."""
    migration = importlib.import_module("eportal.search.migrations.0003_language_and_synonyms")
    Synonym.objects.bulk_create(
        [
            Synonym(phrases="\n".join(phrases), note=note)
            for phrases, note in migration.DEFAULT_SYNONYMS
        ]
    )


@pytest.fixture
def demo_and_corpus(empty_database):
    """The demo province, its content indexed, and the corpus indexed on its portals."""
    load_demo()
    if not Synonym.objects.exists():
        _default_synonyms()
    by_slug = Portal.objects.in_bulk(judged.CORPUS_PORTALS.values(), field_name="slug")
    index_corpus({key: by_slug[slug] for key, slug in judged.CORPUS_PORTALS.items()})
    yield
    ContentType.objects.clear_cache()


def _judge(text, expected):
    outcome = query.run({"q": text, "page": 1}, portal=None, per_page=5)
    got = [judged.result_key(r) for r in outcome.results]
    precision = len(set(got) & set(expected)) / min(5, len(expected))
    rank = next((i for i, key in enumerate(got, 1) if key in expected), None)
    return precision, (1 / rank if rank else 0.0), got


def test_citizens_find_what_they_want(demo_and_corpus, capsys):
    # Every judged key is an item of the index: a renamed demo item fails here,
    # not as a silently lost result.
    keys = {item["key"] for item in corpus.items()} | judged.demo_keys()
    unknown = {k for _t, expected in judged.QUERIES for k in expected} - keys
    assert not unknown, unknown
    indexed = set(SearchEntry.objects.filter(language="vi").values_list("title", flat=True))
    assert set(judged.DEMO.values()) <= indexed, set(judged.DEMO.values()) - indexed
    assert Synonym.objects.count() >= 30, "the default synonyms (migration 0003)"

    scores = []
    for text, expected in judged.QUERIES:
        precision, reciprocal_rank, got = _judge(text, expected)
        scores.append((precision, reciprocal_rank, text, expected, got))
    p_at_5 = sum(s[0] for s in scores) / len(scores)
    mrr = sum(s[1] for s in scores) / len(scores)
    worst = sorted(scores, key=lambda s: (s[0] + s[1], s[2]))[:WORST_SHOWN]
    with capsys.disabled():
        print(
            f"\njudged search: {len(scores)} queries, precision@5 = {p_at_5:.3f}, "
            f"MRR = {mrr:.3f}; the {WORST_SHOWN} worst:"
        )
        for precision, reciprocal_rank, text, expected, got in worst:
            print(
                f"  P@5 {precision:.2f} RR {reciprocal_rank:.2f} {text!r}\n"
                f"      wanted {expected}\n      got    {got}"
            )
    assert p_at_5 >= MIN_PRECISION_AT_5
    assert mrr >= MIN_MRR
