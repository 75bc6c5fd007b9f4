from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from eportal.dossiers import admin_views
from eportal.portals import access


@hooks.register("register_admin_urls")
def register_admin_urls():
    urls = [
        path("", admin_views.dossier_list, name="list"),
        path("nhan-truc-tiep/", admin_views.counter_dossier, name="counter"),
        path(
            "thanh-toan/<int:payment_id>/xac-nhan/",
            admin_views.confirm_payment,
            name="confirm_payment",
        ),
        path("<str:code>/", admin_views.dossier_detail, name="dossier"),
    ]
    return [
        path("ho-so-dich-vu-cong/", include((urls, "dossiers_admin"), namespace="dossiers_admin"))
    ]


class DossierMenuItem(MenuItem):
    def is_shown(self, request):
        return access.may(request.user, "dossiers.handle")


@hooks.register("register_admin_menu_item")
def register_dossier_menu():
    return DossierMenuItem(
        _("Hồ sơ dịch vụ công"),
        reverse("dossiers_admin:list"),
        icon_name="folder-open-inverse",
        order=250,
    )
