"""The board's dashboard lists what is due soon, overdue and published late on
its own portals, whatever app opened the deadline, with each portal's on-time rate."""

from datetime import date, timedelta

from django.utils import timezone

from eportal.workdays.models import Deadline
from eportal.workdays.services import open_deadline
from tests.news.helpers import article, publish


def test_it_starts_the_clock_from_the_source_date_and_closes_it_on_publish(province):
    portal = province["sotttt"]
    started = timezone.localdate() - timedelta(days=3)
    page = publish(portal, "Phổ biến nghị định mới", kind="policy", source_date=started)
    deadline = Deadline.objects.get(object_id=str(page.pk))
    assert deadline.started_on == started and deadline.portal == portal
    assert deadline.completed_on == timezone.localdate()
    assert deadline.on_time


def test_it_lists_due_soon_overdue_and_late_for_the_boards_portals(client, province, board):
    portal = province["sotttt"]
    today = timezone.localdate()
    overdue = article(
        portal, "Bài quá hạn", live=False, kind="policy", source_date=today - timedelta(days=40)
    )
    overdue.save_revision()
    soon = article(
        portal, "Bài sắp đến hạn", live=False, kind="policy", source_date=today - timedelta(days=15)
    )
    soon.save_revision()
    late = publish(portal, "Bài đăng trễ", kind="policy", source_date=today - timedelta(days=60))
    other = article(
        province["quynhphu"], "Bài của huyện", live=False, source_date=today - timedelta(days=40)
    )
    other.save_revision()
    # Another app's deadline on this portal (a board member, standing in for any item).
    open_deadline(board["sotttt"]["editor"], "qa-answer", date(2020, 1, 6), portal=portal)

    client.force_login(board["sotttt"]["editor"])
    page = client.get("/admin/thoi-han/").text
    assert "Bài quá hạn" in page and "Bài đăng trễ" in page
    assert "Bài của huyện" not in page
    assert "sotttt-editor" in page
    assert Deadline.objects.get(object_id=str(late.pk)).on_time is False
    assert "0%" in page  # one completed, late


def test_it_shows_the_superuser_every_portal(client, province, superuser):
    page = article(province["quynhphu"], "Bài của huyện", live=False, source_date=date(2026, 1, 5))
    page.save_revision()
    client.force_login(superuser)
    assert "Bài của huyện" in client.get("/admin/thoi-han/").text


def test_it_counts_the_on_time_rate(client, province, superuser):
    portal = province["sotttt"]
    today = timezone.localdate()
    publish(portal, "Đúng hạn", kind="policy", source_date=today)
    publish(portal, "Trễ hạn", kind="policy", source_date=today - timedelta(days=90))
    client.force_login(superuser)
    assert "50%" in client.get("/admin/thoi-han/").text
