"""A hot-news alert shows on every page of the portals it was switched on for."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from eportal.core import clock
from eportal.news import services
from eportal.news.models import SiteAlert


def switch_on(portals, by, **fields):
    fields.setdefault("title", "Cảnh báo bão số 3")
    fields.setdefault("ends_at", timezone.now() + timedelta(days=1))
    return services.switch_on_alert(portals=portals, by=by, **fields)


def test_it_shows_the_alert_on_every_page_of_the_chosen_portal(client, province, board):
    switch_on([province["sotttt"]], board["sotttt"]["approver"], level="danger")
    for path in ["/p/sotttt/", "/p/sotttt/tin-tuc/", "/p/sotttt/tin-tuc/thong-bao/"]:
        response = client.get(path)
        assert "Cảnh báo bão số 3" in response.text, path
        assert "site-alert--danger" in response.text
    assert "Cảnh báo bão số 3" not in client.get("/p/quynhphu/").text


def test_it_stops_showing_the_alert_at_its_end_time(client, province, superuser):
    alert = switch_on([province["main"]], superuser)
    SiteAlert.objects.filter(pk=alert.pk).update(ends_at=timezone.now() - timedelta(minutes=1))
    assert "Cảnh báo bão số 3" not in client.get("/", HTTP_HOST="www.thaibinh.gov.vn").text


def test_it_lets_an_approver_switch_it_on_only_for_their_portal(province, board):
    with pytest.raises(PermissionDenied):
        switch_on([province["main"]], board["sotttt"]["approver"])
    with pytest.raises(PermissionDenied):
        switch_on([province["sotttt"]], board["sotttt"]["editor"])


def test_it_scopes_the_alert_admin_to_the_approvers_portals(client, province, board):
    theirs = switch_on(
        [province["quynhphu"]], board["quynhphu"]["approver"], title="Lũ ở Quỳnh Phụ"
    )
    client.force_login(board["sotttt"]["approver"])
    listing = client.get("/admin/snippets/news/sitealert/")
    assert listing.status_code == 200
    assert "Lũ ở Quỳnh Phụ" not in listing.text
    assert client.get(f"/admin/snippets/news/sitealert/edit/{theirs.pk}/").status_code == 404
    form = client.get("/admin/snippets/news/sitealert/add/").text
    assert "Sở Thông tin và Truyền thông" in form
    assert "Huyện Quỳnh Phụ" not in form


def test_it_shows_an_alert_switched_on_after_the_page_was_cached(client, province, superuser):
    assert "Cảnh báo bão số 3" not in client.get("/p/sotttt/").text
    switch_on([province["sotttt"]], superuser)
    assert "Cảnh báo bão số 3" in client.get("/p/sotttt/").text


def test_it_hides_an_alert_switched_off_in_the_admin(client, province, superuser):
    alert = switch_on([province["sotttt"]], superuser)
    assert "Cảnh báo bão số 3" in client.get("/p/sotttt/").text
    alert.active = False
    alert.save()
    assert "Cảnh báo bão số 3" not in client.get("/p/sotttt/").text


def test_it_ends_a_cached_alert_at_its_end_time(client, province, superuser):
    ends = timezone.now() + timedelta(hours=2)
    switch_on([province["sotttt"]], superuser, ends_at=ends)
    assert "Cảnh báo bão số 3" in client.get("/p/sotttt/").text
    with clock.frozen_at(ends + timedelta(seconds=1)):
        assert "Cảnh báo bão số 3" not in client.get("/p/sotttt/").text
