"""A citizen finds the regulation with the search tool, reads it, and opens the Gazette."""

from tests.e2e.conftest import axe_violations


def fits_the_screen(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_it_finds_and_reads_a_document(page, demo, port):
    page.goto(f"http://www.thaibinh.gov.vn:{port}/van-ban/")
    assert page.get_by_role("heading", name="Văn bản pháp luật", level=1).is_visible()
    assert fits_the_screen(page)
    assert axe_violations(page) == []

    search = page.get_by_role("search", name="Tra cứu văn bản")
    search.get_by_label("Từ khóa").fill("cong thong tin dien tu")
    # On a phone the other conditions are folded behind their button.
    search.get_by_text("Lọc theo hình thức", exact=False).click()
    search.get_by_label("Hình thức").select_option(label="Quyết định")
    search.get_by_label("Tình trạng hiệu lực").select_option(label="Còn hiệu lực")
    search.get_by_role("button", name="Tìm văn bản").click()
    results = page.locator(".legal-list .legal-item")
    assert results.count() == 1
    assert "Tìm thấy 1 văn bản" in page.locator("#ket-qua").inner_text()
    results.get_by_role("link", name="Quyết định 05/2014/QĐ-UBND").click()

    assert page.url.endswith("/van-ban/05-2014-qd-ubnd/")
    assert page.get_by_text("Phạm Văn Xuyên").first.is_visible()
    assert page.locator('script[type="application/ld+json"]').count() == 1
    page.get_by_role("navigation", name="Mục lục").get_by_role(
        "link", name="Điều 12. Thời hạn cập nhật thông tin"
    ).click()
    assert page.url.endswith("#van-ban-kem-1-dieu-12")
    assert fits_the_screen(page)
    assert axe_violations(page) == []

    # The document it replaced says so, and links back.
    page.get_by_role("link", name="Quyết định 12/2009/QĐ-UBND").first.click()
    assert page.get_by_text("Văn bản này đã hết hiệu lực.").is_visible()


def test_it_explains_bad_filters_and_shows_the_gazette(page, demo, port):
    page.goto(f"http://127.0.0.1:{port}/p/www/van-ban/?year=abc&page=1000000000")
    assert page.get_by_role("alert").get_by_text("Năm ban hành phải là một số").is_visible()
    page.goto(f"http://127.0.0.1:{port}/p/www/van-ban/?page=1000000000")
    assert page.get_by_text("Không có trang 1000000000").is_visible()

    page.goto(f"http://127.0.0.1:{port}/p/www/van-ban/")
    page.get_by_role("link", name="Công báo", exact=True).click()
    page.get_by_role("link", name="Công báo số 15 ngày 10/07/2014").click()
    table = page.get_by_role("table")
    assert table.get_by_role("link", name="05/2014/QĐ-UBND").is_visible()
    assert fits_the_screen(page)
    assert axe_violations(page) == []


def test_the_search_tool_works_without_javascript(browser, demo, port):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"http://127.0.0.1:{port}/p/sotttt/van-ban/?q=ke+hoach")
    assert page.get_by_role("link", name="Kế hoạch 86/KH-STTTT").is_visible()
    context.close()
