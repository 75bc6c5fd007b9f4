"""The one door for the catalogue's own writes: how often each procedure's page
is read (usage frequency, shown in the public statistics).

A page view must not cost a database write: each web process adds views up in
memory (``core.tally``) and hands them, every ``EPORTAL_VIEW_FLUSH_SECONDS``
(5 minutes), to the worker as one ``record_views`` task, which adds them to
the monthly rows. Imports of procedures are in ``importer``.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import F
from django_tasks import task
from wagtail.models import Locale

from eportal.core import clock
from eportal.core.tally import Tally
from eportal.procedures.models import ProcedurePage, ProcedureView


def count_view(procedure: ProcedurePage) -> None:
    """Count one view of ``procedure`` this month (no query: the worker finds the
    Vietnamese original the views are kept against, whichever language was read)."""
    _views.add((clock.today().replace(day=1).isoformat(), str(procedure.translation_key)))


def flush_views() -> int:
    """Hand the views counted in this process to the worker; return how many."""
    return _views.flush()


def _hand_over(batch: dict) -> int:
    counts = [[month, key, n] for (month, key), (n,) in sorted(batch.items())]
    record_views.enqueue(counts)
    return sum(n for _month, _key, n in counts)


_views = Tally("procedure page views", _hand_over)


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
