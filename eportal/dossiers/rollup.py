"""The monthly rollup of dossiers that the public statistics read (Art. 13.2).

``DossierMonthStat`` holds, per portal, agency, procedure and month, the
dossiers received (by channel), closed, and resolved early, on time or late in
that month. It is kept exact, never approximately:

- every save or delete of a dossier recounts, from the dossiers themselves,
  the rows of the months it counted in before and counts in now;
- a recount locks its rows first, so two transactions that change dossiers of
  the same procedure and month recount one after the other, the second seeing
  the first's commit (PostgreSQL, read committed; SQLite writes one at a time);
- ``rebuild()`` (``eportal procedure-statistics rebuild``) recounts everything
  after bulk loads that bypass model signals.

Stocks at a day (carried over, in progress, paused) are not stored: carried
over is the running sum of received minus closed, and what is open on a day
is read from the open dossiers only (see ``statistics``).
"""

from __future__ import annotations

import calendar as pycalendar
from collections import defaultdict
from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import Count, F, Max, Min, Q
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from eportal.dossiers.models import Channel, Dossier, DossierMonthStat

FLOWS = (
    "received_online",
    "received_in_person",
    "received_post",
    "closed",
    "early",
    "on_time",
    "late",
)
# The dossier fields a flow depends on: a save touching none of them
# (a promised date, an answer) recounts nothing.
COUNTED_FIELDS = frozenset(
    {
        "portal",
        "portal_id",
        "agency",
        "agency_id",
        "procedure",
        "procedure_id",
        "procedure_code",
        "channel",
        "received_on",
        "finished_on",
        "closed_on",
        "due_date",
    }
)
GROUP = ("portal_id", "agency_id", "procedure_id", "procedure_code")


def month_end(day: date) -> date:
    return day.replace(day=pycalendar.monthrange(day.year, day.month)[1])


def touching(lo: date, hi: date) -> Q:
    """Dossiers that count in some flow of the days [lo, hi]."""
    return (
        Q(received_on__gte=lo, received_on__lte=hi)
        | Q(finished_on__gte=lo, finished_on__lte=hi)
        | Q(closed_on__gte=lo, closed_on__lte=hi)
    )


def flow_aggregates(lo: date, hi: date, suffix: str = "") -> dict:
    """Conditional counts of every flow over the days [lo, hi]."""
    received = Q(received_on__gte=lo, received_on__lte=hi)
    finished = Q(finished_on__gte=lo, finished_on__lte=hi)
    return {
        f"received_online{suffix}": Count("pk", filter=received & Q(channel=Channel.ONLINE)),
        f"received_in_person{suffix}": Count("pk", filter=received & Q(channel=Channel.IN_PERSON)),
        f"received_post{suffix}": Count("pk", filter=received & Q(channel=Channel.POST)),
        f"closed{suffix}": Count("pk", filter=Q(closed_on__gte=lo, closed_on__lte=hi)),
        f"early{suffix}": Count("pk", filter=finished & Q(finished_on__lt=F("due_date"))),
        f"on_time{suffix}": Count("pk", filter=finished & Q(finished_on=F("due_date"))),
        f"late{suffix}": Count("pk", filter=finished & Q(finished_on__gt=F("due_date"))),
    }


def _group_filter(group: tuple) -> dict:
    return dict(zip(GROUP, group, strict=True))


def _sort_key(key: tuple):
    portal_id, agency_id, procedure_id, code, month = key
    return (portal_id, agency_id, procedure_id or 0, code, month)


def refresh(keys) -> None:
    """Recount the rollup rows named by ``keys``: (portal_id, agency_id,
    procedure_id, procedure_code, month) tuples, month being a first day."""
    by_group: dict[tuple, list[date]] = defaultdict(list)
    for key in sorted(set(keys), key=_sort_key):  # one lock order for everyone
        by_group[key[:4]].append(key[4])
    if not by_group:
        return
    with transaction.atomic():
        for group, months in by_group.items():
            _recount(group, months)


