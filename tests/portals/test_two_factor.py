"""Two-factor sign-in to /admin/ (eportal/portals/two_factor.py)."""

import base64
import io
import re
import time

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from tests.conftest import PASSWORD

pytestmark = [pytest.mark.django_db, pytest.mark.real_two_factor]


def code_for(device, offset=0):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + offset
    return f"{totp.token():0{device.digits}d}"


@pytest.fixture
def staff(db):
    return get_user_model().objects.create_superuser("nguyen-van-a", "a@example.org", PASSWORD)


@pytest.fixture
def signed_in(staff):
    """A client past the password, not yet past the second factor."""
    client = Client()
    response = client.post(
        "/admin/login/", {"username": staff.username, "password": PASSWORD}, follow=False
    )
    assert response.status_code == 302
    return client


def actions(user, action):
    return ModelLogEntry.objects.filter(object_id=str(user.pk), action=action).count()


def test_unverified_staff_is_sent_to_enrolment_from_any_admin_page(signed_in):
    for url in ("/admin/", "/admin/pages/", "/admin/users/"):
        response = signed_in.get(url)
        assert response.status_code == 302
        assert response["Location"] == "/admin/two-factor/enrol/"


def test_the_icon_sprite_is_served_before_the_second_factor_and_is_not_the_next_page(
    signed_in,
):
    # Every admin page, the 2FA pages too, fetches the sprite and pastes it in.
    from wagtail.admin.icons import get_icon_sprite_url

    signed_in.get("/admin/pages/")
    sprite = signed_in.get(get_icon_sprite_url())
    assert sprite.status_code == 200
    assert sprite["Content-Type"].startswith("image/svg+xml")
    assert signed_in.session["eportal_2fa_next"] == "/admin/pages/"


def test_enrolment_shows_qr_and_secret_then_recovery_codes_once(signed_in, staff):
    page = signed_in.get("/admin/two-factor/enrol/")
    html = page.content.decode()
    assert "<svg" in html
    secret = re.search(r'id="totp-secret">([A-Z2-7]+)<', html).group(1)
    device = TOTPDevice.objects.get(user=staff, confirmed=False)

    assert base64.b32decode(secret + "=" * (-len(secret) % 8)) == device.bin_key

    wrong = signed_in.post("/admin/two-factor/enrol/", {"code": "000000x"})
    assert wrong.status_code == 400
    assert "Mã không đúng" in wrong.content.decode()
    device.refresh_from_db()
    device.throttling_failure_count = 0
    device.save()

    response = signed_in.post("/admin/two-factor/enrol/", {"code": code_for(device)})
    assert response["Location"] == "/admin/two-factor/recovery-codes/"
    codes_page = signed_in.get("/admin/two-factor/recovery-codes/").content.decode()
    tokens = set(StaticToken.objects.filter(device__user=staff).values_list("token", flat=True))
    assert len(tokens) == 10
    assert all(token in codes_page for token in tokens)
    # Shown once.
    assert signed_in.get("/admin/two-factor/recovery-codes/").status_code == 302
    assert signed_in.get("/admin/").status_code == 200
    assert actions(staff, "eportal.2fa.enrol") == 1


def _enrolled(staff):
    device = TOTPDevice.objects.create(user=staff, name="app", confirmed=True)
    from eportal.portals.two_factor import new_recovery_codes

    return device, new_recovery_codes(staff)


def test_verification_with_totp_returns_to_the_page_asked_for(signed_in, staff):
    device, _codes = _enrolled(staff)
    assert signed_in.get("/admin/pages/")["Location"] == "/admin/two-factor/verify/"
    response = signed_in.post("/admin/two-factor/verify/", {"code": code_for(device)})
    assert response["Location"] == "/admin/pages/"
    assert signed_in.get("/admin/").status_code == 200


def test_a_recovery_code_works_once(staff):
    _device, codes = _enrolled(staff)
    for attempt in ("first", "second"):
        client = Client()
        client.post("/admin/login/", {"username": staff.username, "password": PASSWORD})
        response = client.post("/admin/two-factor/verify/", {"code": codes[0].upper()})
        if attempt == "first":
            assert response["Location"] == "/admin/"
            assert client.get("/admin/").status_code == 200
        else:
            assert response.status_code == 400
            assert client.get("/admin/")["Location"] == "/admin/two-factor/verify/"


