"""Read helpers: which consultations a portal lists, and who may moderate them."""

from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from eportal.consultations.models import ConsultationPage, Status, comment_counts, status_q
from eportal.portals.models import Portal

HOME_PATH_LENGTH = 2 * Page.steplen  # root (depth 1) + a portal's home (depth 2)


@dataclass
class Item:
    page: ConsultationPage
    portal: Portal | None
    status: str
    comment_count: int

    @property
    def status_label(self):
        return Status(self.status).label


def portals_by_home_path() -> dict[str, Portal]:
    return {
        p.site.root_page.path: p for p in Portal.objects.select_related("site__root_page", "agency")
    }


def portal_of(page) -> Portal | None:
    """Return the portal whose tree holds ``page``."""
    return (
        Portal.objects.select_related("site__root_page", "agency")
        .filter(site__root_page__path=page.path[:HOME_PATH_LENGTH])
        .first()
    )


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
    now = now or timezone.now()
    pages = list(pages)
    counts = comment_counts(pages)
    portals = portals_by_home_path()
    return [
        Item(
            page=page,
            portal=portals.get(page.path[:HOME_PATH_LENGTH]),
            status=page.status(now),
            comment_count=counts.get(page.pk, 0),
        )
        for page in pages
    ]


def listing(portal) -> list[dict]:
    """The groups of ``/gop-y/``: open, upcoming, then closed (concluded included)."""
    now = timezone.now()
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


def moderating_portals(user):
    """Portals whose consultations ``user`` moderates: editors and approvers of the board."""
    portals = Portal.objects.select_related("site__root_page", "agency")
    if user.is_superuser:
        return portals
    group_ids = list(user.groups.values_list("pk", flat=True))
    return portals.filter(Q(editors__in=group_ids) | Q(approvers__in=group_ids)).distinct()


def concluding_portals(user):
    """Portals whose consultations ``user`` may close and conclude: the approvers."""
    portals = Portal.objects.select_related("site__root_page", "agency")
    if user.is_superuser:
        return portals
    return portals.filter(approvers__in=user.groups.all()).distinct()


def moderated_consultations(user):
    """Consultation pages (live or not) in the trees of the portals ``user`` moderates."""
    homes = [p.site.root_page for p in moderating_portals(user)]
    if not homes:
        return ConsultationPage.objects.none()
    condition = Q()
    for home in homes:
        condition |= Q(path__startswith=home.path)
    return ConsultationPage.objects.filter(condition).select_related("drafting_agency", "outcome")


def can_moderate(user, page) -> bool:
    portal = portal_of(page)
    return portal is not None and moderating_portals(user).filter(pk=portal.pk).exists()


def can_conclude(user, page) -> bool:
    portal = portal_of(page)
    return portal is not None and concluding_portals(user).filter(pk=portal.pk).exists()
