"""The results page: filters with counts, sorting by date, pages."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.search.conftest import index


def test_it_counts_results_by_type_and_sector_and_filters_by_them(client, province):
    main = province["main"]
    for n in range(3):
        index(main, f"p{n}", kind="procedure", title=f"Cấp giấy phép số {n}", sector="Xây dựng")
    index(main, "q", kind="qa", title="Hỏi về giấy phép xây dựng", sector="Xây dựng")
    index(main, "l", kind="legal", title="Quy định cấp giấy phép", sector="Đất đai")

    page = client.get("/tim-kiem/", {"q": "giay phep"}).text
    assert "Tìm thấy 5 kết quả" in page
    assert 'Thủ tục hành chính</a> <span class="count">(3)</span>' in page
    assert 'Hỏi đáp</a> <span class="count">(1)</span>' in page
    assert 'Xây dựng</a> <span class="count">(4)</span>' in page

    filtered = client.get("/tim-kiem/", {"q": "giay phep", "type": "procedure"}).text
    assert "Tìm thấy 3 kết quả" in filtered
    assert "Hỏi về giấy phép" not in filtered
    by_sector = client.get("/tim-kiem/", {"q": "giay phep", "sector": "Đất đai"}).text
    assert "Tìm thấy 1 kết quả" in by_sector


def test_it_sorts_by_date_when_asked(client, province):
    main = province["main"]
    index(
        main,
        "old",
        title="Lễ hội truyền thống",
        text="lễ hội lễ hội",
        date=datetime.date(2020, 1, 1),
    )
    index(main, "new", title="Tin văn hóa", text="có lễ hội", date=datetime.date(2024, 1, 1))

    relevance = client.get("/tim-kiem/", {"q": "le hoi"}).text
    assert relevance.index("truyền thống") < relevance.index("Tin văn hóa")
    by_date = client.get("/tim-kiem/", {"q": "le hoi", "sort": "date"}).text
    assert by_date.index("Tin văn hóa") < by_date.index("truyền thống")


def test_it_pages_through_many_results(client, province):
    for n in range(23):
        index(province["main"], f"i{n}", title=f"Thông báo tuyển sinh đợt {n}")
    first = client.get("/tim-kiem/", {"q": "tuyen sinh"}).text
    assert "Trang 1/3." in first
    assert 'aria-label="Phân trang kết quả"' in first
    last = client.get("/tim-kiem/", {"q": "tuyen sinh", "page": 3}).text
    assert last.count('<h2><a href="/muc/') == 3


def test_it_lists_results_in_a_fixed_number_of_queries(client, province):
    def queries_for(q):
        with CaptureQueriesContext(connection) as captured:
            client.get("/tim-kiem/", {"q": q})
        return len(captured)

    # Three: with fewer the search also looks for misspelt words (one more query).
    for n in range(3):
        index(province["sotttt"], f"a{n}", title=f"Kế hoạch số {n}")
    for n in range(10):
        portal = province["sotttt" if n % 2 else "quynhphu"]
        index(portal, f"b{n}", title=f"Văn bản số {n}", sector=f"Lĩnh vực {n}")
    # Compare warm pages: the first requests fill the caches (Wagtail's site
    # root paths, the portals' slugs for links to other portals).
    for q in ("van ban", "ke hoach"):
        client.get("/tim-kiem/", {"q": q})
    assert queries_for("van ban") == queries_for("ke hoach")