def test_wrong_codes_lock_the_second_step_with_a_message(signed_in, staff, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # each attempt counts at once
    device, _codes = _enrolled(staff)
    for _ in range(5):
        response = signed_in.post("/admin/two-factor/verify/", {"code": "123456"})
        assert response.status_code == 400
    html = response.content.decode()
    assert "tạm khóa" in html
    # Even the right code is refused while locked.
    response = signed_in.post("/admin/two-factor/verify/", {"code": code_for(device)})
    assert "tạm khóa" in response.content.decode()
    assert signed_in.get("/admin/")["Location"] == "/admin/two-factor/verify/"
    assert actions(staff, "eportal.2fa.verify_failed") == 5


def test_django_otp_throttles_a_quick_second_attempt(signed_in, staff):
    device, _codes = _enrolled(staff)
    signed_in.post("/admin/two-factor/verify/", {"code": "123456"})
    response = signed_in.post("/admin/two-factor/verify/", {"code": code_for(device)})
    assert "đợi vài giây" in response.content.decode()


@pytest.mark.parametrize("code", ["", "x" * 500, "１２３４５６", "\x00", "12 34 56", "-"])
def test_bad_input_is_a_message_not_an_error(signed_in, staff, code):
    _enrolled(staff)
    response = signed_in.post("/admin/two-factor/verify/", {"code": code})
    assert response.status_code == 400


def test_only_the_superuser_resets_devices(staff, board):
    other = board["sotttt"]["editor"]
    _device, _codes = _enrolled(other)
    editor_client = Client()
    editor_client.force_login(board["sotttt"]["editor"])
    from tests.conftest import sign_in_second_factor

    sign_in_second_factor(editor_client, other)
    refused = editor_client.post(f"/admin/two-factor/reset/{other.pk}/")
    assert refused.status_code in (302, 403)
    assert refused.get("Location", "") != f"/admin/users/edit/{other.pk}/"
    assert TOTPDevice.objects.filter(user=other).exists()

    admin = Client()
    admin.force_login(staff)
    sign_in_second_factor(admin, staff)
    assert admin.get(f"/admin/two-factor/reset/{other.pk}/").status_code == 200
    response = admin.post(f"/admin/two-factor/reset/{other.pk}/")
    assert response["Location"] == f"/admin/users/edit/{other.pk}/"
    assert not TOTPDevice.objects.filter(user=other).exists()
    assert not StaticToken.objects.filter(device__user=other).exists()
    assert actions(other, "eportal.2fa.reset") == 1
    # Under the editor's portal, so that its administrator's audit view finds it.
    from wagtail.models import ModelLogEntry

    entry = ModelLogEntry.objects.get(action="eportal.2fa.reset", object_id=str(other.pk))
    from eportal.portals.models import Portal

    assert entry.data["portal"] == Portal.objects.get(slug="sotttt").pk
    assert admin.post("/admin/two-factor/reset/999999/").status_code == 404


def test_anonymous_visitor_goes_to_login(client):
    response = client.get("/admin/two-factor/verify/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_demo_accounts_have_a_known_secret_and_totp_prints_its_code(staff):
    from django.core.management import CommandError, call_command

    from eportal.portals.two_factor import demo_secret, give_demo_device

    device = give_demo_device(staff)
    assert device.bin_key == demo_secret(staff.username)
    out = io.StringIO()
    call_command("totp", staff.username, stdout=out)
    assert device.verify_token(out.getvalue().strip())

    other = get_user_model().objects.create_user("tran-thi-b", "b@example.org", PASSWORD)
    TOTPDevice.objects.create(user=other, name="demo", confirmed=True)  # a real, random key
    with pytest.raises(CommandError):
        call_command("totp", other.username, stdout=io.StringIO())


def test_the_user_list_offers_the_reset_to_the_superuser(staff):
    from tests.conftest import sign_in_second_factor

    admin = Client()
    admin.force_login(staff)
    sign_in_second_factor(admin, staff)
    html = admin.get("/admin/users/").content.decode()
    assert f"/admin/two-factor/reset/{staff.pk}/" in html
