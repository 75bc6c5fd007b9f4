"""Staff sign-in: strong passwords, throttled failures, audit log."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from wagtail.models import ModelLogEntry

from tests.conftest import PASSWORD


def login(client, username, password):
    return client.post("/admin/login/", {"username": username, "password": password})


@pytest.mark.parametrize(
    "weak", ["12345678", "matkhau", "password1234", "abcdefghijkl", "thaibinh2026"]
)
def test_it_refuses_weak_passwords(weak):
    with pytest.raises(ValidationError):
        validate_password(weak)


def test_it_accepts_a_strong_password():
    validate_password("Cổng-TTĐT-2026!")


def test_it_signs_in_and_logs_it(client, board):
    user = board["sotttt"]["editor"]
    response = login(client, user.username, PASSWORD)
    assert response.status_code == 302
    assert ModelLogEntry.objects.filter(action="eportal.login", object_id=str(user.pk)).exists()


def test_it_locks_out_after_repeated_failures(client, board, settings):
    user = board["sotttt"]["editor"]
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        assert login(client, user.username, "sai-mat-khau").status_code == 200
    assert login(client, user.username, "sai-mat-khau").status_code == 429
    # Locked out: even the right password is refused until the cool-off ends.
    locked = login(client, user.username, PASSWORD)
    assert locked.status_code == 429
    assert "Tạm khóa đăng nhập" in locked.content.decode()
    assert (
        ModelLogEntry.objects.filter(action="eportal.login_failed", object_id=str(user.pk)).count()
        >= settings.AXES_FAILURE_LIMIT
    )


def test_it_logs_staff_edits_in_the_audit_log(client, province, superuser):
    client.force_login(superuser)
    agency = province["sotttt"].agency
    client.post(
        f"/admin/agencies/edit/{agency.pk}/",
        {
            "name": agency.name,
            "short_name": "Sở TT&TT",
            "kind": agency.kind,
            "code": "",
            "address": "",
            "phone": "0227 3646 946",
            "fax": "",
            "email": "",
        },
    )
    agency.refresh_from_db()
    assert agency.phone == "0227 3646 946"
    assert ModelLogEntry.objects.filter(action="wagtail.edit", object_id=str(agency.pk)).exists()


def login_from(client, address, username, password):
    # As nginx sends it: the citizen's address appended to X-Forwarded-For.
    return client.post(
        "/admin/login/",
        {"username": username, "password": password},
        headers={"X-Forwarded-For": address},
    )


def test_behind_the_proxy_a_lockout_holds_only_for_the_failing_address(client, board, settings):
    settings.EPORTAL_TRUSTED_PROXIES = ["127.0.0.1"]
    user = board["sotttt"]["editor"]
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        login_from(client, "203.0.113.7", user.username, "sai-mat-khau")
    assert login_from(client, "203.0.113.7", user.username, PASSWORD).status_code == 429
    # The real official, from the office, still signs in.
    assert login_from(client, "198.51.100.20", user.username, PASSWORD).status_code == 302
    entry = ModelLogEntry.objects.filter(action="eportal.login", object_id=str(user.pk)).get()
    assert entry.data["ip"] == "198.51.100.20"


def test_a_forged_header_does_not_escape_the_lockout(client, board, settings):
    settings.EPORTAL_TRUSTED_PROXIES = []
    user = board["sotttt"]["editor"]
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        login_from(client, f"192.0.2.{attempt}", user.username, "sai-mat-khau")
    assert login_from(client, "192.0.2.99", user.username, PASSWORD).status_code == 429
