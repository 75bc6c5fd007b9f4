"""Read helpers: which articles a portal lists, and the hot-news alert it shows."""

from django.db.models import Prefetch, Q
from wagtail.images import get_image_model

from eportal.core import clock, fragments
from eportal.news.models import ArticlePage, SiteAlert

# The list image, and twice its size for screens of two device pixels per CSS
# pixel (most phones): news/includes/article_list.html.
LIST_RENDITIONS = ("fill-320x180", "fill-640x360")


def latest_articles(portal, *, within=None, kind=None):
    """Live, public articles that ``portal`` lists, newest first.

    ``within`` is an index or category page of the portal: its own articles
    are those below it. On the main portal the list also holds the articles of
    every component portal (of the same Art. 9 kind for a category), except
    those its board hid, with the ones it featured first (Art. 3.2d, 15).
    """
    own = Q(portal=portal)
    if within is not None:
        own = Q(path__startswith=within.path, depth__gt=within.depth)
    condition = own
    if portal is not None and portal.is_main:
        syndicated = Q(portal__is_main=False) & ~Q(syndication__hidden=True)
        if kind:
            syndicated &= Q(kind=kind)
        condition = own | syndicated
    elif portal is not None:
        condition &= Q(portal=portal)
    queryset = (
        ArticlePage.objects.live()
        .public()
        .filter(condition)
        .select_related("portal")
        .prefetch_related(
            Prefetch(
                "featured_image",
                queryset=get_image_model().objects.prefetch_renditions(*LIST_RENDITIONS),
            )
        )
    )
    # Both orders are served by an index on the article table (ArticlePage.Meta).
    if portal is not None and portal.is_main:
        return queryset.order_by("-featured_on_main", "-published_at", "-pk")
    return queryset.order_by("-published_at", "-pk")


ALERTS = "site-alerts"  # cache scope (eportal.core.fragments), dropped by news/signals.py


def alert_for(portal, now=None):
    """The hot-news alert to show on every page of ``portal``: the most urgent, then newest.

    Every page asks, so the portal's switched-on alerts that have not ended
    are cached (until an alert changes) and the time window is checked here."""
    if portal is None:
        return None
    now = now or clock.now()

    def build():
        alerts = SiteAlert.objects.filter(active=True, portals=portal, ends_at__gt=now)
        return list(alerts.order_by("-starts_at")[:50])

    candidates = fragments.cached(ALERTS, f"portal:{portal.pk}", build, timeout=5 * 60)
    alerts = [a for a in candidates if a.starts_at <= now < a.ends_at][:10]
    if not alerts:
        return None
    rank = {SiteAlert.Level.DANGER: 0, SiteAlert.Level.WARNING: 1, SiteAlert.Level.INFO: 2}
    return min(alerts, key=lambda alert: rank.get(alert.level, 3))
