"""A long news list says "page 1 of more than N" instead of counting every article."""

from eportal.news import models
from tests.news.test_query_counts import bulk_articles


def test_it_counts_a_long_list_only_up_to_the_limit(client, province, monkeypatch):
    monkeypatch.setattr(models, "ARTICLES_COUNT_LIMIT", 3)
    monkeypatch.setattr(models, "ARTICLES_PER_PAGE", 2)
    bulk_articles(province["sotttt"], 5)
    page = client.get("/p/sotttt/tin-tuc/").text
    assert "Trang 1/hơn 2" in page
    last = client.get("/p/sotttt/tin-tuc/?trang=3").text
    assert "Tin số" in last and 'rel="next"' not in last
