"""The leaders' list in the admin, each board seeing and editing its own portal's."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import DeleteView, EditView, SnippetViewSet

from eportal.organisation.models import Leader
from eportal.portals import access


def leaders_for(user):
    return Leader.objects.filter(
        portal__in=access.portals(user, "organisation.leaders")
    ).select_related("portal")


class LeaderForm(WagtailAdminModelForm):
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is not None and "portal" in self.fields:
            self.fields["portal"].queryset = access.portals(for_user, "organisation.leaders")


class ScopedEditView(EditView):
    def get_queryset(self):
        return leaders_for(self.request.user)


class ScopedDeleteView(DeleteView):
    def get_queryset(self):
        return leaders_for(self.request.user)


class LeaderViewSet(SnippetViewSet):
    model = Leader
    icon = "user"
    menu_label = _("Lãnh đạo")
    add_to_admin_menu = True
    menu_order = 240
    list_display = ["full_name", "position", "portal", "order", "term_end"]
    list_filter = ["portal"]
    search_fields = ["full_name", "position"]
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView

    def get_form_class(self, for_update=False):
        self.base_form_class = LeaderForm
        return super().get_form_class(for_update=for_update)

    def get_queryset(self, request):
        return leaders_for(request.user)


register_snippet(LeaderViewSet)
