"""Work schedule API: the published weeks of a portal's leaders' schedule, one
week with its items, search over items; the portal's leaders at /api/v1/leaders.

A week is named as ISO 8601 names it (``2026-W50``); times are local
(Asia/Ho_Chi_Minh). Without ``portal`` the main portal's schedule is read.
"""

import datetime

from django.db.models import Count
from django.http import Http404
from ninja import Field, Query, Router, Schema
from ninja.responses import Status

from eportal.api.pagination import PageMeta, PageQuery, page_of
from eportal.core import clock
from eportal.organisation import queries, weeks
from eportal.portals.models import Portal

PREFIX = "work-schedules"
router = Router(tags=["Lịch công tác"])
leaders_router = Router(tags=["Lịch công tác"])
EXTRA_ROUTERS = {"leaders": leaders_router}

PortalSlug = Field(
    None, max_length=63, description="nhãn cổng, ví dụ sotttt (mặc định: cổng chính)"
)


class Error(Schema):
    detail: str


class LeaderOut(Schema):
    id: int
    full_name: str
    position: str
    order: int
    current: bool
    term_start: datetime.date | None
    term_end: datetime.date | None
    duties: str
    phone: str
    email: str
    url: str | None
    ical: str | None


class ItemOut(Schema):
    key: str
    date: datetime.date
    start_time: datetime.time
    end_time: datetime.time | None
    content: str
    place: str
    chair_id: int | None
    chair: str
    participants: str
    preparing_unit: str
    cancelled: bool
    change: str | None = Field(None, description="added, changed, cancelled, removed (điều chỉnh)")
    change_label: str | None
    changed_at: datetime.datetime | None


class WeekOut(Schema):
    week: str
    week_start: datetime.date
    week_end: datetime.date
    title: str
    url: str
    last_published_at: datetime.datetime | None
    item_count: int


class WeekDetail(WeekOut):
    note: str
    items: list[ItemOut]


class WeekPage(PageMeta):
    items: list[WeekOut]


class PortalQuery(Schema):
    portal: str | None = PortalSlug


class WeekQuery(PortalQuery):
    leader: int | None = Field(None, description="mã lãnh đạo chủ trì")


class SearchQuery(PortalQuery):
    q: str = Field(..., min_length=1, max_length=200, description="từ khóa, có dấu hoặc không")


class LeaderQuery(PortalQuery):
    current: bool | None = Field(None, description="true: đương nhiệm; false: các nhiệm kỳ trước")


class WeekList(PageQuery):
    portal: str | None = PortalSlug


def _portal(slug: str | None) -> Portal:
    portals = Portal.objects.select_related("site__root_page", "agency")
    portal = portals.filter(slug=slug).first() if slug else portals.filter(is_main=True).first()
    if portal is None:
        raise Http404
    return portal


def _item(entry) -> dict:
    return {
        "key": str(entry.key),
        "date": entry.date,
        "start_time": entry.start_time,
        "end_time": entry.end_time,
        "content": entry.content,
        "place": entry.place,
        "chair_id": entry.chair_id,
        "chair": entry.chair_name,
        "participants": entry.participants,
        "preparing_unit": entry.preparing_unit,
        "cancelled": entry.cancelled,
        "change": entry.change.kind if entry.is_changed else None,
        "change_label": str(entry.change_label) if entry.is_changed else None,
        "changed_at": entry.changed_at,
    }


def _week(page, count=None) -> dict:
    return {
        "week": page.week_name,
        "week_start": page.week_start,
        "week_end": page.week_end,
        "title": page.title,
        "url": page.full_url or "",
        "last_published_at": page.last_published_at,
        "item_count": getattr(page, "item_total", 0) if count is None else count,
    }


@router.get("", response={200: WeekPage, 404: Error}, summary="Các tuần đã đăng lịch công tác")
def list_weeks(request, filters: Query[WeekList]):
    portal = _portal(filters.portal)
    pages = queries.published_weeks(portal).annotate(item_total=Count("items"))
    return page_of(pages, filters, _week)


@router.get("/search", response={200: list[ItemOut], 404: Error}, summary="Tìm trong lịch công tác")
def search_items(request, filters: Query[SearchQuery]):
    return [_item(e) for e in queries.search(_portal(filters.portal), filters.q)]


@router.get(
    "/{week}",
    response={200: WeekDetail, 404: Error},
    summary="Lịch công tác một tuần (2026-W50, hoặc current, next)",
)
def week_detail(request, week: str, filters: Query[WeekQuery]):
    portal = _portal(filters.portal)
    this_monday = weeks.monday_of(clock.today())
    named = {"current": this_monday, "next": weeks.shift(this_monday, 1)}
    monday = named.get(week) or weeks.parse_week(week)
    page = queries.week_page(portal, monday) if monday else None
    if page is None:
        return Status(404, {"detail": "Tuần này chưa có lịch công tác được đăng."})
    entries = queries.entries(page, leader_id=filters.leader)
    return _week(page, len(entries)) | {"note": page.note, "items": [_item(e) for e in entries]}


@leaders_router.get("", response={200: list[LeaderOut], 404: Error}, summary="Lãnh đạo của cổng")
def list_leaders(request, filters: Query[LeaderQuery]):
    portal = _portal(filters.portal)
    index = queries.index_of(portal)
    people = queries.leader_page(portal)
    today = clock.today()
    rows = []
    for leader in queries.leaders(portal, current=filters.current, today=today):
        ical = None
        if index is not None:
            ical = index.get_full_url(request) + index.reverse_subpage(
                "leader_ical", args=[leader.pk]
            )
        rows.append(
            {
                "id": leader.pk,
                "full_name": leader.full_name,
                "position": leader.position,
                "order": leader.order,
                "current": leader.is_current(today),
                "term_start": leader.term_start,
                "term_end": leader.term_end,
                "duties": leader.duties,
                "phone": leader.phone,
                "email": leader.email,
                "url": people.get_full_url(request)
                + people.reverse_subpage("leader", args=[leader.pk])
                if people
                else None,
                "ical": ical,
            }
        )
    return rows
