"""A staff member adds a passkey and then signs in with it instead of the code.

Chromium's virtual authenticator (DevTools protocol) plays the fingerprint
reader. WebAuthn needs a secure context with a domain name: the journey uses
http://localhost:<port> (the portal hosts of the other journeys are plain http
under thaibinh.gov.vn, not a secure context), with the relying party ID
"localhost".
"""

from django.contrib.auth import get_user_model
from django_otp_webauthn.models import WebAuthnCredential
from playwright.sync_api import expect
from wagtail.models import ModelLogEntry

from eportal.portals.two_factor import give_demo_device
from tests.e2e.conftest import axe_violations, demo_code

USERNAME = "e2e-passkey-admin"
PASSWORD = "Mật-khẩu-thử-passkey-2026"


def _virtual_authenticator(page):
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    added = cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
            }
        },
    )
    return cdp, added["authenticatorId"]


def _password(page, base, *, go_to_login=True):
    if go_to_login:
        page.goto(f"{base}/admin/login/")
    page.fill("#id_username", USERNAME)
    page.fill("#id_password", PASSWORD)
    page.click("form button[type=submit]")
    page.wait_for_url("**/admin/two-factor/verify/")


def test_a_passkey_registered_on_the_account_replaces_the_code(page, demo, port, settings):
    base = f"http://localhost:{port}"
    settings.OTP_WEBAUTHN_RP_ID = "localhost"
    settings.OTP_WEBAUTHN_ALLOWED_ORIGINS = [base]
    user = get_user_model().objects.create_superuser(USERNAME, "passkey@example.org", PASSWORD)
    give_demo_device(user)
    cdp, authenticator = _virtual_authenticator(page)

    # First sign-in: password, then the app's code; no passkey offered yet.
    _password(page, base)
    expect(page.locator("#passkey-verification-button")).to_have_count(0)
    page.fill("#id_code", demo_code(USERNAME))
    page.click("form button[type=submit]")
    page.wait_for_url(f"{base}/admin/")

    # The account page leads to the passkeys; name one, then create it.
    page.goto(f"{base}/admin/account/")
    expect(page.locator("a[href='/admin/two-factor/passkeys/']")).to_have_count(1)
    page.goto(f"{base}/admin/two-factor/passkeys/")
    expect(page.locator("#passkey-list-empty")).to_be_visible()
    page.fill("#id_name", "Máy tính cơ quan")
    page.get_by_role("button", name="Tiếp tục").click()
    page.locator("#passkey-register-button").click()
    expect(page.locator("#passkey-list")).to_contain_text("Máy tính cơ quan")
    expect(page.get_by_text("Đã thêm khóa truy cập")).to_be_visible()
    assert axe_violations(page) == []
    stored = cdp.send("WebAuthn.getCredentials", {"authenticatorId": authenticator})
    assert len(stored["credentials"]) == 1
    assert WebAuthnCredential.objects.get(user=user).name == "Máy tính cơ quan"

    # Signed out (the session is gone), then in again: the passkey, no code.
    page.context.clear_cookies()
    page.goto(f"{base}/admin/pages/")
    page.wait_for_url("**/admin/login/**")
    _password(page, base, go_to_login=False)
    page.locator("#passkey-verification-button").click()
    page.wait_for_url(f"{base}/admin/pages/")
    expect(page.locator("#passkey-verification-button")).to_have_count(0)

    logged = set(
        ModelLogEntry.objects.filter(object_id=str(user.pk)).values_list("action", flat=True)
    )
    assert {"eportal.2fa.passkey_register", "eportal.2fa.passkey_verify"} <= logged
