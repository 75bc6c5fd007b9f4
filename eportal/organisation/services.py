"""Writes of the organisation app: index pages, leaders, the change record of
published schedules and the reminder to publish next week's schedule."""

from __future__ import annotations

import datetime
import hashlib
import json
import logging

from django.conf import settings
from django.contrib.auth.models import Permission
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from eportal.core import clock
from eportal.core.pages import ensure_child_page
from eportal.organisation import weeks
from eportal.organisation.models import (
    Leader,
    LeaderIndexPage,
    ScheduleChange,
    ScheduleItem,
    WorkScheduleIndexPage,
    WorkSchedulePage,
)
from eportal.portals import access
from eportal.workdays.rules import RuleCode

logger = logging.getLogger(__name__)

INDEX_SLUG = "lich-cong-tac"
LEADERS_SLUG = "lanh-dao"
REMINDER_RULE = RuleCode.WORK_SCHEDULE


# --- Index pages and permissions --------------------------------------------


def ensure_index_page(portal, by=None) -> tuple[WorkScheduleIndexPage, bool]:
    """Give a portal its live ``/lich-cong-tac/`` page if it has none; return (page, created)."""
    return ensure_child_page(
        portal.home_page,
        WorkScheduleIndexPage,
        slug=INDEX_SLUG,
        by=by,
        title=_("Lịch công tác"),
        intro=_("<p>Lịch công tác hằng tuần của lãnh đạo %(agency)s.</p>")
        % {"agency": portal.agency.name},
    )


def ensure_leader_page(portal, by=None) -> tuple[LeaderIndexPage, bool]:
    """Give a portal its live ``/lanh-dao/`` page if it has none; return (page, created)."""
    return ensure_child_page(
        portal.home_page,
        LeaderIndexPage,
        slug=LEADERS_SLUG,
        by=by,
        title=_("Lãnh đạo"),
        intro=_("<p>Lãnh đạo %(agency)s qua các nhiệm kỳ.</p>") % {"agency": portal.agency.name},
    )


def grant_board_permissions(portal) -> None:
    """The portal's editors and approvers keep its list of leaders."""
    perms = Permission.objects.filter(
        content_type__app_label="organisation",
        codename__in=["add_leader", "change_leader", "delete_leader", "view_leader"],
    )
    portal.editors.permissions.add(*perms)
    portal.approvers.permissions.add(*perms)


def on_portal_created(sender, portal, by=None, **kwargs):
    ensure_index_page(portal, by=by)
    ensure_leader_page(portal, by=by)
    grant_board_permissions(portal)


# --- Leaders -------------------------------------------------------------------


def add_leader(portal, *, full_name, position, by=None, **fields) -> Leader:
    """Add a leader to a portal (the demo's and an import's door; the admin uses its form)."""
    if by is not None:
        access.require(by, "organisation.leaders", portal)
    leader = Leader(portal=portal, full_name=full_name, position=position, **fields)
    leader.full_clean()
    leader.save()
    log(instance=leader, action="wagtail.create", user=by)
    return leader


def register_search() -> None:
    """Leaders are found by the site search: name, position, duties, biography."""
    from eportal.search import registry

    registry.register(
        Leader,
        kind="page",
        queryset_fn=lambda: Leader.objects.select_related("portal"),
        portal_fn=lambda leader: leader.portal,
        url_fn=lambda leader: f"/{LEADERS_SLUG}/{leader.pk}/",
        date_fn=lambda leader: leader.term_start,
        title_fn=lambda leader: f"{leader.full_name} – {leader.position}",
        text_fn=lambda leader: f"{leader.duties} {leader.biography}",
    )


# --- Weeks ---------------------------------------------------------------------


def week_title(monday: datetime.date) -> str:
    year, number = weeks.week_number(monday)
    sunday = monday + datetime.timedelta(days=6)
    return _("Lịch công tác tuần %(n)s/%(y)s (%(from)s – %(to)s)") % {
        "n": number,
        "y": year,
        "from": f"{monday:%d/%m}",
        "to": f"{sunday:%d/%m/%Y}",
    }


def week_slug(monday: datetime.date) -> str:
    year, number = weeks.week_number(monday)
    return f"tuan-{number:02d}-{year}"


