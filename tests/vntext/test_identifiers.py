"""Identifiers and secrets are never converted, even when they look like VIQR."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page

from eportal.vntext import to_unicode

PASSWORD = "Mat-khau-th3-nghiem!"


@pytest.mark.django_db
def test_it_leaves_usernames_passwords_and_e_mail_addresses_alone():
    assert to_unicode("ddong") == "đong"  # as text, it would be read as VIQR

    user = get_user_model().objects.create_user(
        "ddong", "ddi.nh@example.org", PASSWORD, first_name="Ddo^ng"
    )

    user.refresh_from_db()
    assert user.username == "ddong"
    assert user.email == "ddi.nh@example.org"
    assert user.check_password(PASSWORD)
    assert user.first_name == "Đông"


@pytest.mark.django_db
def test_it_leaves_page_slugs_alone():
    assert to_unicode("ddong-ho") == "đong-ho"  # as text, it would be read as VIQR

    page = Page.get_first_root_node().add_child(instance=Page(title="Vie^.t Nam", slug="ddong-ho"))

    page.refresh_from_db()
    assert (page.title, page.slug) == ("Việt Nam", "ddong-ho")
