"""Read helpers: which consultations a portal lists, and who may moderate them."""

import datetime
from dataclasses import dataclass

from django.db.models import F
from django.db.models.functions import Coalesce, Least
from django.utils.translation import gettext_lazy as _

from eportal.consultations.models import ConsultationPage, Status, comment_counts, status_q
from eportal.core import clock
from eportal.portals import access
from eportal.portals.models import Portal


@dataclass
class Item:
    page: ConsultationPage
    portal: Portal | None
    status: str
    comment_count: int

    @property
    def status_label(self):
        return Status(self.status).label


def consultations(portal=None, *, status: str | None = None, now=None):
    """Live consultations of a portal (of every portal on the main one or when None)."""
    pages = ConsultationPage.objects.live().public().select_related("drafting_agency", "outcome")
    if portal is not None and not portal.is_main:
        pages = pages.descendant_of(portal.site.root_page)
    if status:
        pages = pages.filter(status_q(status, now))
    return pages.order_by("-opens_at", "-pk")


def items(pages, now=None) -> list[Item]:
    """Label pages with their portal, status and approved comment count (no N+1)."""
    now = now or clock.now()
    pages = list(pages)
    counts = comment_counts(pages)
    portals = access.portals_by_home_path()
    return [
        Item(
            page=page,
            portal=portals.get(access.home_path(page.path)),
            status=page.status(now),
            comment_count=counts.get(page.pk, 0),
        )
        for page in pages
    ]


def listing(portal) -> list[dict]:
    """The groups of ``/gop-y/``: open, upcoming, then closed (concluded included)."""
    now = clock.now()
    groups = {
        Status.OPEN: [],
        Status.UPCOMING: [],
        Status.CLOSED: [],
    }
    for item in items(consultations(portal, now=now), now):
        key = Status.CLOSED if item.status == Status.CONCLUDED else item.status
        groups[key].append(item)
    titles = {
        Status.OPEN: _("Đang lấy ý kiến"),
        Status.UPCOMING: _("Sắp lấy ý kiến"),
        Status.CLOSED: _("Đã kết thúc lấy ý kiến"),
    }
    return [{"key": k, "title": titles[k], "items": v} for k, v in groups.items()]


@dataclass
class Event:
    """Something that happened to a live consultation: opened, closed or concluded."""

    page: ConsultationPage
    kind: str  # "opened", "closed", "concluded"
    at: datetime.datetime


def events(portal=None, *, now=None, limit: int = 30) -> list[Event]:
    """The latest ``limit`` events of the consultations ``portal`` lists, newest
    first: each opening, closing (early or at term) and published synthesis that
    has happened by ``now`` (three queries, whatever the number of pages)."""
    now = now or clock.now()
    pages = consultations(portal)
    opened = pages.filter(opens_at__lte=now).order_by("-opens_at", "-pk")[:limit]
    closed = (
        pages.annotate(closed_on=Least("closes_at", Coalesce("outcome__closed_at", "closes_at")))
        .filter(opens_at__lte=now, closed_on__lte=now)
        .order_by("-closed_on", "-pk")[:limit]
    )
    concluded = pages.filter(outcome__concluded_at__lte=now).order_by(
        F("outcome__concluded_at").desc(), "-pk"
    )[:limit]
    found = (
        [Event(page, "opened", page.opens_at) for page in opened]
        + [Event(page, "closed", page.closed_on) for page in closed]
        + [Event(page, "concluded", page.outcome.concluded_at) for page in concluded]
    )
    found.sort(key=lambda event: (event.at, event.page.pk), reverse=True)
    return found[:limit]


def moderated_consultations(user):
    """Consultation pages (live or not) in the trees of the portals ``user`` moderates."""
    pages = ConsultationPage.objects.select_related("drafting_agency", "outcome")
    return access.scope_pages(pages, user, "consultations.moderate")


def can_moderate(user, page) -> bool:
    return access.may(user, "consultations.moderate", page)


def can_conclude(user, page) -> bool:
    return access.may(user, "consultations.conclude", page)