def new_week(index: WorkScheduleIndexPage, monday: datetime.date, items=(), *, note="", by=None):
    """Add the (draft) page of a week under ``index`` with ``items`` (dicts of
    ScheduleItem fields); return it. It is published through the workflow."""
    monday = weeks.monday_of(monday)
    page = WorkSchedulePage(
        title=week_title(monday), slug=week_slug(monday), week_start=monday, note=note, live=False
    )
    page.items = [ScheduleItem(**item) for item in items]
    index.add_child(instance=page)
    page.save_revision(user=by, log_action=True)
    return page


# --- Changes after publication (điều chỉnh) -----------------------------------------


def _fingerprint(item: ScheduleItem) -> str:
    data = json.dumps(item.fingerprint_data(), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(data.encode()).hexdigest()


def _snapshot(item: ScheduleItem) -> dict:
    return item.fingerprint_data() | {
        "chair": item.chair.full_name if item.chair_id and item.chair else "",
        "chair_position": item.chair.position if item.chair_id and item.chair else "",
    }


@transaction.atomic
def record_publication(page: WorkSchedulePage, at: datetime.datetime | None = None) -> list:
    """Compare the week as just published with what the public saw before and
    record each item added, changed, cancelled or removed since the first
    publication, with the time of the publication that made the change.

    The first publication records the items as published (no change). An
    unchanged item keeps the change it had. Return the changes made now."""
    at = at or page.last_published_at or clock.now()
    first = page.first_published_at is None or page.first_published_at == page.last_published_at
    known = {change.item_key: change for change in ScheduleChange.objects.filter(schedule=page)}
    if known:
        first = False
    changed = []
    seen = set()
    for item in page.items.select_related("chair"):
        seen.add(item.key)
        fingerprint = _fingerprint(item)
        record = known.get(item.key)
        if record is None:
            record = ScheduleChange(
                schedule=page,
                item_key=item.key,
                fingerprint=fingerprint,
                first_published_at=at,
                snapshot=_snapshot(item),
            )
            if not first:
                record.kind = ScheduleChange.Kind.ADDED
                record.changed_at = at
                changed.append(record)
            record.save()
            continue
        if record.fingerprint == fingerprint and record.kind != ScheduleChange.Kind.REMOVED:
            continue
        if item.cancelled:
            record.kind = ScheduleChange.Kind.CANCELLED
        elif record.kind != ScheduleChange.Kind.ADDED:
            record.kind = ScheduleChange.Kind.CHANGED
        record.fingerprint = fingerprint
        record.changed_at = at
        record.snapshot = _snapshot(item)
        record.save()
        changed.append(record)
    for key, record in known.items():
        if key not in seen and record.kind != ScheduleChange.Kind.REMOVED:
            record.kind = ScheduleChange.Kind.REMOVED
            record.changed_at = at
            record.save(update_fields=["kind", "changed_at"])
            changed.append(record)
    return changed


def on_schedule_published(sender, instance, revision=None, **kwargs):
    page = instance.specific if not isinstance(instance, WorkSchedulePage) else instance
    record_publication(page)
    _complete_reminder(page)


# --- Reminder: next week's schedule (Art. 12 style) ---------------------------------


def _complete_reminder(page: WorkSchedulePage) -> None:
    from eportal.workdays.models import Deadline
    from eportal.workdays.services import complete_deadline

    try:
        complete_deadline(page, REMINDER_RULE, clock.today())
    except Deadline.DoesNotExist:
        pass


def remind(today: datetime.date | None = None, by=None) -> list:
    """From the configured weekday on, give each portal whose schedule for next
    week is not published a deadline item (due the next working day) on the
    week's page, made as a draft when the board has not started it. Idempotent:
    run it every hour; the hourly ``deadlines remind`` mails the board."""
    from eportal.workdays.services import get_deadline, open_deadline

    today = today or clock.today()
    if today.weekday() < settings.EPORTAL_SCHEDULE_REMINDER_WEEKDAY:
        return []
    next_monday = weeks.shift(weeks.monday_of(today), 1)
    opened = []
    for index in WorkScheduleIndexPage.objects.live():
        portal = access.portal_of(index)
        if portal is None:
            continue
        page = WorkSchedulePage.objects.child_of(index).filter(week_start=next_monday).first()
        if page is not None and page.live:
            continue
        with transaction.atomic():
            if page is None:
                page = new_week(index, next_monday, by=by)
            elif get_deadline(page, REMINDER_RULE) is not None:
                continue
            deadline = open_deadline(page, REMINDER_RULE, today, portal=portal)
        if deadline is not None:
            opened.append(deadline)
    return opened
