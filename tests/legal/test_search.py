"""The search tool at /van-ban/: filters, full text, sorting, pages, bad parameters."""

import pytest

from eportal.legal.models import LegalField


@pytest.fixture
def documents(import_text):
    return {
        "old": import_text("12-2009-qd-ubnd.txt"),
        "decree": import_text("43-2011-nd-cp.txt"),
        "regulation": import_text("05-2014-qd-ubnd.txt"),
        "new_decree": import_text("42-2022-nd-cp.txt"),
        "plan": import_text("86-kh-stttt.txt", portal="sotttt"),
        "district": import_text("odd-spacing.txt", portal="quynhphu"),
    }


def numbers(response):
    return [doc.number for doc in response.context["results"].items]


@pytest.mark.django_db
def test_the_main_portal_lists_every_portal_newest_first(client, documents):
    response = client.get("/van-ban/")
    assert response.status_code == 200
    assert numbers(response) == [
        "42/2022/NĐ-CP",
        "07/2015/QĐ-UBND",
        "86/KH-STTTT",
        "05/2014/QĐ-UBND",
        "43/2011/NĐ-CP",
        "12/2009/QĐ-UBND",
    ]
    # Items of component portals are labelled with their source.
    assert f"Nguồn: {documents['plan'].portal.name}" in response.content.decode()


@pytest.mark.django_db
def test_a_component_portal_lists_its_own_and_those_that_govern_it(client, documents):
    from eportal.legal.models import GovernedPortal

    GovernedPortal.objects.create(page=documents["regulation"], portal=documents["plan"].portal)
    response = client.get("/p/sotttt/van-ban/")
    assert numbers(response) == ["86/KH-STTTT", "05/2014/QĐ-UBND"]


FILTER_CASES = [
    ("form=nghi-dinh", ["42/2022/NĐ-CP", "43/2011/NĐ-CP"]),
    ("issuer=so-thong-tin-va-truyen-thong-tinh-thai-binh", ["86/KH-STTTT"]),
    ("field=cong-nghe-thong-tin", ["42/2022/NĐ-CP", "05/2014/QĐ-UBND", "43/2011/NĐ-CP"]),
    ("year=2014", ["86/KH-STTTT", "05/2014/QĐ-UBND"]),
    ("status=expired", ["43/2011/NĐ-CP", "12/2009/QĐ-UBND"]),
    (
        "issued_from=2014-01-01&issued_to=2015-12-31",
        ["07/2015/QĐ-UBND", "86/KH-STTTT", "05/2014/QĐ-UBND"],
    ),
    ("issued_from=01/06/2014&issued_to=30/06/2014", ["05/2014/QĐ-UBND"]),
    ("q=cong+thong+tin+dien+tu&year=2009", ["12/2009/QĐ-UBND"]),
    # The plan cites the regulation's number in its text, so both match.
    ("q=5/2014/QD-UBND", ["07/2015/QĐ-UBND", "86/KH-STTTT", "05/2014/QĐ-UBND"]),
    ("q=Phạm+Văn+Xuyên", ["05/2014/QĐ-UBND"]),
    ("q=xqzw+vbkt", []),  # no document holds these words
]


@pytest.mark.django_db
def test_it_filters_by_every_field(client, documents):
    for query, expected in FILTER_CASES:
        response = client.get(f"/van-ban/?{query}")
        assert response.status_code == 200
        assert numbers(response) == expected, query
    # Sorted by relevance, the document with that very number comes first.
    response = client.get("/van-ban/?q=05/2014/QĐ-UBND&sort=relevance")
    assert numbers(response)[0] == "05/2014/QĐ-UBND"
    response = client.get("/van-ban/?q=05/2014/QĐ-UBND&sort=date")
    assert numbers(response)[0] == "07/2015/QĐ-UBND"


BAD_CASES = [
    ("form=to-trinh", "Hình thức: “to-trinh” không phải là một lựa chọn hợp lệ."),
    ("year=abc", "Năm ban hành phải là một số, ví dụ 2014."),
    ("status=dead", "“dead” không phải là một lựa chọn hợp lệ."),
    ("issued_from=31/02/2014", "Ngày không hợp lệ (dd/mm/yyyy)."),
    ("issued_from=2015-01-01&issued_to=2014-01-01", "Ngày kết thúc phải sau ngày bắt đầu."),
]


@pytest.mark.django_db
def test_bad_parameters_give_a_clear_message_never_an_error(client, documents):
    for query, message in BAD_CASES:
        response = client.get(f"/van-ban/?{query}")
        assert response.status_code == 200
        assert message in response.content.decode(), query
        assert response.context["results"] is None
    # A page out of range is empty, with a message; a page that is not a number shows page 1.
    response = client.get("/van-ban/?page=1000000000")
    assert response.status_code == 200
    assert numbers(response) == []
    assert "Không có trang 1000000000" in response.content.decode()
    for page in ("-3", "abc"):
        response = client.get(f"/van-ban/?page={page}")
        assert len(numbers(response)) == 6
        assert "Số trang không hợp lệ" in response.content.decode()


@pytest.mark.django_db
def test_it_pages_long_lists(client, import_text, django_assert_max_num_queries):
    from eportal.legal.models import LegalDocumentPage

    source = import_text("86-kh-stttt.txt", portal="sotttt")
    for i in range(25):
        copy = LegalDocumentPage(
            title=f"Công văn {i}/STTTT-VP",
            slug=f"cv-{i}",
            form="cong-van",
            number=f"{i + 100}/STTTT-VP",
            issuer=source.issuer,
            issued=source.issued,
            summary="Về việc cập nhật thông tin",
            sector=LegalField.objects.first(),
            live=True,
        )
        source.get_parent().add_child(instance=copy)
    # A first visit, caches empty: the list, the menu, the filters' choices,
    # and the language switch with the translation notice (5).
    with django_assert_max_num_queries(30):
        response = client.get("/van-ban/?page=2")
    assert response.context["results"].count == 26
    assert len(numbers(response)) == 6
    assert "Trang 2/2" in response.content.decode()
