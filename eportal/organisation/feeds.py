"""RSS and Atom feeds of a portal's work schedule (/feeds/lich-cong-tac/…):
an item per published week, updated when the week is adjusted."""

from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from eportal.core.feeds import SectionFeed, feed_views
from eportal.organisation import queries
from eportal.organisation.models import WorkScheduleIndexPage


class ScheduleFeed(SectionFeed):
    """The published weeks of the portal's /lich-cong-tac/, newest week first."""

    index_model = WorkScheduleIndexPage

    def description(self, obj):
        return _("Lịch công tác của lãnh đạo %(agency)s") % {"agency": obj["portal"].agency.name}

    def items(self, obj):
        return list(queries.published_weeks(index=obj["index"])[: self.size])

    def item_description(self, item):
        rows = [
            (
                f"{entry.date:%d/%m} {entry.start_time:%H:%M}",
                entry.content,
                f" ({entry.change_label})" if entry.is_changed else "",
            )
            for entry in queries.entries(item)
        ]
        if not rows:
            return format_html("<p>{}</p>", item.note or _("Chưa có nội dung."))
        return format_html("<ul>{}</ul>", format_html_join("", "<li>{}: {}{}</li>", rows))

    def item_author_name(self, item):
        return self.portal.agency.name


rss, atom = feed_views(ScheduleFeed)
