"""A reader searches the portal from the header, without accents, filters the
results and reads a highlighted snippet; the page is accessible and fits a
phone screen."""

from tests.e2e.conftest import axe_violations


def test_it_finds_content_from_the_header_search_box(page, demo, port):
    page.goto(f"http://127.0.0.1:{port}/")
    box = page.get_by_label("Tìm kiếm trên cổng thông tin")
    box.fill("chuc nang nhiem vu")
    page.locator("form.site-search").get_by_role("button", name="Tìm").click()

    assert "/tim-kiem/?q=chuc+nang+nhiem+vu" in page.url
    assert "kết quả" in page.get_by_role("status").first.inner_text()
    first = page.locator(".search-list li").first
    assert first.locator("mark").count() >= 1
    assert first.locator(".search-portal").count() == 1  # the main portal labels portals
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert axe_violations(page) == []

    # On a phone the filters are folded away under one line; unfolded,
    # filtering by a portal keeps only its results.
    folded = page.locator("details.search-facets")
    assert folded.get_attribute("open") is None
    folded.locator("summary").click()
    page.get_by_role("group", name="Bộ lọc kết quả").get_by_role(
        "link", name="Cổng thông tin điện tử Sở Thông tin và Truyền thông"
    ).click()
    portals = page.locator(".search-list .search-portal").all_inner_texts()
    assert portals and set(portals) == {"Cổng thông tin điện tử Sở Thông tin và Truyền thông"}

    first_link = page.locator(".search-list h2 a").first
    first_link.click()
    assert page.locator("h1").count() == 1


def test_it_suggests_titles_while_typing(page, demo, port):
    page.goto(f"http://127.0.0.1:{port}/p/sotttt/tim-kiem/")
    page.locator("#search-q").press_sequentially("chuc nan", delay=30)
    # A locator, not a string wait_for_function: the page's CSP allows no eval.
    page.locator("#search-q-suggestions option").first.wait_for(state="attached", timeout=5000)
    assert axe_violations(page) == []


def test_it_corrects_a_misspelt_query_accessibly(page, demo, port):
    page.goto(f"http://127.0.0.1:{port}/p/sotttt/tim-kiem/?q=chuc+nagn")
    assert "Có phải bạn muốn tìm" in page.locator(".search-corrected").inner_text()
    assert axe_violations(page) == []


def test_a_citizen_types_a_procedure_without_accents_and_opens_it(page, demo, port):
    page.goto(f"http://127.0.0.1:{port}/")
    page.get_by_label("Tìm kiếm trên cổng thông tin").fill(
        "thu tuc dang ky thanh lap ho kinh doanh"
    )
    page.locator("form.site-search").get_by_role("button", name="Tìm").click()

    # The box keeps the query; the first result is the procedure, labelled so,
    # with a readable snippet rather than a list of fields.
    assert page.locator("#search-q").input_value() == "thu tuc dang ky thanh lap ho kinh doanh"
    first = page.locator(".search-list li").first
    assert "Thủ tục hành chính" in first.inner_text()
    assert "Đăng ký thành lập hộ kinh doanh" in first.locator("h2").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert axe_violations(page) == []

    first.locator("h2 a").click()
    assert "Đăng ký thành lập hộ kinh doanh" in page.locator("h1").inner_text()
    assert page.get_by_text("Thời hạn giải quyết").count() >= 1
