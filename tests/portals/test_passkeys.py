"""Passkeys as the second factor of /admin/ (eportal/portals/passkeys.py).

The browser's part is played by a small software authenticator (a P-256 key,
"none" attestation): the server's checks are the real ones of py_webauthn.
The browser journey is tests/e2e/test_passkey_journey.py.
"""

import base64
import hashlib
import json
import os
import re

import cbor2
import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from django.contrib.auth import get_user_model
from django.test import Client
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential
from wagtail.models import ModelLogEntry

from tests.conftest import PASSWORD, sign_in_second_factor

pytestmark = [pytest.mark.django_db, pytest.mark.real_two_factor]

ORIGIN = "http://localhost:8000"
BEGIN_REGISTRATION = "/admin/two-factor/webauthn/registration/begin/"
COMPLETE_REGISTRATION = "/admin/two-factor/webauthn/registration/complete/"
BEGIN_AUTHENTICATION = "/admin/two-factor/webauthn/authentication/begin/"
COMPLETE_AUTHENTICATION = "/admin/two-factor/webauthn/authentication/complete/"


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


class SoftAuthenticator:
    """What a browser and a platform authenticator answer to the ceremonies."""

    def __init__(self):
        self.key = ec.generate_private_key(ec.SECP256R1())
        self.credential_id = os.urandom(32)
        self.sign_count = 0

    def _cose_key(self) -> bytes:
        numbers = self.key.public_key().public_numbers()
        return cbor2.dumps(
            {
                1: 2,
                3: -7,
                -1: 1,
                -2: numbers.x.to_bytes(32, "big"),
                -3: numbers.y.to_bytes(32, "big"),
            }
        )

    @staticmethod
    def _client_data(kind, options, origin) -> bytes:
        return json.dumps(
            {
                "type": kind,
                "challenge": options["challenge"],
                "origin": origin,
                "crossOrigin": False,
            }
        ).encode()

    def create(self, options, origin=ORIGIN) -> dict:
        client_data = self._client_data("webauthn.create", options, origin)
        auth_data = (
            hashlib.sha256(options["rp"]["id"].encode()).digest()
            + bytes([0x01 | 0x04 | 0x40])  # user present, verified, credential data
            + (0).to_bytes(4, "big")
            + bytes(16)  # AAGUID
            + len(self.credential_id).to_bytes(2, "big")
            + self.credential_id
            + self._cose_key()
        )
        attestation = cbor2.dumps({"fmt": "none", "attStmt": {}, "authData": auth_data})
        return {
            "id": b64url(self.credential_id),
            "rawId": b64url(self.credential_id),
            "type": "public-key",
            "response": {
                "clientDataJSON": b64url(client_data),
                "attestationObject": b64url(attestation),
                "transports": ["internal"],
            },
            "clientExtensionResults": {"credProps": {"rk": True}},
            "authenticatorAttachment": "platform",
        }

    def get(self, options, origin=ORIGIN, rp_id="localhost") -> dict:
        client_data = self._client_data("webauthn.get", options, origin)
        self.sign_count += 1
        auth_data = (
            hashlib.sha256(rp_id.encode()).digest()
            + bytes([0x01 | 0x04])
            + self.sign_count.to_bytes(4, "big")
        )
        signature = self.key.sign(
            auth_data + hashlib.sha256(client_data).digest(), ec.ECDSA(hashes.SHA256())
        )
        return {
            "id": b64url(self.credential_id),
            "rawId": b64url(self.credential_id),
            "type": "public-key",
            "response": {
                "clientDataJSON": b64url(client_data),
                "authenticatorData": b64url(auth_data),
                "signature": b64url(signature),
            },
            "clientExtensionResults": {},
        }


@pytest.fixture(autouse=True)
def _relying_party(settings):
    settings.OTP_WEBAUTHN_RP_ID = "localhost"
    settings.OTP_WEBAUTHN_ALLOWED_ORIGINS = [ORIGIN]


@pytest.fixture
def staff(db):
    user = get_user_model().objects.create_superuser("le-thi-c", "c@example.org", PASSWORD)
    TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    return user


