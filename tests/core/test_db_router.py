"""With a replica, reads go to it and writes to the primary; whoever just
wrote reads the primary (the rest of the request, and their next requests for
EPORTAL_REPLICA_STICKY_SECONDS). The real replica: scripts/replica-check."""

import sys
from unittest import mock

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.db import transaction
from django.http import HttpResponse
from django.test import RequestFactory
from django_tasks_db.models import DBTaskResult

from eportal.core import db_router

User = get_user_model()


@pytest.fixture
def router():
    return db_router.PrimaryReplicaRouter(replica="replica")


def test_it_reads_the_replica_and_writes_the_primary(router):
    with db_router.request_scope():
        assert router.db_for_read(User) == "replica"
        assert router.db_for_write(User) == "default"


def test_it_reads_the_primary_for_the_rest_of_a_request_that_wrote(router):
    with db_router.request_scope():
        router.db_for_write(User)

        assert router.db_for_read(User) == "default"
        assert db_router.has_written()

    with db_router.request_scope():
        assert router.db_for_read(User) == "replica"
        assert not db_router.has_written()


def test_it_reads_sessions_and_the_task_queue_on_the_primary(router):
    # A session created a moment ago, a task queued by a request a moment ago.
    with db_router.request_scope():
        assert router.db_for_read(Session) == "default"
        assert router.db_for_read(DBTaskResult) == "default"


@pytest.mark.django_db
def test_it_reads_the_primary_inside_a_transaction(router):
    # select_for_update() is routed as a read: its lock must be on the primary.
    with db_router.request_scope(), transaction.atomic():
        assert router.db_for_read(User) == "default"


def test_a_command_pinned_to_the_primary_reads_it(router):
    with db_router.request_scope():
        db_router.pin_primary()

        assert router.db_for_read(User) == "default"


def test_it_migrates_only_the_primary_and_allows_relations_across(router):
    assert router.allow_migrate("default", "news")
    assert not router.allow_migrate("replica", "news")
    assert router.allow_relation(User(), Session())


@pytest.mark.skipif("replica" in django_settings.DATABASES, reason="DATABASE_REPLICA_URL is set")
def test_without_a_replica_everything_is_the_default_database():
    router = db_router.PrimaryReplicaRouter()

    with db_router.request_scope():
        assert router.replica is None
        assert router.db_for_read(User) == "default"


def serve(request, router, *, write=False):
    """Run the middleware around a view; return the response and the view's read alias."""
    seen = {}

    def view(request):
        if write:
            router.db_for_write(User)
        seen["read"] = router.db_for_read(User)
        return HttpResponse("ok")

    response = db_router.ReadYourWritesMiddleware(view)(request)
    return response, seen["read"]


def test_it_keeps_a_user_on_the_primary_for_a_while_after_a_write(router, settings):
    settings.EPORTAL_REPLICA_STICKY_SECONDS = 5
    factory = RequestFactory()

    response, read = serve(factory.post("/hoi-dap/gui/"), router, write=True)
    assert read == "default"
    cookie = response.cookies[db_router.STICKY_COOKIE]
    assert cookie["max-age"] == 5

    request = factory.get("/hoi-dap/")
    request.COOKIES[db_router.STICKY_COOKIE] = cookie.value
    response, read = serve(request, router)
    assert read == "default"
    assert db_router.STICKY_COOKIE not in response.cookies

    # Someone else, without the cookie, reads the replica.
    response, read = serve(factory.get("/hoi-dap/"), router)
    assert read == "replica"


def test_it_sends_a_user_back_to_the_replica_after_the_window(router, settings):
    settings.EPORTAL_REPLICA_STICKY_SECONDS = 5
    factory = RequestFactory()
    with mock.patch("time.time", return_value=1_000_000.0):
        response, _ = serve(factory.post("/hoi-dap/gui/"), router, write=True)

    request = factory.get("/hoi-dap/")
    request.COOKIES[db_router.STICKY_COOKIE] = response.cookies[db_router.STICKY_COOKIE].value
    with mock.patch("time.time", return_value=1_000_006.0):
        _, read = serve(request, router)

    assert read == "replica"


def test_it_reads_the_primary_in_a_post_before_anything_is_written(router):
    # A read before the write (a duplicate check, the next page path) must not be stale.
    response, read = serve(RequestFactory().post("/hoi-dap/gui/"), router)

    assert read == "default"
    assert db_router.STICKY_COOKIE not in response.cookies


def test_a_request_that_wrote_does_not_pin_the_next_one_in_the_same_thread(router):
    serve(RequestFactory().post("/hoi-dap/gui/"), router, write=True)

    _, read = serve(RequestFactory().get("/hoi-dap/"), router)

    assert read == "replica"


@pytest.mark.parametrize(
    ("command", "database"), [("db_worker", "default"), ("runserver", "replica")]
)
def test_management_commands_read_the_primary(router, monkeypatch, command, database):
    # The worker runs tasks on rows a request committed a moment ago.
    from eportal import cli

    seen = {}
    monkeypatch.setattr(sys, "argv", ["eportal", command])
    monkeypatch.setattr(
        "django.core.management.execute_from_command_line",
        lambda argv: seen.update(read=router.db_for_read(User)),
    )

    with db_router.request_scope():
        cli.main()

    assert seen["read"] == database
