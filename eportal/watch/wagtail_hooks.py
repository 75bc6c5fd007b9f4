"""The "Giám sát" admin submenu. Each part of the watch adds its items through
the ``register_watch_menu_item`` hook (a function returning a ``MenuItem``)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from eportal.portals import access
from eportal.watch import report_views, traffic_views


class WatchMenuItem(MenuItem):
    def is_shown(self, request):
        return access.may(request.user, "watch.view")


@hooks.register("register_admin_menu_item")
def register_watch_menu():
    return SubmenuMenuItem(
        _("Giám sát"),
        Menu(register_hook_name="register_watch_menu_item"),
        icon_name="view",
        order=900,
    )


@hooks.register("register_admin_urls")
def register_traffic_urls():
    urls = [path("", traffic_views.traffic_dashboard, name="dashboard")]
    return [path("watch/traffic/", include((urls, "watch_traffic"), namespace="watch_traffic"))]


@hooks.register("register_watch_menu_item")
def register_traffic_menu_item():
    return WatchMenuItem(
        _("Lưu lượng truy cập"), reverse("watch_traffic:dashboard"), icon_name="time", order=100
    )


@hooks.register("register_admin_urls")
def register_report_urls():
    urls = [path("", report_views.operations_report, name="report")]
    return [path("watch/reports/", include((urls, "watch_reports"), namespace="watch_reports"))]


@hooks.register("register_watch_menu_item")
def register_report_menu_item():
    return WatchMenuItem(
        _("Báo cáo vận hành"), reverse("watch_reports:report"), icon_name="doc-full", order=200
    )
