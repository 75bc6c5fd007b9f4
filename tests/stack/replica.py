"""The database router against a real primary and streaming standby
(scripts/replica-check starts them; not collected by pytest).

Run with DATABASE_URL (the primary) and DATABASE_REPLICA_URL (the standby)
set: migrations on the primary only, writes replicated, reads served by the
standby, a user's requests just after a write served by the primary while the
standby is held behind, writes refused by the standby. Exits non-zero at the
first failure.
"""

import contextlib
import os
import sys
import time

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import DatabaseError, connections, transaction  # noqa: E402
from django.db.models.expressions import RawSQL  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

from eportal.core import db_router  # noqa: E402

STICKY_SECONDS = int(os.environ["EPORTAL_REPLICA_STICKY_SECONDS"])
PASSWORD = "replica-check-Passw0rd!"
User = get_user_model()


def check(condition, message):
    if not condition:
        print(f"FAIL: {message}")
        sys.exit(1)
    print(f"ok   {message}")


def server(alias):
    """Return (in recovery, port) of the server behind an alias's connection."""
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT pg_is_in_recovery(), inet_server_port()")
        return cursor.fetchone()


def wait_until(predicate, seconds=10.0):
    """Return the seconds it took predicate() to hold, or None after `seconds`."""
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        if predicate():
            return time.monotonic() - started
        time.sleep(0.05)
    return None


def on_standby(username):
    return User.objects.using("replica").filter(username=username).exists()


@contextlib.contextmanager
def queries_by_alias():
    """Record the aliases that ran the queries inside the block."""
    seen = []

    def recorder(alias):
        def record(execute, sql, params, many, context):
            seen.append(alias)
            return execute(sql, params, many, context)

        return record

    with contextlib.ExitStack() as stack:
        for alias in ("default", "replica"):
            stack.enter_context(connections[alias].execute_wrapper(recorder(alias)))
        yield seen


def served_by(seen):
    return ", ".join(f"{alias} × {seen.count(alias)}" for alias in sorted(set(seen))) or "none"


def main():
    check(server("default")[0] is False, f"default is the primary (port {server('default')[1]})")
    check(server("replica")[0] is True, f"replica is a standby (port {server('replica')[1]})")

    started = time.monotonic()
    with db_router.request_scope():
        call_command("migrate", interactive=False, verbosity=0)
    check(True, f"migrate ran in {time.monotonic() - started:.1f} s")

    with db_router.request_scope(), connections["default"].cursor() as cursor:
        cursor.execute("SELECT count(*) FROM django_migrations")
        applied = cursor.fetchone()[0]

    def schema_replicated():
        with connections["replica"].cursor() as cursor:
            cursor.execute("SELECT to_regclass('django_migrations') IS NOT NULL")
            if not cursor.fetchone()[0]:
                return False
            cursor.execute("SELECT count(*) FROM django_migrations")
            return cursor.fetchone()[0] == applied

    lag = wait_until(schema_replicated)
    check(lag is not None, f"the schema reached the standby by replication ({applied} migrations)")

    # A write from one "request", then reads from fresh ones.
    with db_router.request_scope():
        User.objects.create_user("replicated", password=PASSWORD)
    lag = wait_until(lambda: on_standby("replicated"))
    check(
        lag is not None,
        f"a write on the primary is visible on the standby after {lag:.2f} s (polled every 0.05 s)",
    )

    with db_router.request_scope():
        queryset = User.objects.filter(username="replicated").annotate(
            in_recovery=RawSQL("pg_is_in_recovery()", []), port=RawSQL("inet_server_port()", [])
        )
        row = queryset.values("username", "in_recovery", "port").get()
    check(
        row["in_recovery"] is True,
        f"a read of a fresh request is served by the standby (the row came with "
        f"pg_is_in_recovery()={row['in_recovery']}, port {row['port']})",
    )

    with db_router.request_scope(), transaction.atomic():
        locked = User.objects.select_for_update().filter(username="replicated")
        row = locked.annotate(in_recovery=RawSQL("pg_is_in_recovery()", [])).values().get()
    check(
        row["in_recovery"] is False, "select_for_update() inside a transaction locks on the primary"
    )

    try:
        with db_router.request_scope():
            User.objects.using("replica").create(username="refused")
    except DatabaseError as error:
        check("read-only" in str(error), f"the standby refuses a write: {str(error).strip()}")
    else:
        check(False, "the standby refuses a write")

    # Read-your-writes: hold the standby behind (replay paused), create a user
    # there is no copy of yet, and sign in as them through the real middleware.
    with connections["replica"].cursor() as cursor:
        cursor.execute("SELECT pg_wal_replay_pause()")
    with db_router.request_scope():
        User.objects.create_superuser("editor", "editor@example.org", PASSWORD)
    time.sleep(0.5)
    check(not on_standby("editor"), "with replay paused, the new user is not on the standby yet")

    client = Client()
    with queries_by_alias() as seen:
        response = client.post(
            reverse("wagtailadmin_login"), {"username": "editor", "password": PASSWORD}
        )
    check(
        response.status_code == 302 and "sessionid" in response.cookies,
        f"the sign-in (a POST) found the new user on the primary (served by {served_by(seen)})",
    )
    check(
        db_router.STICKY_COOKIE in response.cookies,
        f"its response keeps the user on the primary for {STICKY_SECONDS} s",
    )
    # The next page a new staff member reaches is the two-factor enrolment
    # (every /admin/ page sends them there first); it reads their account.
    with queries_by_alias() as seen:
        response = client.get(reverse("eportal_2fa_enrol"))
    check(
        response.status_code == 200 and set(seen) == {"default"},
        f"their next request reads the primary (status {response.status_code}, "
        f"served by {served_by(seen)})",
    )

    with connections["replica"].cursor() as cursor:
        cursor.execute("SELECT pg_wal_replay_resume()")
    lag = wait_until(lambda: on_standby("editor"))
    check(lag is not None, f"replay resumed: the user reached the standby after {lag:.2f} s")

    time.sleep(STICKY_SECONDS + 0.5)
    # The next page a new staff member reaches is the two-factor enrolment
    # (every /admin/ page sends them there first); it reads their account.
    with queries_by_alias() as seen:
        response = client.get(reverse("eportal_2fa_enrol"))
    check(
        response.status_code == 200 and "replica" in seen,
        f"after the {STICKY_SECONDS} s window their reads go to the standby again "
        f"(status {response.status_code}, served by {served_by(seen)}; sessions stay on default)",
    )

    with db_router.request_scope():
        from django_tasks_db.models import DBTaskResult

        check(DBTaskResult.objects.all().db == "default", "the task queue is read on the primary")


if __name__ == "__main__":
    main()
    print("replica check: all passed")
