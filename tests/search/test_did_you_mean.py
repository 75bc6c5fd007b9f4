"""A misspelt query that finds nothing is corrected to the nearest words that do."""

from tests.search.conftest import index


def test_it_shows_results_for_the_corrected_query(client, province):
    index(province["main"], "k", title="Giấy phép kinh doanh karaoke")
    page = client.get("/tim-kiem/", {"q": "karaokee"}).text
    assert "Không có kết quả cho “karaokee”." in page
    assert "Có phải bạn muốn tìm" in page and ">karaoke</a>" in page
    assert "Giấy phép kinh doanh <mark>karaoke</mark>" in page


def test_it_says_plainly_when_nothing_is_near(client, province):
    index(province["main"], "k", title="Giấy phép kinh doanh karaoke")
    page = client.get("/tim-kiem/", {"q": "xyzxyzq"}).text
    assert "Không tìm thấy kết quả nào cho “xyzxyzq”." in page
    assert "Có phải bạn muốn tìm" not in page
