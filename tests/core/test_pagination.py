"""Every public list pages with ?trang=N; old ?page=N links still answer; a bad
number shows page 1 with a message and a page past the end is empty with one."""

from django.http import QueryDict

from eportal.core.pagination import Pager, page_param


def test_it_reads_trang_and_the_old_page_name():
    assert page_param(QueryDict("trang=2")) == "2"
    assert page_param(QueryDict("page=3")) == "3"
    assert page_param(QueryDict("trang=4&page=3")) == "4"
    assert Pager(list(range(45)), "2", 20).items == list(range(20, 40))


def test_it_shows_page_one_with_a_message_for_a_bad_number():
    for raw in ("abc", "-3", "0"):
        pager = Pager(list(range(5)), raw, 2)
        assert pager.number == 1 and pager.items == [0, 1]
        assert "Số trang không hợp lệ" in pager.message


def test_it_is_empty_with_a_message_past_the_end():
    pager = Pager(list(range(5)), "9", 2)

    assert pager.items == [] and pager.page is None
    assert pager.message == "Không có trang 9: kết quả chỉ có 3 trang."


def test_its_links_keep_the_filters_and_drop_the_old_page_name():
    query = QueryDict("q=đất đai&page=2&loai=legal")
    pager = Pager(list(range(50)), "2", 20, query=query)

    assert pager.previous_url == "?q=%C4%91%E1%BA%A5t+%C4%91ai&loai=legal"
    assert pager.next_url == "?q=%C4%91%E1%BA%A5t+%C4%91ai&loai=legal&trang=3"
