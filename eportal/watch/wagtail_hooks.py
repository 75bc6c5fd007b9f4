"""The watch in Wagtail's admin: the "Giám sát" menu (its items come from the
``register_watch_menu_item`` hook, so every part of the watch adds its own),
the admin URLs, the log actions and the home panel of open alerts."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.ui.components import Component

from eportal.portals import access
from eportal.watch import admin_views, audit, report_views, traffic_views
from eportal.watch.models import WatchAlert


class WatchMenuItem(MenuItem):
    """A menu item shown to those who may use the watch ("watch.view")."""

    def is_shown(self, request):
        return access.may(request.user, "watch.view")


class WatchSubmenuMenuItem(SubmenuMenuItem):
    def is_shown(self, request):
        return access.may(request.user, "watch.view") and super().is_shown(request)


@hooks.register("register_admin_menu_item")
def register_watch_menu():
    return WatchSubmenuMenuItem(
        _("Giám sát"),
        Menu(register_hook_name="register_watch_menu_item"),
        icon_name="view",
        name="watch",
        order=9000,
    )


@hooks.register("register_watch_menu_item")
def register_audit_menu_item():
    return WatchMenuItem(
        _("Nhật ký thao tác"),
        reverse("watch_audit"),
        icon_name="list-ul",
        name="watch-audit",
        order=100,
    )


@hooks.register("register_watch_menu_item")
def register_alerts_menu_item():
    return WatchMenuItem(
        _("Cảnh báo"), reverse("watch_alerts"), icon_name="warning", name="watch-alerts", order=110
    )


@hooks.register("register_admin_urls")
def register_watch_admin_urls():
    return [
        path("watch/audit/", admin_views.audit_log, name="watch_audit"),
        path("watch/alerts/", admin_views.integrity_alerts, name="watch_alerts"),
        path(
            "watch/alerts/<int:alert_id>/resolve/",
            admin_views.integrity_resolve,
            name="watch_alert_resolve",
        ),
        path(
            "watch/alerts/<int:alert_id>/restore/",
            admin_views.integrity_restore,
            name="watch_alert_restore",
        ),
    ]


@hooks.register("register_log_actions")
def register_watch_log_actions(actions):
    actions.register_action(
        audit.GROUPS_CHANGED, _("Đổi nhóm / vai trò"), _("Thay đổi nhóm (vai trò) của người dùng")
    )
    actions.register_action(audit.DOSSIER_STEP, _("Xử lý hồ sơ"), _("Một bước xử lý hồ sơ"))
    actions.register_action(
        audit.RESTORE,
        _("Khôi phục bản đã duyệt"),
        _("Khôi phục bản đã duyệt sau cảnh báo toàn vẹn"),
    )


class OpenAlertsPanel(Component):
    name = "watch_open_alerts"
    order = 50
    template_name = "watch/admin/home_panel.html"

    def __init__(self, alerts, total):
        self.alerts = alerts
        self.total = total

    def get_context_data(self, parent_context):
        return {"alerts": self.alerts, "total": self.total}


@hooks.register("construct_homepage_panels")
def add_open_alerts_panel(request, panels):
    if not access.may(request.user, "watch.view"):
        return
    alerts = access.scope(
        WatchAlert.objects.filter(resolved_at__isnull=True).select_related("portal"),
        request.user,
        "watch.view",
    ).order_by("-last_seen_at")
    panels.append(OpenAlertsPanel(list(alerts[:10]), alerts.count()))


@hooks.register("register_admin_urls")
def register_traffic_urls():
    urls = [path("", traffic_views.traffic_dashboard, name="dashboard")]
    return [path("watch/traffic/", include((urls, "watch_traffic"), namespace="watch_traffic"))]


@hooks.register("register_watch_menu_item")
def register_traffic_menu_item():
    return WatchMenuItem(
        _("Lưu lượng truy cập"), reverse("watch_traffic:dashboard"), icon_name="time", order=120
    )


@hooks.register("register_admin_urls")
def register_report_urls():
    urls = [path("", report_views.operations_report, name="report")]
    return [path("watch/reports/", include((urls, "watch_reports"), namespace="watch_reports"))]


@hooks.register("register_watch_menu_item")
def register_report_menu_item():
    return WatchMenuItem(
        _("Báo cáo vận hành"), reverse("watch_reports:report"), icon_name="doc-full", order=130
    )
