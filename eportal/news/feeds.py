"""RSS and Atom feeds of a portal's news and of each category (/feeds/tin-tuc/…)."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from eportal.news import queries
from eportal.news.models import CategoryPage, NewsIndexPage

FEED_SIZE = 30


class NewsFeed(Feed):
    """The latest articles of the request's portal (with syndicated ones on the main portal)."""

    def get_object(self, request, category=None):
        portal = getattr(request, "portal", None)
        if portal is None:
            raise Http404
        index = NewsIndexPage.objects.live().child_of(portal.site.root_page).first()
        if index is None:
            raise Http404
        page = index
        if category:
            page = CategoryPage.objects.live().descendant_of(index).filter(slug=category).first()
            if page is None:
                raise Http404
        self.request = request
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

    def item_title(self, item):
        if item.portal_id and item.portal_id != self.request.portal.pk:
            return f"[{item.portal.name}] {item.title}"
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return item.author_name

    def item_guid(self, item):
        return item.get_full_url(self.request)


class AtomNewsFeed(NewsFeed):
    feed_type = Atom1Feed
    subtitle = NewsFeed.description


def rss(request, category=None):
    # A feed object per request: the item methods read the request's portal.
    return NewsFeed()(request, category=category)


def atom(request, category=None):
    return AtomNewsFeed()(request, category=category)
