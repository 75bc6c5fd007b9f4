"""Page views that nginx served from its cache, read from its access log.

Django never sees a cache hit, so ``TrafficMiddleware`` counts only what
reached it; in production most anonymous views are hits. nginx writes one
line per request in the ``eportal_traffic`` format (``deploy/nginx.conf``):

    $time_iso8601 TAB $host TAB $request_method TAB $uri TAB $status TAB
    $upstream_cache_status TAB $request_time TAB $sent_http_content_type

``ingest`` counts the lines that never reached Django (cache status HIT,
STALE or UPDATING) with the middleware's own rule (a successful GET of a public
HTML page, per portal, path, day and minute, with its response time) and adds
them to the same rows. An ``AccessLogCursor`` remembers the inode and offset
read, in the same transaction as the counts, so a line is counted once; a
rotated log is finished from ``FILE.1`` when logrotate left it there, and a
truncated one is read again from the start.
"""

from __future__ import annotations

import os
import re
from datetime import UTC, datetime
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from eportal.portals import caching
from eportal.portals.routing import split_portal_path
from eportal.watch import traffic
from eportal.watch.models import AccessLogCursor

#: Cache statuses of responses nginx gave without asking Django.
SERVED_FROM_CACHE = {"HIT", "STALE", "UPDATING"}
FIELDS = 8
_ESCAPED = re.compile(rb"\\x([0-9A-Fa-f]{2})")


def _unescape(raw: bytes) -> str:
    """nginx writes bytes outside printable ASCII (and ``"`` and ``\\``) as ``\\xHH``."""
    return _ESCAPED.sub(lambda m: bytes([int(m[1], 16)]), raw).decode("utf-8", "replace")


class _Counts:
    def __init__(self):
        self.days: dict[tuple, int] = {}
        self.minutes: dict[tuple, list[int]] = {}
        self.portals: dict[tuple[str, str | None], int | None] = {}
        self.views = 0
        self.skipped = 0

    def portal_id(self, host: str, slug: str | None) -> int | None:
        key = (host, slug)
        if key not in self.portals:
            if slug is not None:
                portal = caching.portal_by_slug(slug)
            else:
                portal = caching.site_and_portal_for_host(host.split(":")[0].lower(), 80)[1]
            self.portals[key] = portal.pk if portal is not None else None
        return self.portals[key]

    def line(self, raw: bytes) -> None:
        fields = raw.rstrip(b"\r\n").split(b"\t")
        if len(fields) != FIELDS:
            self.skipped += 1
            return
        when, host, method, uri, status, cache, seconds, content_type = fields
        if (
            method != b"GET"
            or status != b"200"
            or cache.decode("ascii", "replace") not in SERVED_FROM_CACHE
            or not content_type.startswith(b"text/html")
        ):
            return
        path = _unescape(uri)
        if not traffic.is_counted_path(path):
            return
        try:
            moment = datetime.fromisoformat(when.decode("ascii")).astimezone(UTC)
            duration_ms = float(seconds) * 1000
        except ValueError:
            self.skipped += 1
            return
        split = split_portal_path(path)
        portal_id = self.portal_id(_unescape(host), split[0] if split else None)
        if portal_id is None:
            return
        day = (portal_id, path[:255], timezone.localdate(moment).isoformat())
        self.days[day] = self.days.get(day, 0) + 1
        minute = (portal_id, moment.replace(second=0, microsecond=0).isoformat())
        one = traffic.view_row(duration_ms)
        row = self.minutes.setdefault(minute, [0] * len(one))
        for i, n in enumerate(one):
            row[i] += n
        self.views += 1


def _read(path: Path, start: int, counts: _Counts) -> int:
    """Count the whole lines of ``path`` from byte ``start``; return the offset
    after the last whole line (a line nginx is still writing waits)."""
    offset = start
    with path.open("rb") as log:
        log.seek(start)
        for raw in log:
            if not raw.endswith(b"\n"):
                break
            counts.line(raw)
            offset += len(raw)
    return offset


def ingest(path: str | os.PathLike) -> tuple[int, int]:
    """Add the cache hits logged in ``path`` since the last run to the traffic
    counts; return ``(views counted, malformed lines skipped)``."""
    path = Path(path)
    stat = path.stat()
    counts = _Counts()
    with transaction.atomic():
        cursor, _created = AccessLogCursor.objects.select_for_update().get_or_create(path=str(path))
        start = cursor.offset
        if cursor.inode and cursor.inode != stat.st_ino:
            rotated = path.with_name(path.name + ".1")
            if rotated.exists() and rotated.stat().st_ino == cursor.inode:
                _read(rotated, cursor.offset, counts)
            start = 0
        elif start > stat.st_size:  # truncated in place (logrotate's copytruncate)
            start = 0
        cursor.offset = _read(path, start, counts)
        cursor.inode = stat.st_ino
        traffic.store(
            [[*key, n] for key, n in sorted(counts.days.items())],
            [[*key, row] for key, row in sorted(counts.minutes.items())],
        )
        cursor.save()
    return counts.views, counts.skipped
