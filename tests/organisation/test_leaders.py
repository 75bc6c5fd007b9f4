"""/lanh-dao/: the leaders in office, past terms apart, and each leader's page."""

import datetime

from eportal.organisation import queries


def test_it_lists_current_leaders_then_past_terms(leaders, client):
    leaders["vice"].term_end = datetime.date(2021, 6, 30)
    leaders["vice"].save()
    html = client.get("/p/www/lanh-dao/").content.decode()
    current, past = html.split("Lãnh đạo các nhiệm kỳ trước")
    assert "Nguyễn Quang Minh" in current and "Lê Thị Thu Hà" in past
    assert "Trần Đức Hải" not in html  # another portal's


def test_a_leaders_page_links_to_their_schedule(leaders, client):
    chairman = leaders["chairman"]
    url = queries.leader_url(chairman)
    assert url.endswith(f"/lanh-dao/{chairman.pk}/")
    html = client.get(f"/p/www/lanh-dao/{chairman.pk}/").content.decode()
    assert "Chủ tịch UBND tỉnh" in html and f"?lanh-dao={chairman.pk}" in html
    assert '"@type": "Person"' in html
    director = leaders["director"].pk
    assert client.get(f"/p/www/lanh-dao/{director}/").status_code == 404
