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
