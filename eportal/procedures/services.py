"""The one door for the catalogue's own writes: how often each procedure's page
is read (usage frequency, shown in the public statistics).

A page view must not cost a database write: each web process adds views up in
memory and hands them, every ``EPORTAL_VIEW_FLUSH_SECONDS`` (5 minutes), to
the worker as one ``record_views`` task, which adds them to the monthly rows.
A gunicorn worker that stops hands over what it holds (``worker_exit`` in
``deploy/gunicorn.conf.py``); one that crashes loses at most those minutes. Imports of procedures are in ``importer``.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import Counter

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django_tasks import task
from wagtail.models import Locale

from eportal.core import clock
from eportal.procedures.models import ProcedurePage, ProcedureView

logger = logging.getLogger(__name__)

_lock = threading.Lock()
_pending: Counter[tuple[str, str]] = Counter()  # (month, translation key) → views
_last_flush = time.monotonic()


def count_view(procedure: ProcedurePage) -> None:
    """Count one view of ``procedure`` this month (no query: the worker finds the
    Vietnamese original the views are kept against, whichever language was read)."""
    global _last_flush
    key = (clock.today().replace(day=1).isoformat(), str(procedure.translation_key))
    with _lock:
        _pending[key] += 1
        due = time.monotonic() - _last_flush >= settings.EPORTAL_VIEW_FLUSH_SECONDS
    if due:
        flush_views()


def flush_views() -> int:
    """Hand the views counted in this process to the worker; return how many."""
    global _last_flush
    with _lock:
        batch = dict(_pending)
        _pending.clear()
        _last_flush = time.monotonic()
    if not batch:
        return 0
    counts = [[month, key, n] for (month, key), n in sorted(batch.items())]
    try:
        record_views.enqueue(counts)
    except Exception:
        logger.exception("Could not queue %s procedure views", sum(batch.values()))
        with _lock:
            _pending.update(batch)  # try again at the next flush
        return 0
    return sum(batch.values())


@task()
def record_views(counts: list[list]) -> int:
    """Add ``[[month, translation key, views], …]`` to the monthly counts of the
    procedures' Vietnamese originals."""
    originals = dict(
        ProcedurePage.objects.filter(
            translation_key__in={key for _month, key, _n in counts},
            locale=Locale.get_default(),
        ).values_list("translation_key", "pk")
    )
    originals = {str(key): pk for key, pk in originals.items()}
    added = 0
    for month, key, views in counts:
        pk = originals.get(key)
        if pk is None:
            continue  # deleted since it was read
        updated = ProcedureView.objects.filter(procedure_id=pk, month=month).update(
            count=F("count") + views
        )
        if not updated:
            try:
                with transaction.atomic():
                    ProcedureView.objects.create(procedure_id=pk, month=month, count=views)
            except IntegrityError:  # another batch created the row first
                ProcedureView.objects.filter(procedure_id=pk, month=month).update(
                    count=F("count") + views
                )
        added += views
    return added
