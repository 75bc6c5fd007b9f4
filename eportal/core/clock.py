"""The one clock every app reads: ``clock.now()`` and ``clock.today()``.

Services that stamp or date what they save read the time here, never
``timezone.now()`` directly, so that one mechanism sets it for everyone: a
test that needs a given day, or the demo loader that records a year of
history as it happened, runs the code inside ``clock.frozen_at(moment)``.
The setting is per thread and per async task (a context variable), so it never
leaks into another request.
"""

from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime

from django.utils import timezone

_frozen: ContextVar[datetime | None] = ContextVar("eportal_clock", default=None)


def now() -> datetime:
    """Return the current instant (aware, UTC), or the one ``frozen_at`` set."""
    return _frozen.get() or timezone.now()


def today() -> date:
    """Return today's date in the portal's time zone (Asia/Ho_Chi_Minh)."""
    return timezone.localdate(now())


@contextmanager
def frozen_at(moment: datetime):
    """Run the block as if it were ``moment`` (an aware datetime)."""
    if timezone.is_naive(moment):
        raise ValueError("frozen_at needs an aware datetime")
    token = _frozen.set(moment)
    try:
        yield moment
    finally:
        _frozen.reset(token)
