"""One audit trail (SPEC §11): every staff action in Wagtail's audit log.

Pages log to ``PageLogEntry``, everything else to ``ModelLogEntry``; the
feature apps log their steps through ``wagtail.log_actions.log`` (sign-in and
sign-out in portals/signals.py). This module adds what was missing: a failed
sign-in with an unknown user name, changes of a user's groups (roles), and the
viewer's query over both tables, scoped by ``access`` ("watch.view").
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.signals import user_login_failed
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, F, Q, Value
from django.db.models.signals import m2m_changed
from django.dispatch import receiver
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry, PageLogEntry

from eportal.core import clock
from eportal.core.abuse import client_ip

LOGIN_FAILED = "eportal.login_failed"
GROUPS_CHANGED = "watch.groups_changed"
#: Logged by dossiers.services for every staff step (the name is shared by string).
DOSSIER_STEP = "watch.dossier_step"
RESTORE = "watch.restore"
PRUNED = "watch.pruned"


@receiver(user_login_failed)
def log_unknown_user_login_failure(sender, credentials, request=None, **kwargs):
    """A failed sign-in with a user name nobody has: no user to log it
    against, so it is logged against the user model with the name tried."""
    username = str((credentials or {}).get("username") or "")[:150]
    if not username or get_user_model().objects.filter(username=username).exists():
        return  # a known user's failure is logged by portals/signals.py
    ModelLogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(get_user_model()),
        object_id="0",
        label=username,
        action=LOGIN_FAILED,
        timestamp=timezone.now(),
        data={"ip": client_ip(request), "username": username, "unknown_user": True},
    )


@receiver(m2m_changed, sender=get_user_model().groups.through)
def log_group_change(sender, instance, action, reverse, pk_set, **kwargs):
    """Whoever gains or loses a group (a role on a portal) is logged, from
    either side (user.groups or group.user_set)."""
    if action not in ("post_add", "post_remove", "pre_clear") or (
        not pk_set and action != "pre_clear"
    ):
        return
    User = get_user_model()
    if reverse:  # instance is a Group, pk_set users
        pairs = [(user, [instance]) for user in User.objects.filter(pk__in=pk_set or ())]
    else:
        groups = (
            list(instance.groups.all())
            if action == "pre_clear"
            else list(Group.objects.filter(pk__in=pk_set))
        )
        pairs = [(instance, groups)]
    change = "added" if action == "post_add" else "removed"
    for user, groups in pairs:
        if not groups:
            continue
        log(
            user,
            GROUPS_CHANGED,  # by the active log context's user (the admin request's)
            data={
                "change": change,
                "groups": [g.name for g in groups],
                "portal": _portal_id_of_groups(groups),
            },
        )


def _portal_id_of_groups(groups) -> int | None:
    from eportal.portals.models import Portal

    ids = [g.pk for g in groups]
    portal = Portal.objects.filter(
        Q(contributors_id__in=ids)
        | Q(editors_id__in=ids)
        | Q(approvers_id__in=ids)
        | Q(administrators_id__in=ids)
    ).first()
    return portal.pk if portal else None


# --- The viewer's query ------------------------------------------------------


_COLUMNS = ("id", "timestamp", "action", "label", "user_id", "data", "content_type_id")


def entries(
    user,
    *,
    portal=None,
    start: date | None = None,
    end: date | None = None,
    actor=None,
    action: str = "",
    text: str = "",
):
    """Log entries of both tables, newest first, as dicts with ``source``
    ("page"/"model") and ``page_path``, narrowed to what ``user`` may see
    ("watch.view"), then by the filters. Model entries belong to the portal
    in their ``data["portal"]``; page entries to the portal whose tree holds
    the page. Entries of no portal (e.g. sign-ins) are seen only by those who
    see every portal."""
    from eportal.portals import access
    from eportal.portals.models import Portal

    pages = PageLogEntry.objects.all()
    others = ModelLogEntry.objects.all()
    visible = access.portal_ids(user, "watch.view")
    if visible is not None:
        homes = Portal.objects.filter(pk__in=visible).values_list(
            "site__root_page__path", flat=True
        )
        pages = _under(pages, _home_paths(list(homes)))
        others = others.filter(data__portal__in=sorted(visible)) if visible else others.none()
    if portal is not None:
        homes = Portal.objects.filter(pk=portal.pk).values_list("site__root_page__path", flat=True)
        pages = _under(pages, _home_paths(list(homes)))
        others = others.filter(data__portal=portal.pk)
    tz = timezone.get_current_timezone()
    if start:
        since = timezone.make_aware(datetime.combine(start, time.min), tz)
        pages, others = pages.filter(timestamp__gte=since), others.filter(timestamp__gte=since)
    if end:
        until = timezone.make_aware(datetime.combine(end + timedelta(days=1), time.min), tz)
        pages, others = pages.filter(timestamp__lt=until), others.filter(timestamp__lt=until)
    if actor is not None:
        pages, others = pages.filter(user=actor), others.filter(user=actor)
    if action:
        pages, others = pages.filter(action=action), others.filter(action=action)
    if text:
        words = (
            Q(label__icontains=text) | Q(action__icontains=text) | Q(user__username__icontains=text)
        )
        pages, others = pages.filter(words), others.filter(words)
    pages = pages.order_by().values(
        *_COLUMNS, source=Value("page", CharField()), page_path=F("page__path")
    )
    others = others.order_by().values(
        *_COLUMNS, source=Value("model", CharField()), page_path=Value(None, CharField())
    )
    return pages.union(others, all=True).order_by("-timestamp", "-id")


def _home_paths(root_paths) -> list[str]:
    """The tree paths of every language's home of the portals whose Vietnamese
    homes are at ``root_paths`` (translations are beside them in the tree)."""
    from wagtail.models import Page

    keys = Page.objects.filter(path__in=root_paths).values("translation_key")
    return list(
        Page.objects.filter(depth=2, translation_key__in=keys).values_list("path", flat=True)
    )


def _under(pages, homes):
    condition = Q()
    for path in homes:
        condition |= Q(page__path__startswith=path)
    return pages.filter(condition) if condition else pages.none()


def prune(days: int | None = None) -> int:
    """Delete the log entries older than ``EPORTAL_AUDIT_RETENTION_DAYS`` (idempotent)."""
    days = days if days is not None else settings.EPORTAL_AUDIT_RETENTION_DAYS
    cutoff = clock.now() - timedelta(days=days)
    removed = PageLogEntry.objects.filter(timestamp__lt=cutoff).delete()[0]
    removed += ModelLogEntry.objects.filter(timestamp__lt=cutoff).delete()[0]
    return removed
