"""Counts added up in process memory and handed over in batches.

A page view must not cost a database write. A ``Tally`` adds numbers up per
key under a lock and, every ``EPORTAL_VIEW_FLUSH_SECONDS``, hands the whole
batch to a callable (which enqueues one task for the worker). If the hand-over
fails, the batch is put back and goes with the next one. A gunicorn worker
that stops hands over what it holds (``worker_exit`` in
``deploy/gunicorn.conf.py``); one that crashes loses at most those seconds.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Hashable, Sequence

from django.conf import settings

logger = logging.getLogger(__name__)

# Every tally of every app, so that a stopping process can hand all of them over.
_ALL: list[Tally] = []


class Tally:
    """Per key, a fixed-length row of counts (``add(key, 1)`` for a single count).

    ``hand_over(batch)`` receives ``{key: [counts…]}`` and returns how many
    items it handed over (what ``flush`` returns); it raises when it cannot.
    """

    def __init__(self, name: str, hand_over: Callable[[dict], int]):
        self.name = name
        self._hand_over = hand_over
        self._lock = threading.Lock()
        self._rows: dict[Hashable, list[int]] = {}
        self._last_flush = time.monotonic()
        _ALL.append(self)

    def add(self, key: Hashable, counts: int | Sequence[int] = 1) -> None:
        """Add ``counts`` to ``key``'s row (no query); hand over when due."""
        counts = [counts] if isinstance(counts, int) else list(counts)
        with self._lock:
            row = self._rows.get(key)
            if row is None:
                self._rows[key] = counts
            else:
                for i, n in enumerate(counts):
                    row[i] += n
            due = time.monotonic() - self._last_flush >= settings.EPORTAL_VIEW_FLUSH_SECONDS
        if due:
            self.flush()

    def clear(self) -> None:
        with self._lock:
            self._rows.clear()

    def flush(self) -> int:
        """Hand what this process counted to ``hand_over``; return how many."""
        with self._lock:
            batch = self._rows
            self._rows = {}
            self._last_flush = time.monotonic()
        if not batch:
            return 0
        try:
            return self._hand_over(batch)
        except Exception:
            logger.exception("Could not hand over the %s counted in this process", self.name)
            with self._lock:
                for key, counts in batch.items():
                    row = self._rows.setdefault(key, [0] * len(counts))
                    for i, n in enumerate(counts):
                        row[i] += n
            return 0


def flush_all() -> int:
    """Hand over every tally of this process (a stopping web worker calls it)."""
    return sum(tally.flush() for tally in _ALL)


def clear_all() -> None:
    """Forget every count of this process (a test starts from none)."""
    for tally in _ALL:
        tally.clear()
