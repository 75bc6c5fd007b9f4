from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from eportal.portals.admin_views import NoDeletePolicy, PortalsGroup
from eportal.portals.models import Portal

register_permission_policy(Portal, NoDeletePolicy(Portal))


@hooks.register("register_admin_viewset")
def register_portals_admin():
    return PortalsGroup()


@hooks.register("register_log_actions")
def register_portal_log_actions(actions):
    actions.register_action("eportal.login", _("Đăng nhập"), _("Đã đăng nhập"))
    actions.register_action("eportal.logout", _("Đăng xuất"), _("Đã đăng xuất"))
    actions.register_action(
        "eportal.login_failed", _("Đăng nhập sai"), _("Đăng nhập không thành công")
    )
