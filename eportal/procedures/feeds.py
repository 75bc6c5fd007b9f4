"""RSS and Atom feeds of a portal's catalogue of procedures (/feeds/thu-tuc/…):
new and changed procedures, the last published first."""

from django.utils.html import format_html
from django.utils.translation import gettext as _

from eportal.core.feeds import FEED_SIZE, SectionFeed, feed_views
from eportal.portals import access
from eportal.procedures import queries
from eportal.procedures.models import ProcedureIndexPage

# A procedure published once and then again within this many seconds (an
# editor's quick fix) is still "new".
NEW_WITHIN_SECONDS = 60


class ProcedureFeed(SectionFeed):
    """Procedures that the portal's /thu-tuc/ lists, by last publication."""

    index_model = ProcedureIndexPage

    def description(self, obj):
        return _("Thủ tục hành chính mới ban hành và được sửa đổi trên %(portal)s") % {
            "portal": obj["portal"].name
        }

    def items(self, obj):
        # The main portal's catalogue holds every portal's: label them (two queries).
        self.sources = access.portals_by_home_path() if obj["portal"].is_main else {}
        scope = queries.catalogue_scope(obj["index"], obj["portal"])
        return list(scope.order_by("-last_published_at", "-pk")[:FEED_SIZE])

    def item_source(self, item):
        source = self.sources.get(access.home_path(item.path))
        return source if source is not None and source.pk != self.portal.pk else None

    @staticmethod
    def is_new(item) -> bool:
        first, last = item.first_published_at, item.last_published_at
        return not first or not last or (last - first).total_seconds() < NEW_WITHIN_SECONDS

    def item_plain_title(self, item):
        label = _("Thủ tục mới") if self.is_new(item) else _("Thủ tục sửa đổi")
        return f"{label}: {item.title}"

    def item_guid(self, item):
        # A changed procedure is a new item for a reader: the guid names the publication.
        stamp = item.last_published_at.strftime("%Y%m%d%H%M%S") if item.last_published_at else ""
        return f"{self.item_link(item)}#{stamp}"

    item_guid_is_permalink = False

    def item_description(self, item):
        return format_html(
            "<p>{}: {} · {}: {} · {}: {} · {}: {}</p>",
            _("Mã thủ tục"),
            item.code,
            _("Lĩnh vực"),
            item.sector,
            _("Cơ quan thực hiện"),
            item.agency.name,
            _("Cấp thực hiện"),
            item.get_level_display(),
        )

    def item_author_name(self, item):
        return item.agency.name

    def item_categories(self, item):
        return [item.sector] if item.sector else []


rss, atom = feed_views(ProcedureFeed)
