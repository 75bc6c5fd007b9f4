"""One audit trail (SPEC §11): every staff action in Wagtail's audit log.

Pages log to ``PageLogEntry``, everything else to ``ModelLogEntry``; the
feature apps log their steps through ``wagtail.log_actions.log``. This module
logs what no feature app does: sign-in, sign-out and failed sign-in (with the
portal they belong to, so that the viewer's portal filter finds them),
changes of a user's groups (roles), and it holds the viewer's query over both
tables, scoped by ``access`` ("watch.view").
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, F, Q, Value
from django.db.models.signals import m2m_changed
from django.dispatch import receiver
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry, PageLogEntry

from eportal.core import clock
from eportal.core.abuse import client_ip
from eportal.portals import access

LOGIN_FAILED = "eportal.login_failed"
GROUPS_CHANGED = "watch.groups_changed"
#: Logged by dossiers.services for every staff step (the name is shared by string).
DOSSIER_STEP = "watch.dossier_step"
RESTORE = "watch.restore"
PRUNED = "watch.pruned"


LOGIN = "eportal.login"
LOGOUT = "eportal.logout"


def _real_user(user):
    # request.user is a lazy proxy under django-otp's middleware, which
    # Wagtail's log drops silently: log against the real row.
    return get_user_model()._default_manager.get(pk=user.pk)


@receiver(user_logged_in)
def log_login(sender, request, user, **kwargs):
    # Staff sign-ins belong in the audit log next to what they did (SPEC §11).
    log(
        user,
        LOGIN,
        user=user,
        data={"ip": client_ip(request), **access.event_portal(request, user)},
    )


@receiver(user_logged_out)
def log_logout(sender, request, user, **kwargs):
    if user is not None:
        user = _real_user(user)
        data = {"ip": client_ip(request), **access.event_portal(request, user)}
        log(user, LOGOUT, user=user, data=data)


@receiver(user_login_failed)
def log_login_failure(sender, credentials, request=None, **kwargs):
    """A failed sign-in: against the user whose name was tried, or, for a
    name nobody has, against the user model with the name tried."""
    username = str((credentials or {}).get("username") or "")[:150]
    if not username:
        return
    user = get_user_model()._default_manager.filter(username=username).first()
    data = {"ip": client_ip(request), **access.event_portal(request, user)}
    if user is not None:
        log(user, LOGIN_FAILED, user=None, data=data)
        return
    ModelLogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(get_user_model()),
        object_id="0",
        label=username,
        action=LOGIN_FAILED,
        timestamp=timezone.now(),
        data={**data, "username": username, "unknown_user": True},
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
                "portal": next(iter(access.portal_ids_of_groups([g.pk for g in groups])), None),
            },
        )


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
    the page. Entries of no portal (e.g. a failed sign-in with a name nobody
    has, outside any portal's host) are seen only by those who see every
    portal."""
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
