"""An approved article with a future go-live time waits; an expired one goes offline."""

from datetime import timedelta
from unittest import mock

from django.core.management import call_command
from django.utils import timezone

from eportal.news.models import ArticlePage
from tests.news.helpers import act, submit


def test_it_publishes_an_approved_article_at_its_scheduled_time(client, province, board):
    portal, team = province["sotttt"], board["sotttt"]
    page = submit(
        portal,
        team["contributor"],
        "Tin đặt lịch",
        go_live_at=timezone.now() + timedelta(hours=2),
    )
    act(client, team["editor"], page, "approve")
    act(client, team["approver"], page, "approve")
    page.refresh_from_db()
    assert not page.live
    assert page.get_latest_revision().approved_go_live_at is not None

    later = timezone.now() + timedelta(hours=3)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live
    assert client.get("/p/sotttt/tin-tuc/su-kien/tin-dat-lich/").status_code == 200


def test_it_takes_an_expired_article_offline(client, province, board):
    from tests.news.helpers import publish

    page = publish(province["sotttt"], "Tin hết hạn")
    ArticlePage.objects.filter(pk=page.pk).update(expire_at=timezone.now() - timedelta(minutes=1))
    call_command("publish_scheduled")
    assert client.get("/p/sotttt/tin-tuc/su-kien/tin-het-han/").status_code == 404
