"""A new staff member enrols their authenticator app, keeps the recovery
codes, reaches the dashboard, then signs in again with a code, and once with
a recovery code, which is then spent."""

import base64
import time
import uuid

from django.contrib.auth import get_user_model
from django_otp.oath import TOTP

from eportal.demo.province import DEMO_PASSWORD
from eportal.portals.models import BoardMember, Portal, Role
from eportal.portals.services import set_board_member
from tests.e2e.conftest import axe_violations

WRONG_CODE = "Mã không đúng hoặc đã hết hạn"


def code(secret, at=None):
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    totp = TOTP(key)
    totp.time = time.time() if at is None else at
    return f"{totp.token():06d}"


def password_step(page, base, username):
    page.context.clear_cookies()
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("form button[type=submit]")


def submit_code(page, value):
    page.fill("#id_code", value)
    page.click("form button[type=submit]")
    page.wait_for_load_state()


def test_a_new_editor_enrols_and_signs_in_again_with_a_code(page, demo, port):
    base = f"http://127.0.0.1:{port}"
    username = f"btv-moi-{uuid.uuid4().hex[:6]}"
    user = get_user_model().objects.create_user(
        username, f"{username}@example.org", DEMO_PASSWORD, first_name="Hà", last_name="Lê Thu"
    )
    set_board_member(
        Portal.objects.get(slug="sotttt"),
        user,
        position=BoardMember.Position.MEMBER,
        roles=[Role.EDITOR],
    )

    password_step(page, base, username)
    page.wait_for_url("**/admin/two-factor/enrol/")
    # The page once: the icon sprite every admin page pastes into its body
    # must be the sprite, not a second copy of the enrolment page.
    page.wait_for_load_state("networkidle")
    assert page.locator("main").count() == 1
    assert page.locator("figure svg").count() == 1
    assert axe_violations(page) == []
    secret = page.locator("#totp-secret").inner_text().strip()

    submit_code(page, "000000")
    assert "/admin/two-factor/enrol/" in page.url
    assert page.locator(".messages .error").inner_text().startswith(WRONG_CODE)
    assert page.locator("#id_code").count() == 1
    time.sleep(2.5)  # django-otp's delay after a wrong code

    submit_code(page, code(secret))
    page.wait_for_url("**/admin/two-factor/recovery-codes/")
    codes = page.locator(".recovery-codes code").all_inner_texts()
    assert len(codes) == 10
    page.click("text=Tôi đã lưu mã, tiếp tục")
    page.wait_for_url(f"{base}/admin/")
    assert page.locator("main").count() == 1

    # Signing in again: the password alone does not open the admin.
    password_step(page, base, username)
    page.wait_for_url("**/admin/two-factor/verify/")
    page.goto(f"{base}/admin/pages/")
    assert "/admin/two-factor/verify/" in page.url
    assert axe_violations(page) == []
    # A code is good once: the next time step's (the device allows one step
    # of drift, as an app's clock a little ahead would give it).
    submit_code(page, code(secret, at=time.time() + 30))
    page.wait_for_url(f"{base}/admin/pages/**")  # the own portal's tree

    # Without the phone: a recovery code stands in for the app's code, once.
    password_step(page, base, username)
    page.wait_for_url("**/admin/two-factor/verify/")
    submit_code(page, codes[0])
    page.wait_for_url(f"{base}/admin/")

    password_step(page, base, username)
    page.wait_for_url("**/admin/two-factor/verify/")
    submit_code(page, codes[0])
    assert "/admin/two-factor/verify/" in page.url
    assert page.locator(".messages .error").inner_text().startswith(WRONG_CODE)
