"""A name typed in TCVN3 into the Wagtail admin's user form is stored as Unicode."""

import unicodedata

import pytest
from django.contrib.auth import get_user_model

PASSWORD = "Mat-khau-th3-nghiem!"


@pytest.mark.django_db
def test_it_stores_a_tcvn3_name_posted_through_the_admin_user_form_as_nfc_unicode(client):
    admin = get_user_model().objects.create_superuser("quantri", "quantri@example.org", PASSWORD)
    client.force_login(admin)

    response = client.post(
        "/admin/users/new/",
        {
            "username": "nguyenvanhung",
            "email": "hung@example.org",
            "first_name": "Hïng",
            "last_name": "NguyÔn V¨n",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    user = get_user_model().objects.get(username="nguyenvanhung")
    assert (user.first_name, user.last_name) == ("Hùng", "Nguyễn Văn")
    assert unicodedata.is_normalized("NFC", user.last_name)
    assert user.check_password(PASSWORD)
