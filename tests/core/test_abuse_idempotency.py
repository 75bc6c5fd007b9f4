"""Idempotent submits: the Idempotency-Key header and the one-time form token."""

import pytest
from django import forms
from django.core.cache import cache
from django.test import RequestFactory

from eportal.core import abuse


@pytest.fixture(autouse=True)
def _clean_cache():
    cache.clear()


class CommentForm(abuse.AbuseProtectedFormMixin, forms.Form):
    abuse_scope = "comment"
    abuse_email_field = "email"
    email = forms.EmailField()
    text = forms.CharField()


def test_a_retried_request_gets_the_first_response():
    request = RequestFactory().post("/", headers={"Idempotency-Key": "k-1"})
    assert abuse.recall_response(request, "s") is None
    abuse.remember_response(request, "s", 201, {"code": "ABC"})
    assert abuse.recall_response(request, "s") == (201, {"code": "ABC"})
    other = RequestFactory().post("/", headers={"Idempotency-Key": "k-2"})
    assert abuse.recall_response(other, "s") is None


def test_the_form_token_maps_a_resubmit_to_the_first_result():
    rf = RequestFactory()
    blank = CommentForm(request=rf.get("/"))
    token = blank.initial["form_token"]
    data = {"form_token": token, "email": "a@example.org", "text": "Góp ý"}
    first = CommentForm(data, request=rf.post("/"))
    assert first.is_valid() and first.previous_result() is None
    first.remember_result("/ket-qua/1/")

    again = CommentForm(data, request=rf.post("/"))
    assert again.previous_result() == "/ket-qua/1/"


def test_a_forged_form_token_is_ignored():
    form = CommentForm(
        {"form_token": "forged", "email": "a@example.org", "text": "x"},
        request=RequestFactory().post("/"),
    )
    assert form.form_token() is None
    assert form.previous_result() is None


def test_the_honeypot_refuses_the_form():
    data = {"email": "a@example.org", "text": "x", "website": "http://spam"}
    form = CommentForm(data, request=RequestFactory().post("/"))
    assert not form.is_valid()
    assert "Trang web" in " ".join(form.non_field_errors())


def test_the_api_guard_refuses_a_filled_honeypot_and_asks_a_challenge(settings):
    settings.EPORTAL_ABUSE = {"IP_LIMIT": 2, "CHALLENGE_AT": 0.5}
    request = RequestFactory().post("/", REMOTE_ADDR="192.0.2.9")
    assert abuse.api_guard(request, "s", honeypot="x")[0] == 422
    assert abuse.api_guard(request, "s") is None
    status, body = abuse.api_guard(request, "s")
    assert status == 428 and body["challenge"]["token"]
    assert abuse.api_guard(request, "s")[0] == 429
