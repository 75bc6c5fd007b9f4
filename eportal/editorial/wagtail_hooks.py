from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import DeleteView, EditView, SnippetViewSet

from eportal.editorial.models import RoyaltyRate
from eportal.editorial.views import ComplianceView, RoyaltyStatementView
from eportal.editorial.workflow import name_page_actions
from eportal.portals import access


def rates_for(user):
    return RoyaltyRate.objects.filter(
        portal__in=access.portals(user, "royalties.manage")
    ).select_related("portal")


class RoyaltyRateForm(WagtailAdminModelForm):
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is not None and "portal" in self.fields:
            self.fields["portal"].queryset = access.portals(for_user, "royalties.manage")


class ScopedEditView(EditView):
    def get_queryset(self):
        return rates_for(self.request.user)


class ScopedDeleteView(DeleteView):
    def get_queryset(self):
        return rates_for(self.request.user)


class RoyaltyRateViewSet(SnippetViewSet):
    model = RoyaltyRate
    icon = "tasks"
    menu_label = _("Khung nhuận bút")
    add_to_admin_menu = True
    menu_order = 230
    list_display = ["portal", "kind", "unit", "point_value", "default_points"]
    list_filter = ["portal", "kind"]
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView

    def get_form_class(self, for_update=False):
        self.base_form_class = RoyaltyRateForm
        return super().get_form_class(for_update=for_update)

    def get_queryset(self, request):
        return rates_for(request.user)


register_snippet(RoyaltyRateViewSet)


@hooks.register("register_admin_urls")
def register_editorial_admin_urls():
    return [
        path("thoi-han/", ComplianceView.as_view(), name="editorial_compliance"),
        path("nhuan-but/", RoyaltyStatementView.as_view(), name="editorial_royalties"),
    ]


class StatementMenuItem(MenuItem):
    def is_shown(self, request):
        return access.portals(request.user, "royalties.manage").exists()


@hooks.register("register_admin_menu_item")
def register_compliance_menu_item():
    return MenuItem(
        _("Theo dõi thời hạn"), reverse("editorial_compliance"), icon_name="time", order=240
    )


@hooks.register("register_admin_menu_item")
def register_statement_menu_item():
    return StatementMenuItem(
        _("Bảng nhuận bút"), reverse("editorial_royalties"), icon_name="doc-full", order=250
    )


@hooks.register("construct_page_action_menu")
def name_page_workflow_actions(menu_items, request, context):
    name_page_actions(menu_items, request, context)
