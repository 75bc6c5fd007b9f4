"""RSS and Atom feeds of a portal's published answers (/feeds/hoi-dap/…)."""

from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from eportal.core.feeds import FEED_SIZE, SectionFeed, feed_views
from eportal.qa import queries
from eportal.qa.models import QAIndexPage


class AnswerFeed(SectionFeed):
    """The latest published answers that the portal's /hoi-dap/ lists."""

    index_model = QAIndexPage

    def description(self, obj):
        return _("Câu hỏi của người dân và câu trả lời đã công khai trên %(portal)s") % {
            "portal": obj["portal"].name
        }

    def items(self, obj):
        self.index = obj["index"]
        self.index_url = obj["index"].get_full_url(self.request)
        return list(queries.published_answers(obj["portal"])[:FEED_SIZE])

    def item_link(self, item):
        return self.index_url + self.index.reverse_subpage("answer_route", args=[item.code])

    def item_description(self, item):
        return format_html(
            "<p><strong>{}</strong> {}</p><p><strong>{}</strong> {}</p>",
            _("Hỏi:"),
            Truncator(item.body).words(80),
            _("Trả lời:"),
            Truncator(item.answer).words(120),
        )

    def item_pubdate(self, item):
        return item.published_at or item.answered_at

    def item_updateddate(self, item):
        return item.published_at or item.answered_at

    def item_author_name(self, item):
        return item.agency.name if item.agency_id else None

    def item_categories(self, item):
        return [item.topic.name] if item.topic_id else []


rss, atom = feed_views(AnswerFeed)
