"""Registration is rate-limited per address like questions: a script cannot create
accounts (and verification mail) in bulk, and other citizens are not affected."""

from django.contrib.auth import get_user_model
from django.core.cache import cache

from tests.citizens.test_accounts import STRONG

URL = "/dich-vu-cong/tai-khoan/dang-ky/"


def _register(client, email, address):
    data = {"full_name": "Lê Thị Mới", "email": email, "password1": STRONG, "password2": STRONG}
    return client.post(URL, data, REMOTE_ADDR=address)


def test_the_n_plus_first_registration_from_one_address_is_refused_in_vietnamese(
    client, db, settings
):
    cache.clear()
    settings.EPORTAL_ABUSE = {"IP_LIMIT": 3, "EMAIL_LIMIT": 100}
    users = get_user_model().objects.count()
    for n in range(3):
        assert _register(client, f"moi{n}@example.org", "192.0.2.50").status_code == 200
    refused = _register(client, "moi9@example.org", "192.0.2.50")
    assert refused.status_code == 429
    assert "quá nhiều lần" in refused.content.decode()
    assert int(refused["Retry-After"]) > 0
    assert get_user_model().objects.count() == users + 3
    # Another address registers as usual.
    assert _register(client, "khac@example.org", "198.51.100.8").status_code == 200
    assert get_user_model().objects.filter(username="khac@example.org").exists()
