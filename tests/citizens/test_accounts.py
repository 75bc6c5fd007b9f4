"""Citizens register with a verified e-mail and a strong password and sign in
on the public site; staff accounts sign in at the admin."""

import re

from django.contrib.auth import get_user_model
from django.core import mail

from tests.conftest import PASSWORD

STRONG = "Mat-khau-c0ng-dan!"


def _register(client, password=STRONG, email="moi@example.org"):
    return client.post(
        "/dich-vu-cong/tai-khoan/dang-ky/",
        {"full_name": "Lê Thị Mới", "email": email, "password1": password, "password2": password},
    )


def test_it_activates_an_account_from_the_emailed_link(client, db):
    response = _register(client)
    assert response.status_code == 200 and "moi@example.org" in response.content.decode()
    user = get_user_model().objects.get(username="moi@example.org")
    assert not user.is_active
    link = re.search(r"https?://\S+/xac-thuc/\S+/", mail.outbox[0].body).group(0)
    response = client.get(link)
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.is_active and user.citizen_profile.email_verified_at is not None
    assert "Lê Thị Mới" in client.get(response["Location"]).content.decode()


def test_it_refuses_a_weak_password_and_a_tampered_link(client, db):
    users = get_user_model().objects.count()  # the shared boards'
    response = _register(client, password="12345678")
    assert "Mật khẩu" in response.content.decode()
    assert get_user_model().objects.count() == users
    bad = client.get("/dich-vu-cong/tai-khoan/xac-thuc/gia-mao:abc/")
    assert bad.status_code == 400 and "không hợp lệ" in bad.content.decode()


def test_it_signs_in_citizens_but_not_staff_or_unverified(client, citizen):
    response = client.post(
        "/dich-vu-cong/tai-khoan/dang-nhap/", {"email": citizen.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    client.logout()
    get_user_model().objects.create_user("canbo@example.org", "canbo@example.org", PASSWORD)
    response = client.post(
        "/dich-vu-cong/tai-khoan/dang-nhap/", {"email": "canbo@example.org", "password": PASSWORD}
    )
    assert "tài khoản cán bộ" in response.content.decode()
    _register(client, email="chua@example.org")
    response = client.post(
        "/dich-vu-cong/tai-khoan/dang-nhap/",
        {"email": "chua@example.org", "password": STRONG},
    )
    assert "chưa được xác thực" in response.content.decode()
