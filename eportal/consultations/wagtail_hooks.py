from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from eportal.consultations import admin_views
from eportal.portals import access


@hooks.register("register_admin_urls")
def register_admin_urls():
    urls = [
        path("", admin_views.index, name="index"),
        path("<int:pk>/", admin_views.detail, name="detail"),
        path(
            "<int:pk>/y-kien/<int:comment_pk>/<slug:action>/",
            admin_views.comment_action,
            name="comment_action",
        ),
        path("<int:pk>/ket-thuc/", admin_views.close, name="close"),
        path("<int:pk>/cong-bo/", admin_views.conclude, name="conclude"),
        path("<int:pk>/tong-hop.<str:kind>", admin_views.export, name="export"),
    ]
    return [path("gop-y/", (urls, "consultations_admin", "consultations_admin"))]


class ConsultationsMenuItem(MenuItem):
    def is_shown(self, request):
        return access.may(request.user, "consultations.moderate")


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return ConsultationsMenuItem(
        _("Góp ý dự thảo"), reverse("consultations_admin:index"), icon_name="comment", order=260
    )


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(
        "consultations.comment_submitted", _("Gửi góp ý"), _("Người dân gửi góp ý")
    )
    actions.register_action("consultations.comment_approved", _("Duyệt góp ý"), _("Đã duyệt góp ý"))
    actions.register_action("consultations.comment_hidden", _("Ẩn góp ý"), _("Đã ẩn góp ý"))
    actions.register_action(
        "consultations.comment_responded", _("Giải trình góp ý"), _("Đã giải trình góp ý")
    )
    actions.register_action(
        "consultations.closed", _("Kết thúc lấy ý kiến"), _("Đã kết thúc lấy ý kiến")
    )
    actions.register_action(
        "consultations.concluded", _("Công bố tổng hợp"), _("Đã công bố tổng hợp ý kiến")
    )