def password_only(user, **client_kwargs):
    client = Client(**client_kwargs)
    response = client.post("/admin/login/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
    return client


def verified(user, **client_kwargs):
    client = password_only(user, **client_kwargs)
    sign_in_second_factor(client, user)
    return client


def post_json(client, url, data=None):
    return client.post(url, json.dumps(data or {}), content_type="application/json")


def register(client, authenticator, name="Máy tính cơ quan", origin=ORIGIN):
    assert client.post("/admin/two-factor/passkeys/", {"name": name}).status_code == 302
    options = post_json(client, BEGIN_REGISTRATION).json()
    return post_json(client, COMPLETE_REGISTRATION, authenticator.create(options, origin))


def actions(user, action):
    return ModelLogEntry.objects.filter(object_id=str(user.pk), action=action)


def test_the_passkeys_page_needs_the_password_and_a_second_factor(client, staff):
    assert "/admin/login/" in client.get("/admin/two-factor/passkeys/")["Location"]

    half = password_only(staff)
    assert half.get("/admin/two-factor/passkeys/")["Location"] == "/admin/two-factor/verify/"
    # A stolen password alone does not add a passkey, even by calling the API.
    half.session["eportal_passkey_name"] = "x"
    refused = post_json(half, BEGIN_REGISTRATION)
    assert refused.status_code == 403
    assert refused.json()["code"] == "user_not_verified"
    assert "xác thực hai lớp" in refused.json()["detail"]

    page = verified(staff).get("/admin/two-factor/passkeys/")
    assert page.status_code == 200
    assert "Bạn chưa có khóa truy cập nào." in page.content.decode()


def test_the_account_page_links_to_the_passkeys(staff):
    html = verified(staff).get("/admin/account/").content.decode()
    assert 'href="/admin/two-factor/passkeys/"' in html


def test_a_named_passkey_is_registered_and_logged(staff):
    client = verified(staff)
    # Unnamed: refused, before and after the form.
    assert post_json(client, BEGIN_REGISTRATION).json()["code"] == "passkey_name_missing"
    blank = client.post("/admin/two-factor/passkeys/", {"name": "  \x00 "})
    assert blank.status_code == 400
    assert "đặt tên" in blank.content.decode()

    client.post("/admin/two-factor/passkeys/", {"name": "Máy tính cơ quan"})
    html = client.get("/admin/two-factor/passkeys/").content.decode()
    assert 'id="passkey-register-button"' in html
    # The library's script is a static file; no inline script runs (CSP).
    assert 'src="/static/django_otp_webauthn/otp_webauthn_register.js"' in html
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert "src=" in tag or 'type="application/json"' in tag, tag
    # Its messages in Vietnamese (eportal/locale/vi/LC_MESSAGES/djangojs.po).
    catalog = client.get("/admin/two-factor/webauthn/jsi18n/").content.decode()
    registering = re.search(r'"Registering\.\.\.": ("[^"]*")', catalog).group(1)
    assert json.loads(registering) == "Đang tạo khóa truy cập…"

    options = post_json(client, BEGIN_REGISTRATION).json()
    assert options["rp"]["id"] == "localhost"
    response = post_json(client, COMPLETE_REGISTRATION, SoftAuthenticator().create(options))
    assert response.status_code == 200, response.content

    passkey = WebAuthnCredential.objects.get(user=staff)
    assert passkey.name == "Máy tính cơ quan"
    assert passkey.confirmed
    [entry] = actions(staff, "eportal.2fa.passkey_register")
    assert entry.data["name"] == "Máy tính cơ quan"
    listing = client.get("/admin/two-factor/passkeys/").content.decode()
    assert "Máy tính cơ quan" in listing
    assert "Đã thêm khóa truy cập" in listing
    # The name is used once: the next registration asks for a name again.
    assert post_json(client, BEGIN_REGISTRATION).json()["code"] == "passkey_name_missing"


def test_a_passkey_is_a_second_factor_instead_of_the_code(staff):
    authenticator = SoftAuthenticator()
    register(verified(staff), authenticator)

    client = password_only(staff)
    assert client.get("/admin/pages/")["Location"] == "/admin/two-factor/verify/"
    html = client.get("/admin/two-factor/verify/").content.decode()
    assert 'id="passkey-verification-button"' in html
    assert 'src="/static/django_otp_webauthn/otp_webauthn_auth.js"' in html

    options = post_json(client, BEGIN_AUTHENTICATION).json()
    assert [c["id"] for c in options["allowCredentials"]] == [b64url(authenticator.credential_id)]
    response = post_json(client, COMPLETE_AUTHENTICATION, authenticator.get(options))
    assert response.status_code == 200, response.content
    assert response.json()["redirect_url"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200
    assert actions(staff, "eportal.2fa.passkey_verify").count() == 1
    assert WebAuthnCredential.objects.get(user=staff).last_used_at is not None


def test_a_user_with_only_a_passkey_is_asked_to_verify_not_to_enrol(staff):
    register(verified(staff), SoftAuthenticator())
    TOTPDevice.objects.filter(user=staff).delete()
    assert user_has_device(staff, confirmed=True)
    client = password_only(staff)
    assert client.get("/admin/")["Location"] == "/admin/two-factor/verify/"


def test_without_a_passkey_the_verify_page_offers_none(staff):
    html = password_only(staff).get("/admin/two-factor/verify/").content.decode()
    assert "passkey-verification-button" not in html
    assert "otp_webauthn_auth.js" not in html


def test_a_wrong_signature_or_another_users_passkey_is_refused_and_logged(staff):
    authenticator = SoftAuthenticator()
    register(verified(staff), authenticator)
    other = get_user_model().objects.create_superuser("pham-van-d", "d@example.org", PASSWORD)
    TOTPDevice.objects.create(user=other, name="app", confirmed=True)

    client = password_only(staff)
    options = post_json(client, BEGIN_AUTHENTICATION).json()
    forged = authenticator.get(options)
    forged["response"]["signature"] = b64url(b"\x30\x06\x02\x01\x01\x02\x01\x01")
    refused = post_json(client, COMPLETE_AUTHENTICATION, forged)
    assert refused.status_code == 422
    assert client.get("/admin/")["Location"] == "/admin/two-factor/verify/"

    # The same (valid) passkey in the other user's session.
    intruder = password_only(other)
    options = post_json(intruder, BEGIN_AUTHENTICATION).json()
    refused = post_json(intruder, COMPLETE_AUTHENTICATION, authenticator.get(options))
    assert refused.status_code == 403
    assert "không thuộc tài khoản" in refused.json()["detail"]
    assert intruder.get("/admin/")["Location"] == "/admin/two-factor/verify/"
    assert actions(staff, "eportal.2fa.verify_failed").count() == 1
    assert actions(other, "eportal.2fa.verify_failed").count() == 1


def test_a_passkey_is_not_a_sign_in_without_the_password(client, staff):
    register(verified(staff), SoftAuthenticator())
    response = post_json(client, BEGIN_AUTHENTICATION)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_a_portal_host_under_the_rp_id_is_an_accepted_origin(settings, staff):
    settings.OTP_WEBAUTHN_RP_ID = "thaibinh.gov.vn"
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")  # behind nginx
    host = "sotttt.thaibinh.gov.vn"
    client = verified(staff, HTTP_HOST=host, HTTP_X_FORWARDED_PROTO="https")
    foreign = register(client, SoftAuthenticator(), origin="https://thaibinh-gov.example")
    assert foreign.status_code == 422
    assert not WebAuthnCredential.objects.filter(user=staff).exists()

    accepted = register(client, SoftAuthenticator(), name="Khóa USB", origin=f"https://{host}")
    assert accepted.status_code == 200, accepted.content
    assert WebAuthnCredential.objects.get(user=staff).name == "Khóa USB"


def test_the_user_removes_a_passkey_of_their_own_only(staff):
    client = verified(staff)
    register(client, SoftAuthenticator())
    passkey = WebAuthnCredential.objects.get(user=staff)
    other = get_user_model().objects.create_superuser("pham-van-d", "d@example.org", PASSWORD)
    intruder = verified(other)
    assert intruder.post(f"/admin/two-factor/passkeys/{passkey.pk}/remove/").status_code == 404
    assert password_only(staff).post(f"/admin/two-factor/passkeys/{passkey.pk}/remove/")[
        "Location"
    ] == ("/admin/two-factor/verify/")

    response = client.post(f"/admin/two-factor/passkeys/{passkey.pk}/remove/")
    assert response["Location"] == "/admin/two-factor/passkeys/"
    assert not WebAuthnCredential.objects.filter(pk=passkey.pk).exists()
    [entry] = actions(staff, "eportal.2fa.passkey_remove")
    assert entry.data["name"] == "Máy tính cơ quan"


def test_the_superusers_reset_removes_passkeys_too(staff, board):
    user = board["sotttt"]["editor"]
    TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    register(verified(user), SoftAuthenticator())
    assert WebAuthnCredential.objects.filter(user=user).exists()

    admin = verified(staff)
    page = admin.get(f"/admin/two-factor/reset/{user.pk}/").content.decode()
    assert "khóa truy cập" in page
    admin.post(f"/admin/two-factor/reset/{user.pk}/")
    assert not WebAuthnCredential.objects.filter(user=user).exists()
    assert not user_has_device(user, confirmed=None)
    assert password_only(user).get("/admin/")["Location"] == "/admin/two-factor/enrol/"


def test_the_admins_background_requests_do_not_replace_the_page_asked_for(staff):
    """The verify page itself fetches the admin's icon sprite: signing in with a
    passkey (or a code) must still return to the page first asked for."""
    authenticator = SoftAuthenticator()
    register(verified(staff), authenticator)
    client = password_only(staff)
    client.get("/admin/pages/", headers={"Sec-Fetch-Dest": "document"})
    client.get("/admin/sprite/", headers={"Sec-Fetch-Dest": "empty"})
    options = post_json(client, BEGIN_AUTHENTICATION).json()
    response = post_json(client, COMPLETE_AUTHENTICATION, authenticator.get(options))
    assert response.json()["redirect_url"] == "/admin/pages/"


def test_wrong_codes_lock_the_code_but_not_the_passkey(settings, staff):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # each wrong code counts at once
    authenticator = SoftAuthenticator()
    register(verified(staff), authenticator)
    client = password_only(staff)
    for _ in range(5):
        client.post("/admin/two-factor/verify/", {"code": "123456"})
    assert "tạm khóa" in client.post("/admin/two-factor/verify/", {"code": "1"}).content.decode()
    options = post_json(client, BEGIN_AUTHENTICATION).json()
    response = post_json(client, COMPLETE_AUTHENTICATION, authenticator.get(options))
    assert response.status_code == 200
    assert client.get("/admin/").status_code == 200
