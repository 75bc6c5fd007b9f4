"""Reads from a streaming replica, writes to the primary (DATABASE_REPLICA_URL).

Active only when settings.py defines the "replica" database; without it
nothing here is installed and every query goes to "default".

What must read the primary, because a replica is a little behind:
- every read of a request once it has written anything, and every read of a
  request whose method may write (POST, PUT, PATCH, DELETE): a read before a
  write in the same request (treebeard's next page path, a duplicate check)
  must not be stale;
- the user's next requests for EPORTAL_REPLICA_STICKY_SECONDS after a write
  (a signed cookie set by ReadYourWritesMiddleware), so an editor sees the
  page just saved and a citizen the question just sent;
- reads inside a transaction on the primary (a ``select_for_update()``
  queryset is routed for reading: it must lock rows on the primary);
- the apps of DATABASE_PRIMARY_APPS, whose rows are read right after they are
  written by another process: sessions, the task queue;
- management commands, the task worker included (eportal.cli pins them).
"""

import contextlib
import time
from contextvars import ContextVar

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.http import HttpRequest, HttpResponse

REPLICA_DB_ALIAS = "replica"
STICKY_COOKIE = "eportal_primary"
_STICKY_SALT = "eportal.core.db_router"
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})

# Whether the current request (or command) reads the primary, and whether it
# has written. Context variables: one value per thread and per asyncio task.
_on_primary: ContextVar[bool] = ContextVar("eportal_on_primary", default=False)
_wrote: ContextVar[bool] = ContextVar("eportal_wrote", default=False)


def pin_primary() -> None:
    """Send every later read of the current request or command to the primary."""
    _on_primary.set(True)


@contextlib.contextmanager
def request_scope(*, on_primary: bool = False):
    """Start a request's routing state afresh and drop it afterwards.

    A gunicorn worker thread serves request after request in one context:
    without the reset, one request's write would pin the next one."""
    primary_token = _on_primary.set(on_primary)
    wrote_token = _wrote.set(False)
    try:
        yield
    finally:
        _on_primary.reset(primary_token)
        _wrote.reset(wrote_token)


def has_written() -> bool:
    """Return whether the current request chose a database for a write."""
    return _wrote.get()


class PrimaryReplicaRouter:
    """Route reads to the replica unless the primary is needed (module docstring)."""

    def __init__(self, replica: str | None = None):
        # Django builds routers without arguments; tests name a replica alias.
        if replica is None and REPLICA_DB_ALIAS in settings.DATABASES:
            replica = REPLICA_DB_ALIAS
        self.replica = replica
        self.primary_apps = frozenset(getattr(settings, "DATABASE_PRIMARY_APPS", ()))

    def db_for_read(self, model, **hints):
        if (
            self.replica is None
            or _on_primary.get()
            or model._meta.app_label in self.primary_apps
            or connections[DEFAULT_DB_ALIAS].in_atomic_block
        ):
            return DEFAULT_DB_ALIAS
        return self.replica

    def db_for_write(self, model, **hints):
        # Django asks before any write (save, update, delete, get_or_create):
        # from now on this request reads what it wrote.
        _wrote.set(True)
        _on_primary.set(True)
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        # Both aliases hold the same rows.
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        # The replica copies the primary's schema through replication.
        return db == DEFAULT_DB_ALIAS


class ReadYourWritesMiddleware:
    """Read the primary in unsafe requests, after a write, and for a user's
    requests during EPORTAL_REPLICA_STICKY_SECONDS after one of their writes.

    Installed (outermost after the cache control, so that the session's own
    save counts as a write) only when a replica is configured."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.sticky_seconds = settings.EPORTAL_REPLICA_STICKY_SECONDS

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with request_scope(on_primary=self._must_read_primary(request)):
            response = self.get_response(request)
            if has_written() and self.sticky_seconds > 0:
                response.set_signed_cookie(
                    STICKY_COOKIE,
                    str(int(time.time())),
                    salt=_STICKY_SALT,
                    max_age=self.sticky_seconds,
                    httponly=True,
                    secure=settings.SESSION_COOKIE_SECURE,
                    samesite="Lax",
                )
        return response

    def _must_read_primary(self, request: HttpRequest) -> bool:
        if request.method in UNSAFE_METHODS:
            return True
        # Signed and dated: a client cannot stretch the window, and an expired
        # cookie a browser still sends is ignored.
        written_at = request.get_signed_cookie(
            STICKY_COOKIE, default=None, salt=_STICKY_SALT, max_age=self.sticky_seconds
        )
        return written_at is not None
