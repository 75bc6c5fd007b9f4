from django.db.models import Q
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from eportal.news import admin_views
from eportal.portals import access

register_snippet(admin_views.SiteAlertViewSet)


@hooks.register("register_admin_urls")
def register_news_admin_urls():
    return [
        path("tin-dong-bo/", admin_views.SyndicationView.as_view(), name="news_syndication"),
        path(
            "tin-dong-bo/<int:article_id>/",
            admin_views.syndication_choose,
            name="news_syndication_choose",
        ),
    ]


class SyndicationMenuItem(MenuItem):
    def is_shown(self, request):
        return access.may(request.user, "news.syndicate")


@hooks.register("register_admin_menu_item")
def register_syndication_menu_item():
    return SyndicationMenuItem(
        _("Tin từ cổng thành phần"), reverse("news_syndication"), icon_name="link", order=220
    )


@hooks.register("register_log_actions")
def register_news_log_actions(actions):
    actions.register_action(
        "news.syndication", _("Chọn tin đồng bộ"), _("Đổi cách hiện tin trên cổng chính")
    )


FEED_URL_NAMES = ["news:feed", "news:feed_atom", "news:category_feed", "news:category_feed_atom"]


@hooks.register("eportal_cache_shared_views")
def news_feeds_are_shared():
    return FEED_URL_NAMES


@hooks.register("eportal_cache_site_paths")
def news_feeds(page):
    """An article is in its portal's feeds and its category's, and (from a
    component portal) in the main portal's and its categories' of that kind."""
    from eportal.news.models import ArticlePage, CategoryPage, NewsIndexPage
    from eportal.portals.models import Portal

    if not isinstance(page, ArticlePage):
        return []
    portals = Portal.objects.filter(Q(pk=page.portal_id) | Q(is_main=True)).select_related("site")
    paths = []
    for portal in portals:
        index = NewsIndexPage.objects.live().child_of(portal.site.root_page).first()
        if index is None:
            continue
        categories = CategoryPage.objects.live().descendant_of(index)
        if portal.pk == page.portal_id:
            categories = categories.filter(pk=page.get_parent().pk)
        else:
            categories = categories.filter(kind=page.kind)
        for slug in ["", *(f"{slug}/" for slug in categories.values_list("slug", flat=True))]:
            paths += [
                (portal.site, f"/feeds/tin-tuc/{slug}rss/"),
                (portal.site, f"/feeds/tin-tuc/{slug}atom/"),
            ]
    return paths
