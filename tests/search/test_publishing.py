"""Readers find a page within moments of its publication through the
portal's workflow, never its draft, and lose it when it is unpublished,
expires, is made private or is deleted."""

import datetime
import re

from django.utils import timezone
from wagtail.models import PageViewRestriction

from eportal.core.models import ContentPage
from eportal.search.models import SearchEntry


def search(client, q, prefix="/p/sotttt"):
    """The results page as text, without the marks around the matched words."""
    return re.sub(r"</?mark>", "", client.get(f"{prefix}/tim-kiem/", {"q": q}).text)


def approve(client, user, page):
    from wagtail.models import TaskState

    state = TaskState.objects.get(workflow_state__object_id=str(page.pk), status="in_progress")
    client.force_login(user)
    client.post(f"/admin/pages/workflow/action/{page.pk}/approve/{state.pk}/", {"comment": ""})
    client.logout()


def submit(portal, user, title, body):
    page = ContentPage(title=title, slug="ho-tro-chuyen-doi-so", owner=user, live=False, body=body)
    portal.home_page.add_child(instance=page)
    page.save_revision(user=user)
    portal.workflow.start(page, user)
    return page


def test_it_finds_a_page_only_once_the_workflow_has_published_it(client, province, board):
    team = board["sotttt"]
    page = submit(
        province["sotttt"],
        team["contributor"],
        "Hỗ trợ doanh nghiệp chuyển đổi số",
        "<p>Đăng ký nhận hỗ trợ tư vấn miễn phí.</p>",
    )
    assert "Hỗ trợ doanh nghiệp" not in search(client, "chuyen doi so")

    approve(client, team["editor"], page)
    assert "Hỗ trợ doanh nghiệp" not in search(client, "chuyen doi so")

    approve(client, team["approver"], page)
    found = client.get("/p/sotttt/tim-kiem/", {"q": "chuyen doi so"}).text
    assert "<mark>chuyển</mark> <mark>đổi</mark> <mark>số</mark>" in found
    assert 'href="/p/sotttt/ho-tro-chuyen-doi-so/"' in found
    assert "tư vấn miễn phí" in search(client, "tu van mien phi")


def test_it_keeps_the_published_text_while_a_new_draft_waits(client, province, board):
    team = board["sotttt"]
    page = submit(province["sotttt"], team["contributor"], "Lịch tiếp công dân", "<p>Thứ Hai.</p>")
    approve(client, team["editor"], page)
    approve(client, team["approver"], page)

    page.refresh_from_db()
    page.title = "Lịch tiếp công dân tháng bí mật"
    page.save_revision(user=team["contributor"])
    assert "bí mật" not in search(client, "bi mat")
    assert "Lịch tiếp công dân" in search(client, "lich tiep cong dan")


def test_it_drops_a_page_that_is_unpublished(client, province, superuser):
    page = ContentPage(title="Thông báo tuyển dụng công chức", slug="tuyen-dung", body="<p>x</p>")
    province["sotttt"].home_page.add_child(instance=page)
    page.save_revision(user=superuser).publish()
    assert "tuyển dụng" in search(client, "tuyen dung")

    page.unpublish(user=superuser)
    assert "tuyển dụng" not in search(client, "tuyen dung")
    assert not SearchEntry.objects.filter(title__contains="tuyển dụng").exists()


def test_it_drops_a_page_that_has_expired(client, province, superuser):
    page = ContentPage(title="Thông báo lịch cắt điện", slug="cat-dien", body="<p>x</p>")
    province["sotttt"].home_page.add_child(instance=page)
    page.expire_at = timezone.now() + datetime.timedelta(hours=1)
    page.save_revision(user=superuser).publish()
    assert "cắt điện" in search(client, "cat dien")

    SearchEntry.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    assert "cắt điện" not in search(client, "cat dien")


def test_it_hides_private_and_deleted_pages(client, province, superuser):
    page = ContentPage(title="Tài liệu họp nội bộ", slug="hop-noi-bo", body="<p>x</p>")
    province["sotttt"].home_page.add_child(instance=page)
    page.save_revision(user=superuser).publish()
    assert "họp nội bộ" in search(client, "hop noi bo")

    PageViewRestriction.objects.create(page=page, restriction_type="login")
    assert "họp nội bộ" not in search(client, "hop noi bo")

    PageViewRestriction.objects.filter(page=page).delete()
    assert "họp nội bộ" in search(client, "hop noi bo")

    page.delete()
    assert "họp nội bộ" not in search(client, "hop noi bo")
