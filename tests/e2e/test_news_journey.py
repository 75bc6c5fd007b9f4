"""The whole path of an article in a real browser: a contributor drafts it with an
image and submits it, the editor sends it on, the approver rejects it with a
reason, the contributor fixes it, the approver approves; it appears on the
component portal and, labelled, on the main portal; the print view and the PDF
open. Each member of the board works in a browser of their own, through the
workflow buttons of Wagtail's page editor. That the server also refuses a
contributor's own approval, whatever the browser shows, is checked with the
test client."""

import uuid

from wagtail.models import TaskState

from eportal.news.models import ArticlePage, CategoryPage
from eportal.portals.models import Portal
from tests.e2e.conftest import axe_violations, sign_in

# Unique per run: the live-server database may outlive a failed run.
TITLE = f"Sở Thông tin và Truyền thông ra mắt trợ lý ảo số {uuid.uuid4().hex[:6]}"


def submit_to_workflow(page):
    # Let Wagtail's autosave (every 500 ms of idle typing) finish before submitting,
    # as a person would: submitting during an autosave races it.
    page.wait_for_timeout(1500)
    page.locator("footer .w-dropdown__toggle").last.click()
    with page.expect_navigation():
        page.locator("button[name='action-submit']").click()
    # The response may redirect once more; read the page only when it has settled.
    page.wait_for_load_state("networkidle")
    if "/edit/" in page.url or "/add/" in page.url:
        errors = page.locator(".error-message, .help-critical, .messages .error").all_inner_texts()
        raise AssertionError(f"not submitted: {errors}")


def review_in_browser(browser, port, username, article, action, comment=""):
    """A board member opens the article in the editor and takes the workflow
    action from the footer menu ("reject" asks for a comment in a dialog)."""
    context = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(20_000)
    sign_in(page, port, username)
    page.goto(f"http://127.0.0.1:{port}/admin/pages/{article.pk}/edit/")
    page.locator("footer .w-dropdown__toggle").last.click()
    if comment:
        page.locator(f"button[data-workflow-action-name='{action}']").first.click()
        page.locator(".modal #id_comment").fill(comment)
        with page.expect_navigation():
            page.locator(".modal button[type='submit']").click()
    else:
        button = page.locator(
            f"button[data-workflow-action-name='{action}']:not([data-workflow-action-modal-url])"
        )
        with page.expect_navigation():
            button.click()
    context.close()


def review(client, username, article, action, comment=""):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username=username))
    state = TaskState.objects.get(workflow_state__object_id=str(article.pk), status="in_progress")
    return client.post(
        f"/admin/pages/workflow/action/{article.pk}/{action}/{state.pk}/", {"comment": comment}
    )


def test_it_takes_an_article_from_draft_to_both_portals(browser, demo, port, client):
    sotttt = Portal.objects.get(slug="sotttt")
    category = CategoryPage.objects.descendant_of(sotttt.home_page).get(kind="news")
    context = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(20_000)

    # The contributor drafts the article with a featured image and submits it.
    sign_in(page, port, "sotttt-ctv")
    page.goto(f"http://127.0.0.1:{port}/admin/pages/add/news/articlepage/{category.pk}/")
    page.fill("#id_title", TITLE)
    page.fill("#id_summary", "Trợ lý ảo trả lời câu hỏi về thủ tục hành chính 24/7.")
    page.fill("#id_author_name", "Nguyễn Thị Hoa")
    page.locator("button.chooser__choose-button:visible").first.click()
    page.locator("[data-chooser-modal-choice]").first.click()
    page.fill("#id_featured_image_alt", "Lễ ra mắt trợ lý ảo tại Sở")
    submit_to_workflow(page)
    article = ArticlePage.objects.get(title=TITLE)
    assert not article.live and article.featured_image_id

    # A contributor cannot approve their own article: no button in the editor,
    # and the server refuses the action if it is posted anyway.
    page.goto(f"http://127.0.0.1:{port}/admin/pages/{article.pk}/edit/")
    assert page.locator("[data-workflow-action-name]").count() == 0
    review(client, "sotttt-ctv", article, "approve")
    assert (
        TaskState.objects.get(
            workflow_state__object_id=str(article.pk), status="in_progress"
        ).task.specific.groups.get()
        == sotttt.editors
    )

    # The editor sends it on; the approver rejects it with a reason.
    review_in_browser(browser, port, "sotttt-btv", article, "approve")
    review_in_browser(browser, port, "sotttt-kiemduyet", article, "reject", "Bổ sung nguồn tin.")

    # The contributor sees the reason, fixes the article and submits it again.
    page.goto(f"http://127.0.0.1:{port}/admin/pages/{article.pk}/history/")
    assert page.get_by_text("Bổ sung nguồn tin.").count() >= 1
    page.goto(f"http://127.0.0.1:{port}/admin/pages/{article.pk}/edit/")
    page.fill("#id_source_name", "Trung tâm Công nghệ thông tin và Truyền thông")
    submit_to_workflow(page)

    # The resubmitted article returns to the approver; as it changed since the
    # editor's check, the editor checks it again before it goes live
    # (WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT).
    review_in_browser(browser, port, "sotttt-kiemduyet", article, "approve")
    review_in_browser(browser, port, "sotttt-btv", article, "approve")
    article.refresh_from_db()
    assert article.live

    # Readers find it on the component portal…
    page.goto(f"http://127.0.0.1:{port}/p/sotttt/tin-tuc/su-kien/")
    assert page.get_by_role("link", name=TITLE).count() == 1
    assert axe_violations(page) == []

    # …and, labelled with its source, on the main portal, linking to the one page.
    page.goto(f"http://127.0.0.1:{port}/tin-tuc/su-kien/")
    item = page.locator(".article-item", has_text=TITLE)
    assert "Nguồn: Cổng thông tin điện tử Sở Thông tin và Truyền thông" in item.inner_text()
    item.get_by_role("link", name=TITLE).click()
    assert "/p/sotttt/tin-tuc/su-kien/" in page.url
    assert page.get_by_text("Trung tâm Công nghệ thông tin và Truyền thông").count() == 1
    assert page.locator("img[alt='Lễ ra mắt trợ lý ảo tại Sở']").count() == 1
    assert axe_violations(page) == []

    # The print view and the PDF open.
    page.get_by_role("link", name="Bản in").click()
    assert page.get_by_role("heading", name=TITLE).is_visible()
    assert page.get_by_text("Nguyễn Thị Hoa").count() >= 1
    pdf = page.request.get(page.url + "pdf/")
    assert pdf.status == 200 and pdf.body().startswith(b"%PDF")
    context.close()
