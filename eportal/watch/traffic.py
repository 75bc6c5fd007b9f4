"""Traffic watch: first-party page-view counting and the spike rule.

A page view costs no database write: ``TrafficMiddleware`` adds each
successful GET of a public HTML page up in process memory (per portal, path
and day, and per portal and minute with a response-time histogram) and every
``EPORTAL_VIEW_FLUSH_SECONDS`` hands the batch to the worker as one
``record_traffic`` task (``core.tally``, as procedure view counts). No IP
address or visitor identifier is kept. Pages nginx serves from its cache never
reach Django: ``eportal watch-traffic`` reads them from nginx's access log
into the same rows (``watch.access_log``).

Spike rule (``detect_spikes``): for each portal, the views of the last 10
minutes are compared with the same 10-minute window of each of the previous 7
days (the previous 24 hours' 10-minute windows when there is less than 7 days
of history); an alert is raised when they exceed ``median + 6·MAD`` and
``SPIKE_FLOOR`` views.
"""

from __future__ import annotations

import bisect
import statistics
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone
from django_tasks import task

from eportal.core import clock
from eportal.core.tally import Tally
from eportal.watch.models import DURATION_BUCKETS_MS, PageViewDay, TrafficMinute, WatchAlert

SPIKE_WINDOW = timedelta(minutes=10)
SPIKE_FLOOR = 500
SPIKE_MADS = 6
EXCLUDED_PREFIXES = ("/admin/", "/api/", "/django-admin/")


def bucket_of(duration_ms: float) -> int:
    return bisect.bisect_left(DURATION_BUCKETS_MS, duration_ms)


def is_counted_path(path: str) -> bool:
    static = settings.STATIC_URL or "/static/"
    media = settings.MEDIA_URL or "/media/"
    return not path.startswith((*EXCLUDED_PREFIXES, static, media, "/favicon"))


def view_row(duration_ms: float) -> list[int]:
    """One view as a minute row: ``[views, *response-time buckets]``."""
    row = [0] * (len(DURATION_BUCKETS_MS) + 2)
    row[0] = 1
    row[1 + bucket_of(duration_ms)] = 1
    return row


def count_view(portal_id: int, path: str, when: datetime, duration_ms: float) -> None:
    """Count one view in this process (no query)."""
    day = timezone.localdate(when).isoformat()
    minute = when.replace(second=0, microsecond=0).isoformat()
    _views.add(("day", portal_id, path[:255], day), 1)
    _views.add(("minute", portal_id, minute), view_row(duration_ms))


def flush() -> int:
    """Hand the views counted in this process to the worker; return how many."""
    return _views.flush()


def _hand_over(batch: dict) -> int:
    items = sorted(batch.items())
    day_rows = [[*key[1:], row[0]] for key, row in items if key[0] == "day"]
    minute_rows = [[*key[1:], row] for key, row in items if key[0] == "minute"]
    record_traffic.enqueue(day_rows, minute_rows)
    return sum(row[-1] for row in day_rows)


_views = Tally("page views", _hand_over)


@task()
def record_traffic(day_rows: list[list], minute_rows: list[list]) -> int:
    """Add ``[[portal, path, day, views]]`` and ``[[portal, minute, [views,
    *buckets]]]`` to the stored counts; return the views added."""
    return store(day_rows, minute_rows)


def store(day_rows, minute_rows) -> int:
    from eportal.portals.models import Portal

    # A portal deleted since the views were counted has nowhere to keep them
    # (PostgreSQL checks the key only at commit: the whole batch would be lost).
    wanted = {row[0] for row in day_rows} | {row[0] for row in minute_rows}
    known = set(Portal.objects.filter(pk__in=wanted).values_list("pk", flat=True))
    day_rows = [row for row in day_rows if row[0] in known]
    minute_rows = [row for row in minute_rows if row[0] in known]
    added = 0
    for portal_id, path, day, views in day_rows:
        filt = {"portal_id": portal_id, "path": path, "day": day}
        if not PageViewDay.objects.filter(**filt).update(views=F("views") + views):
            try:
                with transaction.atomic():
                    PageViewDay.objects.create(**filt, views=views)
            except IntegrityError:
                PageViewDay.objects.filter(**filt).update(views=F("views") + views)
        added += views
    for portal_id, minute, row in minute_rows:
        minute = datetime.fromisoformat(minute) if isinstance(minute, str) else minute
        with transaction.atomic():
            obj, created = TrafficMinute.objects.select_for_update().get_or_create(
                portal_id=portal_id,
                minute=minute,
                defaults={"views": row[0], "durations": row[1:]},
            )
            if not created:
                old = obj.durations or [0] * len(row[1:])
                obj.views += row[0]
                obj.durations = [a + b for a, b in zip(old, row[1:], strict=False)]
                obj.save(update_fields=["views", "durations"])
    return added


def percentile(histogram: list[int], q: float) -> int | None:
    """The ``q`` quantile (0–1) of a response-time histogram, as the upper bound
    (ms) of the bucket it falls in (the open bucket reports twice the last bound)."""
    total = sum(histogram)
    if not total:
        return None
    rank = q * total
    seen = 0
    for i, n in enumerate(histogram):
        seen += n
        if seen >= rank:
            return (
                DURATION_BUCKETS_MS[i]
                if i < len(DURATION_BUCKETS_MS)
                else DURATION_BUCKETS_MS[-1] * 2
            )
    return DURATION_BUCKETS_MS[-1] * 2


def _window_views(portal_id: int, end: datetime) -> int:
    return (
        TrafficMinute.objects.filter(
            portal_id=portal_id, minute__gte=end - SPIKE_WINDOW, minute__lt=end
        ).aggregate(n=Sum("views"))["n"]
        or 0
    )


def baseline(portal_id: int, now: datetime) -> list[int]:
    """Views in the comparison windows: the same 10 minutes of each of the
    previous 7 days, or the previous 24 hours' windows with less history."""
    first = (
        TrafficMinute.objects.filter(portal_id=portal_id)
        .order_by("minute")
        .values_list("minute", flat=True)
        .first()
    )
    if first is not None and first <= now - timedelta(days=7):
        return [_window_views(portal_id, now - timedelta(days=d)) for d in range(1, 8)]
    return [_window_views(portal_id, now - SPIKE_WINDOW * k) for k in range(1, 145)]


def detect_spikes(now: datetime | None = None) -> list[WatchAlert]:
    """Apply the spike rule to every portal; return the alerts raised or updated."""
    from eportal.portals.models import Portal
    from eportal.watch.services import raise_alert

    now = (now or clock.now()).replace(second=0, microsecond=0)
    found = []
    for portal in Portal.objects.all():
        current = _window_views(portal.pk, now)
        if current <= SPIKE_FLOOR:
            continue
        past = baseline(portal.pk, now)
        median = statistics.median(past)
        mad = statistics.median(abs(v - median) for v in past)
        threshold = median + SPIKE_MADS * mad
        if current <= threshold:
            continue
        alert, _created = raise_alert(
            WatchAlert.Kind.TRAFFIC,
            key=f"spike:{portal.slug}",
            title=f"Lưu lượng tăng đột biến trên {portal}: {current} lượt xem trong 10 phút",
            detail=(
                f"{current} lượt xem trong 10 phút đến {timezone.localtime(now):%H:%M %d/%m/%Y}; "
                f"trung vị cùng khung giờ trước đó {median:g}, MAD {mad:g}, "
                f"ngưỡng {threshold:g} (tối thiểu {SPIKE_FLOOR})."
            ),
            portal=portal,
            link="/admin/watch/traffic/",
        )
        found.append(alert)
    return found
