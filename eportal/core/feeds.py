"""The common shape of a portal's RSS 2.0 and Atom feeds (/feeds/…).

A feed belongs to the portal of the request (``request.portal``, set by the
portals middleware); items of another portal, which the main portal
aggregates, are labelled "[Portal name] title". Links and guids are full
URLs, dates are aware datetimes. An app's feed subclasses ``PortalFeed`` and
gets its two views (RSS, Atom) from ``feed_views``; ``SectionFeed`` is the
feed of a section (an index page under the portal's home).
"""

from __future__ import annotations

import datetime

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

FEED_SIZE = 30


def start_of_day(day: datetime.date | None) -> datetime.datetime | None:
    """The aware start of ``day`` in the site's time zone (a feed date from a date)."""
    if day is None:
        return None
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


class PortalFeed(Feed):
    """A feed of the request's portal. Subclasses implement ``get_feed_object``
    (raise Http404 for what the portal lacks) and ``items``; ``item_plain_title``
    is the title before the source label."""

    size = FEED_SIZE

    def get_object(self, request, *args, **kwargs):
        # The portal is duck-typed: core knows no feature app nor the portals app.
        portal = getattr(request, "portal", None)
        if portal is None:
            raise Http404
        self.request = request
        self.portal = portal
        return self.get_feed_object(portal, *args, **kwargs)

    def get_feed_object(self, portal, *args, **kwargs):
        return {"portal": portal}

    def item_source(self, item):
        """The portal an item comes from when it is not the request's portal, else None."""
        portal_id = getattr(item, "portal_id", None)
        if portal_id and portal_id != self.portal.pk:
            return item.portal
        return None

    def item_plain_title(self, item):
        return item.title

    def item_title(self, item):
        title = self.item_plain_title(item)
        source = self.item_source(item)
        if source is not None and source.pk != self.portal.pk:
            return f"[{source.name}] {title}"
        return title

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid(self, item):
        return self.item_link(item)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at


class SectionFeed(PortalFeed):
    """A feed of one section of the portal: the live ``index_model`` page right
    under the portal's home (/tin-tuc/, /van-ban/, /hoi-dap/ …), a 404 where
    the portal has none."""

    index_model = None

    def index_of(self, portal):
        index = self.index_model.objects.live().child_of(portal.site.root_page).first()
        if index is None:
            raise Http404
        return index

    def get_feed_object(self, portal, *args, **kwargs):
        return {"portal": portal, "index": self.index_of(portal)}

    def title(self, obj):
        return f"{obj['portal'].name} – {obj['index'].title}"

    def link(self, obj):
        return obj["index"].get_url(self.request)


def feed_views(rss_class: type[PortalFeed]):
    """Return the (rss, atom) views of a feed class.

    A feed object is made per request: its item methods read the request's portal."""
    atom_class = type(
        f"Atom{rss_class.__name__}",
        (rss_class,),
        {"feed_type": Atom1Feed, "subtitle": rss_class.description},
    )

    def rss(request, *args, **kwargs):
        return rss_class()(request, *args, **kwargs)

    def atom(request, *args, **kwargs):
        return atom_class()(request, *args, **kwargs)

    return rss, atom
