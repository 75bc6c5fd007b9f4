"""Read helpers: leaders, the weeks of a portal's work schedule and their items.

The home page's day view reads ``items_on(portal, day)`` (or ``this_week``):
the items of the portal's published schedule on that day, changes marked.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass, field

from eportal.core import clock
from eportal.organisation import weeks
from eportal.organisation.models import (
    Leader,
    LeaderIndexPage,
    ScheduleChange,
    WorkScheduleIndexPage,
    WorkSchedulePage,
)
from eportal.vntext.fold import fold


@dataclass
class Entry:
    """One line of a published schedule: an item, or an item since removed."""

    key: uuid.UUID
    date: datetime.date
    start_time: datetime.time
    end_time: datetime.time | None
    content: str
    place: str = ""
    chair_id: int | None = None
    chair_name: str = ""
    chair_position: str = ""
    participants: str = ""
    preparing_unit: str = ""
    cancelled: bool = False
    order: int = 0
    change: ScheduleChange | None = None
    page: WorkSchedulePage | None = field(default=None, repr=False)

    @property
    def is_changed(self) -> bool:
        return self.change is not None and self.change.is_change

    @property
    def change_label(self) -> str:
        return self.change.get_kind_display() if self.is_changed else ""

    @property
    def changed_at(self) -> datetime.datetime | None:
        return self.change.changed_at if self.is_changed else None

    @property
    def starts_at(self) -> datetime.datetime:
        return datetime.datetime.combine(self.date, self.start_time)

    def text(self) -> str:
        return " ".join(
            t
            for t in (
                self.content,
                self.place,
                self.chair_name,
                self.participants,
                self.preparing_unit,
            )
            if t
        )


@dataclass
class Day:
    date: datetime.date
    entries: list[Entry]

    @property
    def is_today(self) -> bool:
        return self.date == clock.today()


# --- Leaders ---------------------------------------------------------------------


def leaders(portal, *, current: bool | None = None, today=None):
    """The leaders of ``portal`` in their order; only those in office (or only past ones)."""
    today = today or clock.today()
    rows = Leader.objects.filter(portal=portal).select_related("photo")
    if current is True:
        rows = rows.exclude(term_end__lt=today)
    elif current is False:
        rows = rows.filter(term_end__lt=today)
    return rows.order_by("order", "full_name", "pk")


def leader_page(portal):
    """The live ``/lanh-dao/`` page of ``portal``, or None."""
    if portal is None:
        return None
    return LeaderIndexPage.objects.live().child_of(portal.site.root_page).first()


def leader_url(leader, request=None) -> str:
    """The address of a leader's page on their portal ("" when it has no /lanh-dao/)."""
    index = leader_page(leader.portal)
    if index is None:
        return ""
    return index.get_url(request) + index.reverse_subpage("leader", args=[leader.pk])


# --- Weeks -------------------------------------------------------------------------


def index_of(portal) -> WorkScheduleIndexPage | None:
    """The live ``/lich-cong-tac/`` page of ``portal``, or None."""
    if portal is None:
        return None
    return WorkScheduleIndexPage.objects.live().child_of(portal.site.root_page).first()


def published_weeks(portal=None, index=None):
    """The live weeks of a portal's schedule, newest week first (with their
    items and change records: reading ``entries`` of each costs no query)."""
    index = index or index_of(portal)
    if index is None:
        return WorkSchedulePage.objects.none()
    return (
        WorkSchedulePage.objects.live()
        .public()
        .child_of(index)
        .prefetch_related("items__chair", "changes")
        .order_by("-week_start")
    )


def week_page(portal, monday: datetime.date, index=None) -> WorkSchedulePage | None:
    """The published schedule of the week starting on ``monday``, or None."""
    return published_weeks(portal, index).filter(week_start=weeks.monday_of(monday)).first()


