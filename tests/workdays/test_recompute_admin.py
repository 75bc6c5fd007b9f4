"""The recompute screen in the Wagtail admin is for those who may change deadlines."""

from datetime import date

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from eportal.workdays import services
from eportal.workdays.models import CalendarOverride, Deadline

pytestmark = pytest.mark.django_db

URL_NAME = "workdays_recompute"


@pytest.fixture
def moved_deadline(make_item):
    deadline = services.open_deadline(make_item(), "qa-answer", date(2026, 3, 2))
    CalendarOverride.objects.create(
        date=date(2026, 3, 10), kind=CalendarOverride.Kind.DAY_OFF, reason="Nghỉ đột xuất"
    )
    return deadline


def admin_user(django_user_model, username, *codenames):
    user = django_user_model.objects.create_user(username, password="x", is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(codename__in=codenames),
    )
    return user


def test_it_refuses_an_editor_without_the_permission(client, django_user_model, moved_deadline):
    client.force_login(admin_user(django_user_model, "bientapvien"))

    # Wagtail turns the refusal into a redirect to the dashboard with a message.
    for response in (client.get(reverse(URL_NAME)), client.post(reverse(URL_NAME))):
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")
    assert Deadline.objects.get().due_date == date(2026, 3, 23)


def test_it_sends_an_anonymous_visitor_to_log_in(client):
    response = client.get(reverse(URL_NAME))

    assert response.status_code == 302
    assert "login" in response["Location"]


def test_it_shows_what_would_move_without_moving_it(client, django_user_model, moved_deadline):
    client.force_login(admin_user(django_user_model, "kythuat", "change_deadline"))

    response = client.get(reverse(URL_NAME))

    assert response.status_code == 200
    assert "23/03/2026" in response.content.decode()
    assert "24/03/2026" in response.content.decode()
    assert Deadline.objects.get().due_date == date(2026, 3, 23)


def test_it_moves_the_due_dates_on_confirmation(client, admin_client, moved_deadline):
    response = admin_client.post(reverse(URL_NAME))

    assert response.status_code == 200
    assert "24/03/2026" in response.content.decode()
    assert Deadline.objects.get().due_date == date(2026, 3, 24)


def test_it_hides_the_action_from_an_editor_without_the_permission(client, django_user_model):
    user = admin_user(django_user_model, "bientapvien", "view_calendaroverride")
    client.force_login(user)
    listing = reverse(CalendarOverride.snippet_viewset.get_url_name("list"))

    response = client.get(listing)

    assert response.status_code == 200
    assert reverse(URL_NAME) not in response.content.decode()


def test_it_offers_the_action_on_the_calendar_listing(admin_client):
    listing = reverse(CalendarOverride.snippet_viewset.get_url_name("list"))

    response = admin_client.get(listing)

    assert response.status_code == 200
    assert reverse(URL_NAME) in response.content.decode()
