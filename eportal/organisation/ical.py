"""The iCalendar feed (RFC 5545) of a portal's work schedule, built with the
``icalendar`` library: one VEVENT per item of the published weeks, with a UID
that stays the same across revisions (the item's key), times in
Asia/Ho_Chi_Minh with its VTIMEZONE, and cancelled items as STATUS:CANCELLED
so that a subscribed calendar removes them."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from eportal.core import clock
from eportal.organisation import queries, weeks

# Weeks before this one still in the feed; every published week after it is.
WEEKS_BACK = 8


def calendar(portal, index, *, leader=None, request=None) -> bytes:
    """The schedule of ``portal`` (of one ``leader`` when given) as an .ics file."""
    zone = ZoneInfo(settings.TIME_ZONE)
    cal = Calendar()
    cal.add("prodid", "-//eportal//Lich cong tac//VI")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    name = _("Lịch công tác – %(agency)s") % {"agency": portal.agency.name}
    if leader is not None:
        name = _("Lịch công tác – %(leader)s") % {
            "leader": f"{leader.full_name}, {leader.position}"
        }
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    since = weeks.shift(weeks.monday_of(clock.today()), -WEEKS_BACK)
    host = portal.site.hostname if portal.site_id else "eportal"
    pages = queries.published_weeks(portal, index).filter(week_start__gte=since)
    for page in pages.order_by("week_start"):
        url = page.get_full_url(request)
        for entry in queries.entries(page, leader_id=leader.pk if leader else None):
            cal.add_component(_event(entry, zone, host, url, page))
    cal.add_missing_timezones()
    return cal.to_ical()


def _event(entry, zone, host, url, page) -> Event:
    event = Event()
    event.add("uid", f"{entry.key}@{host}")
    start = datetime.datetime.combine(entry.date, entry.start_time, tzinfo=zone)
    event.add("dtstart", start)
    if entry.end_time:
        event.add("dtend", datetime.datetime.combine(entry.date, entry.end_time, tzinfo=zone))
    event.add("summary", entry.content)
    if entry.place:
        event.add("location", entry.place)
    lines = []
    if entry.chair_name:
        lines.append(_("Chủ trì: %(s)s") % {"s": f"{entry.chair_name}, {entry.chair_position}"})
    if entry.participants:
        lines.append(_("Thành phần: %(s)s") % {"s": entry.participants})
    if entry.preparing_unit:
        lines.append(_("Chuẩn bị: %(s)s") % {"s": entry.preparing_unit})
    if entry.is_changed:
        lines.append(
            _("%(kind)s lúc %(at)s")
            % {
                "kind": entry.change_label,
                "at": f"{entry.changed_at.astimezone(zone):%H:%M %d/%m/%Y}",
            }
        )
    if lines:
        event.add("description", "\n".join(lines))
    event.add("url", url)
    event.add("status", "CANCELLED" if entry.cancelled else "CONFIRMED")
    modified = entry.changed_at or (entry.change.first_published_at if entry.change else None)
    modified = modified or page.last_published_at or clock.now()
    event.add("dtstamp", modified)
    event.add("last-modified", modified)
    # A calendar that has the event takes a later SEQUENCE as the newer version.
    event.add("sequence", int(entry.changed_at.timestamp()) if entry.is_changed else 0)
    return event
