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