def _recount(group: tuple, months: list[date]) -> None:
    where = _group_filter(group)
    rows = defaultdict(list)
    for row in DossierMonthStat.objects.select_for_update().filter(**where, month__in=months):
        rows[row.month].append(row)
    for month in months:
        if not rows[month]:
            rows[month].append(_create_locked(where, month))
    # Counted after the locks: a concurrent recount of these rows has committed.
    aggregates, span = {}, Q()
    for i, month in enumerate(months):
        aggregates.update(flow_aggregates(month, month_end(month), suffix=f"_{i}"))
        span |= touching(month, month_end(month))
    counts = Dossier.objects.filter(span, **where).aggregate(**aggregates)
    for i, month in enumerate(months):
        first, *duplicates = rows[month]
        values = {name: counts[f"{name}_{i}"] or 0 for name in FLOWS}
        for row in duplicates:  # left behind when a procedure page was deleted
            row.delete()
        if not any(values.values()):
            first.delete()
        elif any(getattr(first, name) != value for name, value in values.items()):
            DossierMonthStat.objects.filter(pk=first.pk).update(**values)


def _create_locked(where: dict, month: date) -> DossierMonthStat:
    try:
        with transaction.atomic():
            return DossierMonthStat.objects.create(**where, month=month)
    except IntegrityError:
        # Another transaction created it first; wait for its lock.
        return DossierMonthStat.objects.select_for_update().get(**where, month=month)


def rebuild(progress=None, *, dossiers=Dossier, stats=DossierMonthStat) -> int:
    """Recount every row from the dossiers; return the number of rows written.

    ``dossiers`` and ``stats`` are the models to use (a migration passes its
    historical ones).
    """
    written = 0
    with transaction.atomic():
        stats.objects.all().delete()
        bounds = dossiers.objects.aggregate(
            first=Min("received_on"),
            r=Max("received_on"),
            f=Max("finished_on"),
            c=Max("closed_on"),
        )
        if bounds["first"] is None:
            return 0
        last = max(day for key, day in bounds.items() if key != "first" and day is not None)
        month = bounds["first"].replace(day=1)
        while month <= last:
            hi = month_end(month)
            grouped = (
                dossiers.objects.filter(touching(month, hi))
                .values(*GROUP)
                .annotate(**flow_aggregates(month, hi))
                .order_by()
            )
            rows = [
                stats(month=month, **{k: item[k] for k in GROUP + FLOWS})
                for item in grouped
                if any(item[name] for name in FLOWS)
            ]
            stats.objects.bulk_create(rows, batch_size=1000)
            written += len(rows)
            if progress is not None:
                progress(month)
            month = date(month.year + (month.month == 12), month.month % 12 + 1, 1)
    return written


# --- Signals ------------------------------------------------------------------


def _keys_in_database(pk) -> set[tuple]:
    stored = Dossier.objects.filter(pk=pk).first()
    return stored.statistics_keys() if stored is not None else set()


@receiver(pre_save, sender=Dossier, dispatch_uid="services-rollup-before")
def remember_what_was_counted(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or instance._state.adding:
        instance._counted_as = set()
    elif not hasattr(instance, "_counted_as"):
        instance._counted_as = _keys_in_database(instance.pk)


@receiver(post_save, sender=Dossier, dispatch_uid="services-rollup-after")
def recount_after_save(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw:
        return
    if update_fields is not None and not COUNTED_FIELDS.intersection(update_fields):
        return
    now_counted = instance.statistics_keys()
    refresh(getattr(instance, "_counted_as", set()) | now_counted)
    instance._counted_as = now_counted


@receiver(post_delete, sender=Dossier, dispatch_uid="services-rollup-delete")
def recount_after_delete(sender, instance, **kwargs):
    refresh(getattr(instance, "_counted_as", set()) | instance.statistics_keys())