def entries(page: WorkSchedulePage, *, leader_id: int | None = None) -> list[Entry]:
    """The lines of a week in time order: its items with their change marks,
    and the items removed since publication (marked cancelled)."""
    prefetched = getattr(page, "_prefetched_objects_cache", {})
    changes = {}
    if page.pk:
        changes = {c.item_key: c for c in page.changes.all()}
    items = page.items.all()
    if page.pk and "items" not in prefetched and hasattr(items, "select_related"):
        items = items.select_related("chair")
    found = []
    for item in items:
        chair = item.chair if item.chair_id else None
        found.append(
            Entry(
                key=item.key,
                date=item.date,
                start_time=item.start_time,
                end_time=item.end_time,
                content=item.content,
                place=item.place,
                chair_id=item.chair_id,
                chair_name=chair.full_name if chair else "",
                chair_position=chair.position if chair else "",
                participants=item.participants,
                preparing_unit=item.preparing_unit,
                cancelled=item.cancelled,
                order=item.sort_order or 0,
                change=changes.pop(item.key, None),
                page=page,
            )
        )
    for change in changes.values():
        if change.kind != ScheduleChange.Kind.REMOVED:
            continue
        shot = change.snapshot
        found.append(
            Entry(
                key=change.item_key,
                date=datetime.date.fromisoformat(shot["date"]),
                start_time=datetime.time.fromisoformat(shot["start_time"]),
                end_time=datetime.time.fromisoformat(shot["end_time"])
                if shot.get("end_time")
                else None,
                content=shot.get("content", ""),
                place=shot.get("place", ""),
                chair_name=shot.get("chair", ""),
                chair_position=shot.get("chair_position", ""),
                participants=shot.get("participants", ""),
                preparing_unit=shot.get("preparing_unit", ""),
                cancelled=True,
                change=change,
                page=page,
            )
        )
    if leader_id is not None:
        found = [e for e in found if e.chair_id == leader_id]
    found.sort(key=lambda e: (e.date, e.start_time, e.order))
    return found


def days(monday: datetime.date, found: list[Entry]) -> list[Day]:
    """The seven days of a week, each with its lines (a day may have none)."""
    by_day: dict[datetime.date, list[Entry]] = {}
    for entry in found:
        by_day.setdefault(entry.date, []).append(entry)
    return [Day(day, by_day.get(day, [])) for day in weeks.week_days(monday)]


def items_on(portal, day: datetime.date | None = None) -> list[Entry]:
    """The lines of ``portal``'s published schedule on ``day`` (today by default):
    the home page's day view."""
    day = day or clock.today()
    page = week_page(portal, weeks.monday_of(day))
    if page is None:
        return []
    return [e for e in entries(page) if e.date == day]


def this_week(portal, today: datetime.date | None = None) -> tuple[WorkSchedulePage | None, list]:
    """The published week of ``today`` and its seven days ([] when unpublished)."""
    monday = weeks.monday_of(today or clock.today())
    page = week_page(portal, monday)
    return page, (days(monday, entries(page)) if page else [])


def search(portal, text: str, *, limit: int = 100) -> list[Entry]:
    """The lines of ``portal``'s published weeks holding every word of ``text``,
    accents or not: the project's search finds the weeks, the folded words
    pick their lines; newest first."""
    from eportal.search import scoped
    from eportal.search.models import Kind

    words = fold(text).split()
    if not words:
        return []
    pages = published_weeks(portal)
    matches = scoped.search(text, kind=Kind.PAGE)
    if matches.is_empty:
        return []
    # The words every line must hold: those that say what is looked for
    # (a correction's, when the typed words were misspelt).
    query_words = list(matches.query.core or matches.query.folded) or words
    found = []
    for page in matches.restrict(pages).order_by("-week_start")[:50]:
        for entry in entries(page):
            haystack = f" {fold(entry.text())} "
            if all(f" {w}" in haystack for w in query_words):
                found.append(entry)
    found.sort(key=lambda e: (e.date, e.start_time), reverse=True)
    return found[:limit]
