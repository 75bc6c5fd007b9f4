"""Public views of ``/lich-cong-tac/``: the week, the day, search and iCalendar."""

from __future__ import annotations

import datetime
import json

from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.utils.dateparse import parse_date

from eportal.core import clock
from eportal.organisation import ical, queries, weeks
from eportal.organisation.models import Leader
from eportal.portals import access

MAX_QUERY = 200


def _leader(request, portal) -> Leader | None:
    value = request.GET.get("lanh-dao", "")
    if not value.isdigit():
        return None
    return Leader.objects.filter(portal=portal, pk=int(value)).first()


def _monday(request) -> datetime.date:
    monday = weeks.parse_week(request.GET.get("tuan"))
    return monday or weeks.monday_of(clock.today())


def _week_links(monday: datetime.date) -> dict:
    today_monday = weeks.monday_of(clock.today())
    return {
        "monday": monday,
        "sunday": monday + datetime.timedelta(days=6),
        "week_name": weeks.week_name(monday),
        "week_number": weeks.week_number(monday)[1],
        "previous_week": weeks.week_name(weeks.shift(monday, -1)),
        "next_week": weeks.week_name(weeks.shift(monday, 1)),
        "this_week": weeks.week_name(today_monday),
        "coming_week": weeks.week_name(weeks.shift(today_monday, 1)),
        "is_this_week": monday == today_monday,
        "is_next_week": monday == weeks.shift(today_monday, 1),
    }


def week_context(request, index, page=None, monday=None) -> dict:
    """What the week view shows: the week's days (filtered by leader), the
    links to other weeks, the leaders to filter by and any search results."""
    portal = access.portal_of(index)
    monday = monday or _monday(request)
    leader = _leader(request, portal)
    if page is None:
        page = queries.week_page(portal, monday, index=index)
    found = queries.entries(page, leader_id=leader.pk if leader else None) if page else []
    q = request.GET.get("q", "").strip()[:MAX_QUERY]
    return _week_links(monday) | {
        "index": index,
        "schedule": page,
        "days": queries.days(monday, found),
        "has_items": bool(found),
        "leader": leader,
        "leaders": queries.leaders(portal, current=True),
        "q": q,
        "results": queries.search(portal, q) if q else None,
        "json_ld": json_ld(request, index, page, found),
    }


def page_week_context(request, page) -> dict:
    """The week view of one week's page (its own address and its preview)."""
    index = page.get_parent().specific if page.path else None
    if index is None:
        return {}
    return week_context(request, index, page=page, monday=weeks.monday_of(page.week_start))


def week_view(request, index):
    context = index.get_context(request) | week_context(request, index)
    return TemplateResponse(request, index.get_template(request), context)


def day_view(request, index):
    day = parse_date(request.GET.get("ngay", "") or "") or clock.today()
    portal = access.portal_of(index)
    entries = queries.items_on(portal, day)
    context = index.get_context(request) | {
        "day": day,
        "entries": entries,
        "previous_day": day - datetime.timedelta(days=1),
        "next_day": day + datetime.timedelta(days=1),
        "week_name": weeks.week_name(weeks.monday_of(day)),
        "is_today": day == clock.today(),
    }
    return TemplateResponse(request, "organisation/schedule_day.html", context)


def ical_view(request, index, leader_id=None):
    portal = access.portal_of(index)
    leader = None
    if leader_id is not None:
        leader = Leader.objects.filter(portal=portal, pk=leader_id).first()
        if leader is None:
            raise Http404
    body = ical.calendar(portal, index, leader=leader, request=request)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    name = f"lich-cong-tac-{portal.slug}" + (f"-{leader.pk}" if leader else "")
    response["Content-Disposition"] = f'inline; filename="{name}.ics"'
    return response


def json_ld(request, index, page, found) -> str:
    """The week's items as schema.org Events (JSON-LD)."""
    portal = access.portal_of(index)
    url = (page or index).get_full_url(request)
    events = []
    for entry in found:
        start = datetime.datetime.combine(entry.date, entry.start_time)
        event = {
            "@type": "Event",
            "name": entry.content,
            "startDate": start.isoformat(),
            "eventStatus": "https://schema.org/EventCancelled"
            if entry.cancelled
            else (
                "https://schema.org/EventRescheduled"
                if entry.is_changed
                else "https://schema.org/EventScheduled"
            ),
            "organizer": {"@type": "GovernmentOrganization", "name": portal.agency.name},
            "url": url,
        }
        if entry.end_time:
            event["endDate"] = datetime.datetime.combine(entry.date, entry.end_time).isoformat()
        if entry.place:
            event["location"] = {"@type": "Place", "name": entry.place}
        if entry.chair_name:
            event["performer"] = {"@type": "Person", "name": entry.chair_name}
        events.append(event)
    data = {"@context": "https://schema.org", "@type": "ItemList", "itemListElement": events}
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")


# --- Leaders (/lanh-dao/) ------------------------------------------------------


def leader_list(request, index):
    portal = access.portal_of(index)
    today = clock.today()
    context = index.get_context(request) | {
        "current_leaders": queries.leaders(portal, current=True, today=today),
        "past_leaders": queries.leaders(portal, current=False, today=today).order_by(
            "-term_end", "order"
        ),
    }
    return TemplateResponse(request, "organisation/leader_index_page.html", context)


def leader_detail(request, index, leader_id):
    portal = access.portal_of(index)
    leader = Leader.objects.filter(portal=portal, pk=leader_id).select_related("photo").first()
    if leader is None:
        raise Http404
    schedule = queries.index_of(portal)
    data = {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": leader.full_name,
        "jobTitle": leader.position,
        "worksFor": {"@type": "GovernmentOrganization", "name": portal.agency.name},
        "description": leader.biography or None,
        "email": leader.email or None,
        "telephone": leader.phone or None,
    }
    data = {k: v for k, v in data.items() if v is not None}
    context = index.get_context(request) | {
        "leader": leader,
        "is_current": leader.is_current(),
        "schedule": schedule,
        "json_ld": json.dumps(data, ensure_ascii=False).replace("<", "\\u003c"),
    }
    return TemplateResponse(request, "organisation/leader_detail.html", context)
