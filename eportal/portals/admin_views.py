"""Admin screens for portals, agencies and boards (provincial super-administrator)."""

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views import chooser, generic
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy

from eportal.portals import access, services
from eportal.portals.models import Agency, BoardMember, Portal, Role, hostname_validator


class NoDeletePolicy(ModelPermissionPolicy):
    """Portals are never deleted from the admin: their content is the record."""

    def user_has_permission(self, user, action):
        if action == "delete":
            return False
        return super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        if action == "delete":
            return False
        return super().user_has_permission_for_instance(user, action, instance)


class PortalCreateForm(WagtailAdminModelForm):
    hostname = forms.CharField(
        label=_("tên miền"),
        required=False,
        validators=[hostname_validator],
        help_text=_("Để trống để dùng <nhãn>.<tên miền của tỉnh>."),
    )

    class Meta:
        model = Portal
        fields = ["agency", "name", "slug", "is_main"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Agency.objects.filter(portal__isnull=True)
        self.fields["name"].required = False
        self.fields["slug"].required = False
        self.fields["slug"].help_text = _(
            "Để trống để hệ thống đề xuất theo quy tắc Điều 6.3 "
            "(ví dụ “Sở Thông tin và Truyền thông” → sotttt)."
        )

    def _post_clean(self):
        # The portal is built by services.create_portal; model validation of the
        # fields it fills (site, groups…) happens there.
        pass


class PortalEditForm(WagtailAdminModelForm):
    hostname = forms.CharField(label=_("tên miền"), validators=[hostname_validator])

    class Meta:
        model = Portal
        fields = ["name", "name_en"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["hostname"].initial = self.instance.site.hostname


class PortalCreateView(generic.CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        try:
            return services.create_portal(
                services.PortalSpec(
                    agency=data["agency"],
                    name=data.get("name") or "",
                    slug=data.get("slug") or "",
                    hostname=data.get("hostname") or "",
                    is_main=data.get("is_main", False),
                ),
                by=self.request.user,
            )
        except ValidationError as error:
            self.form.add_error(None, error)
            raise

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError:
            return self.form_invalid(form)


class PortalEditView(generic.EditView):
    def save_instance(self):
        portal = self.form.save()
        if self.form.cleaned_data["hostname"] != portal.site.hostname:
            services.change_portal_host(
                portal, self.form.cleaned_data["hostname"], by=self.request.user
            )
        return portal

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)


class PortalViewSet(ModelViewSet):
    model = Portal
    icon = "site"
    menu_label = _("Cổng thông tin")
    add_to_admin_menu = False
    list_display = ["name", "slug", "hostname", "is_main", "agency"]
    add_view_class = PortalCreateView
    edit_view_class = PortalEditView
    inspect_view_enabled = True

    def get_form_class(self, for_update=False):
        return PortalEditForm if for_update else PortalCreateForm


class AgencyViewSet(ModelViewSet):
    model = Agency
    icon = "group"
    menu_label = _("Cơ quan")
    form_fields = [
        "name",
        "name_en",
        "short_name",
        "kind",
        "code",
        "address",
        "phone",
        "fax",
        "email",
    ]
    list_display = ["name", "kind", "code", "email"]
    search_fields = ["name", "short_name", "code"]


class BoardMemberForm(WagtailAdminModelForm):
    roles = forms.MultipleChoiceField(
        label=_("vai trò"),
        choices=Role.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = BoardMember
        fields = ["portal", "user", "position", "job_title"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = (
            get_user_model().objects.filter(is_active=True).order_by("username")
        )
        if self.instance.pk:
            self.fields["roles"].initial = self.instance.roles()


class SetBoardMemberMixin:
    """Create and edit both go through services.set_board_member."""

    def save_instance(self):
        data = self.form.cleaned_data
        return services.set_board_member(
            data["portal"],
            data["user"],
            position=data["position"],
            roles=data["roles"],
            job_title=data.get("job_title", ""),
            by=self.request.user,
        )


class BoardMemberCreateView(SetBoardMemberMixin, generic.CreateView):
    pass


class BoardMemberEditView(SetBoardMemberMixin, generic.EditView):
    pass


class BoardMemberDeleteView(generic.DeleteView):
    def delete_action(self):
        services.remove_board_member(self.object, by=self.request.user)


class BoardMemberViewSet(ModelViewSet):
    model = BoardMember
    icon = "user"
    menu_label = _("Ban Biên tập")
    add_view_class = BoardMemberCreateView
    edit_view_class = BoardMemberEditView
    delete_view_class = BoardMemberDeleteView
    list_display = ["user", "portal", "position", "job_title"]
    list_filter = ["portal", "position"]

    def get_form_class(self, for_update=False):
        return BoardMemberForm


class PortalsGroup(ModelViewSetGroup):
    menu_label = _("Cổng và Ban Biên tập")
    menu_icon = "site"
    menu_order = 150
    items = (
        PortalViewSet("portals"),
        AgencyViewSet("agencies"),
        BoardMemberViewSet("board_members"),
    )


class PageChooserBrowseView(chooser.BrowseView):
    """Wagtail's page chooser, browsing under a page: the hook
    ``construct_page_chooser_queryset`` narrows the children, but Wagtail
    shows the page browsed into itself, choosable, whatever its portal.
    Another portal's page (a draft too) is not found (issue 16)."""

    def get(self, request, parent_page_id=None):
        parent = get_object_or_404(Page, pk=parent_page_id)
        in_scope = access.scope_pages(Page.objects.filter(pk=parent.pk), request.user, "board.work")
        # The root holds every portal's home; the children shown are narrowed.
        if not parent.is_root() and not in_scope.exists():
            raise Http404
        return super().get(request, parent_page_id)


class PageChosenMultipleView(chooser.ChosenMultipleView):
    """What the chooser returns for the pages chosen: Wagtail looks the ids
    up among all pages, so another portal's title (a draft's too) came back
    for its id. Only the pages of the user's portals are returned."""

    def get(self, request):
        pages = Page.objects.filter(pk__in=request.GET.getlist("id"))
        allowed = access.scope_pages(pages, request.user, "board.work")
        request.GET = request.GET.copy()
        request.GET.setlist("id", [str(pk) for pk in allowed.values_list("pk", flat=True)])
        return super().get(request)
