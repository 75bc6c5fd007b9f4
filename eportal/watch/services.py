"""Writes of the watch."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import F

from eportal.core import clock, mail
from eportal.watch.models import WatchAlert


def department_addresses() -> list[str]:
    """Who is mailed an alert: ``EPORTAL_DEPARTMENT_EMAILS`` if set, else the
    super-administrators and the main portal's technical administrators."""
    configured = getattr(settings, "EPORTAL_DEPARTMENT_EMAILS", None)
    if configured:
        return sorted(set(configured))
    from eportal.portals import access
    from eportal.portals.models import Portal, Role

    emails = set(
        get_user_model()
        .objects.filter(is_active=True, is_superuser=True)
        .values_list("email", flat=True)
    )
    main = Portal.objects.filter(is_main=True).first()
    if main is not None:
        emails |= set(access.users_with(main, Role.ADMINISTRATOR).values_list("email", flat=True))
    return sorted(e for e in emails if e)


def raise_alert(
    kind: str,
    key: str,
    title: str,
    *,
    detail: str = "",
    portal=None,
    link: str = "",
) -> tuple[WatchAlert, bool]:
    """Record a finding for the Department and mail it once; return
    ``(alert, created)``. While an alert with the same ``key`` is open, a new
    sighting only updates it (no second mail)."""
    with transaction.atomic():
        open_alert = WatchAlert.objects.select_for_update().filter(
            key=key, resolved_at__isnull=True
        )
        alert = open_alert.first()
        if alert is not None:
            open_alert.update(
                times_seen=F("times_seen") + 1,
                last_seen_at=clock.now(),
                detail=detail or alert.detail,
            )
            alert.refresh_from_db()
            return alert, False
        try:
            with transaction.atomic():
                alert = WatchAlert.objects.create(
                    kind=kind,
                    key=key[:255],
                    title=title[:255],
                    detail=detail,
                    portal=portal,
                    link=link[:500],
                )
        except IntegrityError:  # raised by a concurrent run a moment ago
            return WatchAlert.objects.get(key=key, resolved_at__isnull=True), False
        mail.send(
            department_addresses(),
            template="watch/mail/alert.txt",
            context={"alert": alert, "site_url": getattr(settings, "WAGTAILADMIN_BASE_URL", "")},
        )
    return alert, True


def resolve_alert(alert: WatchAlert, *, by, resolution: str = "") -> WatchAlert:
    """Close an alert (the Department has looked at it)."""
    if alert.resolved_at is None:
        alert.resolved_at = clock.now()
        alert.resolved_by = by
        alert.resolution = resolution
        alert.save(update_fields=["resolved_at", "resolved_by", "resolution"])
    return alert
