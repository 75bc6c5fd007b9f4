"""Read helpers: which consultations a portal lists, and who may moderate them."""

from dataclasses import dataclass

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


def moderated_consultations(user):
    """Consultation pages (live or not) in the trees of the portals ``user`` moderates."""
    pages = ConsultationPage.objects.select_related("drafting_agency", "outcome")
    return access.scope_pages(pages, user, "consultations.moderate")


def can_moderate(user, page) -> bool:
    return access.may(user, "consultations.moderate", page)


def can_conclude(user, page) -> bool:
    return access.may(user, "consultations.conclude", page)
