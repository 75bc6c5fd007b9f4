"""The news API lists a portal's articles and reads one; bad input never gives 500."""

from tests.news.helpers import publish


def test_it_lists_main_and_syndicated_articles(client, province):
    publish(province["main"], "Tin của tỉnh")
    article = publish(province["sotttt"], "Thông báo của Sở", kind="announcement")
    data = client.get("/api/v1/news/articles?portal=www").json()
    assert {item["title"] for item in data} == {"Tin của tỉnh", "Thông báo của Sở"}
    only = client.get("/api/v1/news/articles?portal=www&kind=announcement").json()
    assert [item["portal"] for item in only] == ["sotttt"]
    one = client.get(f"/api/v1/news/articles/{article.pk}").json()
    assert one["url"] == "https://sotttt.thaibinh.gov.vn/tin-tuc/thong-bao/thong-bao-cua-so/"


def test_it_answers_bad_input_with_json(client, province):
    assert client.get("/api/v1/news/articles?kind=xyz").status_code in (400, 422)
    assert client.get("/api/v1/news/articles?page=0").status_code in (400, 422)
    assert client.get("/api/v1/news/articles?portal=khong-co").json() == []
    assert client.get("/api/v1/news/articles/999999").status_code == 404
