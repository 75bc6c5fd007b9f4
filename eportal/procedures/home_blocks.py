"""Shortcuts to the most used online services on a portal's home (see
eportal/portals/home.py)."""

from datetime import timedelta

from django.db.models import Q, Sum
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from eportal.core import clock
from eportal.portals import home
from eportal.procedures import queries
from eportal.procedures.models import ProcedureIndexPage

NATIONAL_PORTAL_URL = "https://dichvucong.gov.vn/"
# How far back page views count towards "most used".
RECENT = timedelta(days=365)


class PopularServicesBlock(home.HomeBlock):
    """The procedures citizens look at most (monthly page views of the past
    year); the board's own choice completes the list, and stands alone until
    there are views. Then a link to the national public-service portal."""

    procedures = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="procedures.ProcedurePage", label=_("Thủ tục")),
        label=_("Thủ tục được chọn"),
        required=False,
        default=[],
        help_text=_(
            "Hiện sau các thủ tục được xem nhiều nhất; khi chưa có số liệu lượt xem thì hiện các thủ tục này."
        ),
    )
    count = blocks.IntegerBlock(label=_("Số thủ tục"), default=6, min_value=1, max_value=12)
    national_portal_title = blocks.CharBlock(
        label=_("Tên Cổng Dịch vụ công quốc gia"),
        default="Cổng Dịch vụ công quốc gia",
        required=False,
    )
    national_portal_url = blocks.URLBlock(
        label=_("Địa chỉ Cổng Dịch vụ công quốc gia"),
        default=NATIONAL_PORTAL_URL,
        required=False,
        help_text=_("Để trống để không hiện liên kết."),
    )

    class Meta:
        label = _("Dịch vụ công dùng nhiều")
        icon = "form"
        template = "procedures/home/popular_services.html"
        default_heading = _("Dịch vụ công trực tuyến dùng nhiều")
        default_count = 6

    def _index(self, portal):
        return home.section_of(ProcedureIndexPage, portal)

    def candidates(self, value, request, portal, limit):
        if portal is None:
            return []
        index = self._index(portal)
        if index is None:
            return []
        scope = queries.catalogue_scope(index, portal)
        since = clock.today().replace(day=1) - RECENT
        viewed = list(
            scope.annotate(recent=Sum("views__count", filter=Q(views__month__gte=since)))
            .filter(recent__gt=0)
            .order_by("-recent", "title")[:limit]
        )
        chosen = [page.pk for page in value.get("procedures") or [] if page is not None]
        if chosen and len(viewed) < limit:
            found = {page.pk: page for page in scope.filter(pk__in=chosen)}
            seen = {page.pk for page in viewed}
            viewed += [found[pk] for pk in chosen if pk in found and pk not in seen]
        return viewed[:limit]

    def extra_keys(self, value) -> set[str]:
        url = value.get("national_portal_url")
        return {f"url:{url}"} if url else set()

    def shows_without_items(self, value) -> bool:
        return bool(value.get("national_portal_url"))

    def extra_context(self, value, request, portal, items):
        index = self._index(portal) if portal is not None else None
        return {"more_url": index.get_url(request) if index else ""}


home.register(
    "popular_services",
    PopularServicesBlock(),
    order=40,
    default={
        "title": "",
        "procedures": [],
        "count": 6,
        "national_portal_title": "Cổng Dịch vụ công quốc gia",
        "national_portal_url": NATIONAL_PORTAL_URL,
    },
)
