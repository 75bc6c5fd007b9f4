"""RSS and Atom feeds of a portal's news and of each category (/feeds/tin-tuc/…)."""

from django.http import Http404
from django.utils.translation import gettext as _

from eportal.core.feeds import FEED_SIZE, SectionFeed, feed_views
from eportal.news import queries
from eportal.news.models import CategoryPage, NewsIndexPage


class NewsFeed(SectionFeed):
    """The latest articles of the request's portal (with syndicated ones on the main portal)."""

    index_model = NewsIndexPage

    def get_feed_object(self, portal, category=None):
        index = self.index_of(portal)
        page = index
        if category:
            page = CategoryPage.objects.live().descendant_of(index).filter(slug=category).first()
            if page is None:
                raise Http404
        return {"portal": portal, "page": page, "category": category}

    def title(self, obj):
        return f"{obj['portal'].name} – {obj['page'].title}"

    def link(self, obj):
        return obj["page"].get_url(self.request)

    def description(self, obj):
        return _("Tin, bài mới của %(portal)s") % {"portal": obj["portal"].name}

    def items(self, obj):
        kind = obj["page"].kind if obj["category"] else None
        return list(
            queries.latest_articles(obj["portal"], within=obj["page"], kind=kind)[:FEED_SIZE]
        )

    def item_description(self, item):
        return item.summary

    def item_author_name(self, item):
        return item.author_name


rss, atom = feed_views(NewsFeed)
