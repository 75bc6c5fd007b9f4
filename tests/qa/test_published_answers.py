"""Published answers: per portal, all portals on the main one, filters and search."""


def test_a_component_portal_lists_what_it_received_or_answered(client, answered):
    own = answered("sotttt", "sotttt", publish=True, title="Cấp phép bưu chính")
    answered_by_it = answered("main", "sotttt", publish=True, title="Chữ ký số cho hộ kinh doanh")
    other = answered("quynhphu", "quynhphu", publish=True, title="Đăng ký khai sinh")

    html = client.get("/p/sotttt/hoi-dap/").content.decode()

    assert own.title in html and answered_by_it.title in html
    assert other.title not in html


def test_the_main_portal_lists_every_portals_answers_with_their_source(client, answered, qa):
    answered("quynhphu", "quynhphu", publish=True, title="Đăng ký khai sinh")
    html = client.get("/hoi-dap/", HTTP_HOST=qa["main"].site.hostname).content.decode()
    assert "Đăng ký khai sinh" in html and qa["quynhphu"].name in html


def test_unpublished_answers_are_not_listed(client, answered):
    question = answered("sotttt", "sotttt", title="Câu hỏi riêng tư")
    assert question.title not in client.get("/p/sotttt/hoi-dap/").content.decode()
    assert client.get(f"/p/sotttt/hoi-dap/tra-loi/{question.code}/").status_code == 404


def test_search_ignores_accents_and_filters_by_agency(client, answered, qa):
    answered("main", "sotttt", publish=True, title="Chữ ký số cho hộ kinh doanh")
    answered("main", "quynhphu", publish=True, title="Đăng ký khai sinh")

    html = client.get("/hoi-dap/", {"q": "chu ky so"}).content.decode()
    assert "Chữ ký số" in html and "khai sinh" not in html
    html = client.get("/hoi-dap/", {"agency": qa["quynhphu"].agency.pk}).content.decode()
    assert "khai sinh" in html and "Chữ ký số" not in html


def test_the_detail_shows_question_and_answer_without_contact_details(client, answered):
    question = answered("sotttt", "sotttt", publish=True, phone="0912 000 111")
    html = client.get(f"/p/sotttt/hoi-dap/tra-loi/{question.code}/").content.decode()
    assert question.body in html and question.answer in html
    assert (
        "binh@example.org" not in html
        and "0912 000 111" not in html
        and "Trần Thị Bình" not in html
    )


def test_similar_answers_are_suggested_while_typing(client, answered):
    answered("sotttt", "sotttt", publish=True, title="Thủ tục cấp giấy phép bưu chính")
    data = client.get("/p/sotttt/hoi-dap/goi-y/", {"q": "giấy phép buu chinh"}).json()
    assert [r["title"] for r in data["results"]] == ["Thủ tục cấp giấy phép bưu chính"]
    assert data["results"][0]["url"].startswith("/p/sotttt/hoi-dap/tra-loi/")


def test_the_list_does_not_query_per_answer(client, answered, board, django_assert_max_num_queries):
    for i in range(6):
        answered("main", "sotttt", publish=True, title=f"Câu hỏi {i}")
    # Count a warm page: the first request fills Wagtail's site root paths cache.
    client.get("/hoi-dap/")
    with django_assert_max_num_queries(25):
        client.get("/hoi-dap/")


def test_bad_filter_values_give_a_page_not_an_error(client, qa):
    assert (
        client.get("/hoi-dap/", {"agency": "abc", "trang": "xyz", "topic": "x" * 500}).status_code
        == 200
    )


def test_suggestions_match_words_as_the_site_search_does(client, answered):
    """An abbreviation and missing accents find the answers, a misspelt word
    does not hide the others; the title sharing most of the words comes first
    and a title sharing none is not offered."""
    answered("sotttt", "sotttt", publish=True, title="Cấp đổi căn cước công dân ở đâu")
    answered("sotttt", "sotttt", publish=True, title="Cấp lại căn cước công dân khi bị mất")
    answered("sotttt", "sotttt", publish=True, title="Đăng ký khai sinh cho con")

    data = client.get("/p/sotttt/hoi-dap/goi-y/", {"q": "bi mat cccd cap lai"}).json()
    titles = [r["title"] for r in data["results"]]
    assert titles[0] == "Cấp lại căn cước công dân khi bị mất"
    assert "Cấp đổi căn cước công dân ở đâu" in titles
    assert "Đăng ký khai sinh cho con" not in titles

    data = client.get("/p/sotttt/hoi-dap/goi-y/", {"q": "dang ky khia sinh"}).json()
    assert [r["title"] for r in data["results"]] == ["Đăng ký khai sinh cho con"]
