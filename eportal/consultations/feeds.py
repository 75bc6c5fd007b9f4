"""RSS and Atom feeds of a portal's consultations (/feeds/gop-y/…): an item
for each opening, closing and published synthesis, so that a reader learns
when to comment and when the drafting agency has answered."""

from django.utils import formats
from django.utils.html import format_html
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from eportal.consultations import queries
from eportal.consultations.models import ConsultationIndexPage
from eportal.core.feeds import FEED_SIZE, SectionFeed, feed_views
from eportal.portals import access

PREFIXES = {
    "opened": gettext_lazy("Lấy ý kiến"),
    "closed": gettext_lazy("Kết thúc lấy ý kiến"),
    "concluded": gettext_lazy("Công bố tổng hợp, giải trình"),
}


class ConsultationFeed(SectionFeed):
    """Events of the consultations that the portal's /gop-y/ lists."""

    index_model = ConsultationIndexPage

    def description(self, obj):
        return _("Dự thảo văn bản lấy ý kiến góp ý của nhân dân trên %(portal)s") % {
            "portal": obj["portal"].name
        }

    def items(self, obj):
        # The main portal lists every portal's consultations: label them (two queries).
        self.sources = access.portals_by_home_path() if obj["portal"].is_main else {}
        return queries.events(obj["portal"], limit=FEED_SIZE)

    def item_source(self, item):
        return self.sources.get(access.home_path(item.page.path))

    def item_plain_title(self, item):
        return f"{PREFIXES[item.kind]}: {item.page.title}"

    def item_link(self, item):
        return item.page.get_full_url(self.request)

    def item_guid(self, item):
        return f"{self.item_link(item)}#{item.kind}"

    item_guid_is_permalink = False

    def item_description(self, item):
        page = item.page
        period = _("Thời gian lấy ý kiến: từ %(start)s đến %(end)s") % {
            "start": formats.date_format(localtime(page.opens_at), "d/m/Y H:i"),
            "end": formats.date_format(localtime(page.effective_closes_at), "d/m/Y H:i"),
        }
        text = format_html(
            "<p>{}</p><p>{}: {}</p><p>{}</p>",
            page.summary,
            _("Cơ quan chủ trì soạn thảo"),
            page.drafting_agency.name,
            period,
        )
        if item.kind == "concluded" and page.outcome.explanation:
            text += format_html("<p>{}</p>", page.outcome.explanation)
        return text

    def item_pubdate(self, item):
        return item.at

    def item_updateddate(self, item):
        return item.at

    def item_author_name(self, item):
        return item.page.drafting_agency.name


rss, atom = feed_views(ConsultationFeed)
