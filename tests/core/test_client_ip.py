"""The real client address of a request, behind trusted proxies or not."""

import pytest
from django.test import RequestFactory, override_settings
from hypothesis import given
from hypothesis import strategies as st

from eportal.core.abuse import client_ip

CITIZEN = "203.0.113.7"


def request_from(peer, forwarded=None):
    meta = {"REMOTE_ADDR": peer}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **meta)


@pytest.fixture
def behind_nginx(settings):
    settings.EPORTAL_TRUSTED_PROXIES = ["127.0.0.1", "::1"]


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.EPORTAL_TRUSTED_PROXIES = []
    assert client_ip(request_from("127.0.0.1", CITIZEN)) == "127.0.0.1"
    assert client_ip(request_from("198.51.100.4")) == "198.51.100.4"


def test_behind_a_trusted_proxy_the_forwarded_client_is_the_client(behind_nginx):
    assert client_ip(request_from("127.0.0.1", CITIZEN)) == CITIZEN


def test_a_forged_header_from_an_untrusted_peer_is_ignored(behind_nginx):
    assert client_ip(request_from("198.51.100.4", "127.0.0.1")) == "198.51.100.4"
    assert client_ip(request_from("198.51.100.4", f"10.0.0.1, {CITIZEN}")) == "198.51.100.4"


def test_what_the_client_wrote_left_of_its_address_is_ignored(behind_nginx):
    # The citizen sent "X-Forwarded-For: 192.0.2.66"; nginx appended the real address.
    assert client_ip(request_from("127.0.0.1", f"192.0.2.66, {CITIZEN}")) == CITIZEN


def test_a_trusted_proxy_without_a_header_is_the_client(behind_nginx):
    assert client_ip(request_from("127.0.0.1")) == "127.0.0.1"
    assert client_ip(request_from("127.0.0.1", "")) == "127.0.0.1"


def test_it_walks_a_chain_of_trusted_proxies_from_the_right(settings):
    # Load balancer in 10.0.0.0/8 → nginx on 127.0.0.1 → gunicorn.
    settings.EPORTAL_TRUSTED_PROXIES = ["127.0.0.1", "10.0.0.0/8"]
    chain = f"192.0.2.66, {CITIZEN}, 10.1.2.3"
    assert client_ip(request_from("127.0.0.1", chain)) == CITIZEN


def test_an_untrusted_hop_in_the_chain_is_the_client(behind_nginx):
    # 10.1.2.3 is not trusted here: what it says about its own client is not believed.
    assert client_ip(request_from("127.0.0.1", f"{CITIZEN}, 10.1.2.3")) == "10.1.2.3"


def test_a_client_inside_the_trusted_network_is_the_leftmost_address(settings):
    settings.EPORTAL_TRUSTED_PROXIES = ["127.0.0.1", "10.0.0.0/8"]
    assert client_ip(request_from("127.0.0.1", "10.9.8.7, 10.1.2.3")) == "10.9.8.7"


@pytest.mark.parametrize(
    ("peer", "forwarded", "expected"),
    [
        ("::1", "2001:db8::7", "2001:db8::7"),
        ("::1", "2001:0db8:0000:0000:0000:0000:0000:0007", "2001:db8::7"),
        ("::1", "[2001:db8::7]:51000", "2001:db8::7"),
        ("::1", "fe80::7%eth0", "fe80::7"),
        ("::1", "::ffff:203.0.113.7", CITIZEN),
        ("::ffff:127.0.0.1", CITIZEN, CITIZEN),
        ("127.0.0.1", "2001:db8::7", "2001:db8::7"),
        ("2001:db8::66", CITIZEN, "2001:db8::66"),
    ],
)
def test_ipv6_addresses(behind_nginx, peer, forwarded, expected):
    assert client_ip(request_from(peer, forwarded)) == expected


def test_a_trusted_ipv6_network(settings):
    settings.EPORTAL_TRUSTED_PROXIES = ["2001:db8:ff::/48"]
    assert client_ip(request_from("2001:db8:ff::2", "2001:db8:1::9")) == "2001:db8:1::9"


@pytest.mark.parametrize(
    "forwarded",
    [f"{CITIZEN}:4711", f"  {CITIZEN}  ", f'"{CITIZEN}"', f"{CITIZEN},", f" , {CITIZEN}"],
)
def test_ports_spaces_and_quotes(behind_nginx, forwarded):
    assert client_ip(request_from("127.0.0.1", forwarded)) == CITIZEN


@pytest.mark.parametrize(
    "garbage",
    [
        "unknown",
        "_hidden",
        "not-an-ip",
        "999.1.1.1",
        "1.2.3.4.5",
        "203.0.113.7; DROP TABLE",
        "[2001:db8::7",
        "2001:db8::7]:80",
        "1.2.3.4:80:90",
        "\x00",
        "ä" * 1000,
        "1" * 100,
    ],
)
def test_garbage_is_never_believed_and_never_an_error(behind_nginx, garbage):
    # Nothing left of a malformed entry was written by a trusted proxy.
    assert client_ip(request_from("127.0.0.1", garbage)) == "127.0.0.1"
    assert client_ip(request_from("127.0.0.1", f"{CITIZEN}, {garbage}")) == "127.0.0.1"
    assert client_ip(request_from("127.0.0.1", f"{garbage}, {CITIZEN}")) == CITIZEN


def test_a_request_without_an_address_has_none(behind_nginx):
    assert client_ip(None) is None
    assert client_ip(request_from("", CITIZEN)) is None
    assert client_ip(request_from("garbage", CITIZEN)) is None


@given(forwarded=st.text(max_size=300))
def test_an_untrusted_peer_is_the_client_whatever_it_sends(forwarded):
    with override_settings(EPORTAL_TRUSTED_PROXIES=["127.0.0.1"]):
        assert client_ip(request_from("198.51.100.4", forwarded)) == "198.51.100.4"
        # From the trusted proxy: some address, and never an exception.
        assert client_ip(request_from("127.0.0.1", forwarded))
