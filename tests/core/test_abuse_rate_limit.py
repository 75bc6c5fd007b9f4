"""Rate limits per IP and per e-mail, configurable per scope."""

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from eportal.core import abuse


@pytest.fixture(autouse=True)
def _clean_cache():
    cache.clear()
    yield
    cache.clear()


def request_from(ip="203.0.113.5"):
    return RequestFactory().post("/", REMOTE_ADDR=ip)


def test_it_refuses_after_the_ip_limit_and_counts_each_address_apart(settings):
    settings.EPORTAL_ABUSE = {"IP_LIMIT": 2, "EMAIL_LIMIT": 100}
    assert not abuse.hit(request_from(), "s").limited
    assert not abuse.hit(request_from(), "s").limited
    assert abuse.hit(request_from(), "s").limited
    assert not abuse.hit(request_from("198.51.100.7"), "s").limited


def test_it_limits_one_email_across_addresses(settings):
    settings.EPORTAL_ABUSE = {"IP_LIMIT": 100, "EMAIL_LIMIT": 1}
    abuse.hit(request_from("192.0.2.1"), "s", "A@example.org")
    status = abuse.hit(request_from("192.0.2.2"), "s", "a@example.org ")
    assert status.limited
    assert "quá nhiều lần" in status.message


def test_scopes_are_counted_apart_and_configured_apart(settings):
    settings.EPORTAL_ABUSE = {"IP_LIMIT": 1, "SCOPES": {"generous": {"IP_LIMIT": 5}}}
    abuse.hit(request_from(), "strict")
    assert abuse.hit(request_from(), "strict").limited
    for _ in range(5):
        assert not abuse.hit(request_from(), "generous").limited


def test_it_asks_a_challenge_before_the_limit(settings):
    settings.EPORTAL_ABUSE = {"IP_LIMIT": 4, "CHALLENGE_AT": 0.5}
    abuse.hit(request_from(), "s")
    assert not abuse.rate_status(request_from(), "s").challenge
    abuse.hit(request_from(), "s")
    assert abuse.rate_status(request_from(), "s").challenge


def test_the_429_page_is_vietnamese_with_retry_after(settings, db):
    settings.EPORTAL_ABUSE = {"WINDOW": 600}
    request = request_from()
    request.portal = None
    response = abuse.too_many_requests(request, abuse.RateStatus(True, True, 600))
    assert response.status_code == 429 and response["Retry-After"] == "600"
    assert "10 phút" in response.content.decode()
