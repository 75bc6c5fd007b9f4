"""A query that matches a great deal costs no more than one that matches a
little: the count stops at a bound (and the page says "more than"), and the
ranking picks its candidates from indexes rather than scoring every match."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from eportal.search import query
from eportal.search.backends import database
from tests.search.conftest import index

BOUND = 20


@pytest.fixture
def small_bound(monkeypatch):
    monkeypatch.setattr(database, "COUNT_BOUND", BOUND)
    monkeypatch.setattr(database, "CANDIDATES", BOUND)


def fill(portal, n, start=0):
    for i in range(start, start + n):
        index(
            portal,
            f"ban-{i}",
            kind="article",
            title=f"Tin hoạt động số {i}",
            text="Hội nghị bàn về kế hoạch năm.",
            date=datetime.date(2024, 1, 1) + datetime.timedelta(days=i),
        )


def test_it_counts_up_to_the_bound_and_says_there_are_more(client, province, small_bound):
    fill(province["main"], BOUND + 10)

    outcome = query.run({"q": "bàn", "page": 1}, portal=None)
    assert outcome.total == BOUND
    assert outcome.total_is_lower_bound
    page = client.get("/tim-kiem/", {"q": "bàn"}).text
    assert f"Tìm thấy hơn {BOUND} kết quả" in page
    api = client.get("/api/v1/search", {"q": "bàn"}).json()
    assert api["count"] == BOUND
    assert api["count_is_lower_bound"] is True


def test_an_old_item_named_by_the_query_still_comes_first(province, small_bound):
    fill(province["main"], BOUND + 10)
    index(
        province["main"],
        "ban-tho",
        kind="article",
        title="Bàn thờ cổ ở đình làng",
        text="Một di vật.",
        date=datetime.date(2001, 5, 1),
    )

    outcome = query.run({"q": "bàn thờ", "page": 1}, portal=None)
    assert outcome.results[0].title == "Bàn thờ cổ ở đình làng"
    broad = query.run({"q": "bàn", "page": 1}, portal=None)
    assert broad.total_is_lower_bound
    assert broad.results[0].title == "Bàn thờ cổ ở đình làng"


def test_the_kind_the_query_names_is_among_the_candidates(province, small_bound):
    fill(province["main"], BOUND + 10)
    index(
        province["main"],
        "tt-ban",
        kind="procedure",
        title="Đăng ký kế hoạch bảo vệ môi trường",
        text="Thủ tục hành chính: nộp kế hoạch năm.",
        date=datetime.date(2002, 1, 1),
    )

    outcome = query.run({"q": "thu tuc ke hoach nam", "page": 1}, portal=None)
    assert outcome.results[0].kind == "procedure"


@pytest.fixture
def small_window(small_bound, monkeypatch):
    """Candidates are looked for among the 5 newest items first."""
    monkeypatch.setattr(database, "WINDOW", 5)


def test_past_the_newest_items_candidates_come_from_the_counted_matches(province, small_window):
    fill(province["main"], BOUND + 10)

    # Five items in the window, the counted matches fill the candidates; by
    # date the newest come first.
    broad = query.run({"q": "bàn", "page": 1}, portal=None)
    assert broad.total_is_lower_bound and len(broad.results) == query.PER_PAGE
    by_date = query.run({"q": "bàn", "page": 1, "sort": "date"}, portal=None)
    assert by_date.results[0].title == f"Tin hoạt động số {BOUND + 9}"
    assert [r.date for r in by_date.results] == sorted(
        (r.date for r in by_date.results), reverse=True
    )


def search_queries(text):
    with CaptureQueriesContext(connection) as queries:
        query.run({"q": text, "page": 1}, portal=None)
    return len(queries)


def test_the_queries_of_a_search_stay_flat_as_matches_grow(province, small_bound):
    fill(province["main"], BOUND + 5)
    search_queries("bàn")  # the synonyms are read once, then cached
    few = search_queries("bàn")
    fill(province["main"], 3 * BOUND, start=BOUND + 5)
    assert search_queries("bàn") == few


def test_a_word_in_most_items_is_not_counted_to_the_bound(province, small_bound, monkeypatch):
    """On PostgreSQL a word the statistics put at ten times the bound is known
    to match more without counting that far: its facets come from a sample of
    the ranking's size. A query of several words is counted (the estimate
    takes them to be independent, and a phrase's is that of its words
    anywhere), and so is everything on the other databases."""
    monkeypatch.setattr(database, "CANDIDATES", 5)
    fill(province["main"], 12 * BOUND)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE search_entry")

    word = query.run({"q": "bàn", "page": 1}, portal=None)
    phrase = query.run({"q": "bàn về", "page": 1}, portal=None)

    assert word.total == BOUND and word.total_is_lower_bound
    assert phrase.total == BOUND and phrase.total_is_lower_bound
    sampled = 5 if connection.vendor == "postgresql" else BOUND
    assert [f.count for f in word.facets["type"]] == [sampled]
    assert [f.count for f in phrase.facets["type"]] == [BOUND]
    assert len(word.results) == 5 and word.results[0].title == f"Tin hoạt động số {12 * BOUND - 1}"


def test_a_filter_counts_its_own_matches_beyond_the_bound(province, small_bound):
    fill(province["main"], BOUND + 10)
    for i in range(3):
        index(province["main"], f"hd-{i}", kind="qa", title=f"Hỏi về bàn giao đất {i}")

    outcome = query.run({"q": "bàn", "type": "qa", "page": 1}, portal=None)
    assert outcome.total == 3
    assert not outcome.total_is_lower_bound
    assert {r.kind for r in outcome.results} == {"qa"}


def test_it_filters_and_counts_by_year(client, province):
    main = province["main"]
    index(
        main,
        "y22",
        kind="legal",
        title="Kế hoạch phòng chống lụt bão",
        date=datetime.date(2022, 3, 1),
    )
    index(
        main, "y24a", kind="legal", title="Kế hoạch phòng chống hạn", date=datetime.date(2024, 3, 1)
    )
    index(
        main,
        "y24b",
        kind="article",
        title="Triển khai kế hoạch phòng chống bão",
        date=datetime.date(2024, 9, 1),
    )

    outcome = query.run({"q": "phong chong", "page": 1}, portal=None)
    years = {f.value: f.count for f in outcome.facets["year"]}
    assert years == {"2024": 2, "2022": 1}
    only = query.run({"q": "phong chong", "year": 2024, "page": 1}, portal=None)
    assert only.total == 2
    assert {r.date.year for r in only.results} == {2024}
    page = client.get("/tim-kiem/", {"q": "phong chong", "year": "2024"}).text
    assert "Tìm thấy 2 kết quả" in page
    bad = client.get("/tim-kiem/", {"q": "phong chong", "year": "hai nghìn"})
    assert bad.status_code == 200


def test_readers_find_items_of_their_own_language_only(client, province):
    main = province["main"]
    index(main, "vi", kind="article", title="Lễ hội đền Trần Thái Bình", language="vi")
    index(main, "en", kind="article", title="Tran Temple Festival in Thai Binh", language="en")

    vietnamese = client.get("/tim-kiem/", {"q": "thai binh"}).text
    assert "Lễ hội đền Trần" in vietnamese
    assert "Tran Temple Festival" not in vietnamese
    english = client.get("/en/tim-kiem/", {"q": "thai binh"})
    if english.status_code == 404:
        pytest.skip("no English search page on this portal")
    assert "Tran Temple Festival" in english.text
    assert "Lễ hội đền Trần" not in english.text
