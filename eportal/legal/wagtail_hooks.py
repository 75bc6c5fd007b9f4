"""Admin: the import screen, the Gazette, the fields of documents, the log actions."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from eportal.core import clock
from eportal.legal import admin_views
from eportal.legal.models import GazetteIssue, LegalField
from eportal.legal.services import EXPIRE_ACTION, IMPORT_ACTION


@hooks.register("register_log_actions")
def register_legal_log_actions(actions):
    actions.register_action(IMPORT_ACTION, _("Nhập văn bản"), _("Đã nhập văn bản từ tệp"))
    actions.register_action(
        EXPIRE_ACTION, _("Hết hiệu lực"), _("Văn bản hết hiệu lực do bị thay thế")
    )


@hooks.register("register_admin_urls")
def register_import_url():
    return [
        path("legal/import/", admin_views.import_view, name="legal_import"),
        path("legal/import/lo/<int:batch_id>/", admin_views.batch_view, name="legal_import_batch"),
    ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(admin_views.importable_portals(request.user))


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(_("Nhập văn bản"), reverse("legal_import"), icon_name="upload", order=310)


class GazetteIssueViewSet(SnippetViewSet):
    """Gazette issues: the provincial publication, kept by the super-administrator."""

    model = GazetteIssue
    menu_label = _("Công báo")
    menu_name = "gazette"
    icon = "doc-full"
    list_display = ["__str__", "portal", "published_on"]
    list_filter = ["portal"]
    ordering = ["-published_on"]


class LegalFieldViewSet(SnippetViewSet):
    model = LegalField
    menu_label = _("Lĩnh vực văn bản")
    menu_name = "legal-fields"
    icon = "tag"
    list_display = ["name", "slug"]


class LegalViewSetGroup(SnippetViewSetGroup):
    items = (GazetteIssueViewSet, LegalFieldViewSet)
    menu_label = _("Văn bản pháp luật")
    menu_name = "legal"
    menu_icon = "doc-full-inverse"
    add_to_admin_menu = True


register_snippet(LegalViewSetGroup)


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def open_posting_deadlines(request, page):
    """A document entered by staff starts its posting deadlines from its issue date."""

    from eportal.legal.models import LegalDocumentPage
    from eportal.legal.services import IMPORT_DEADLINE_HORIZON, open_deadlines

    specific = page.specific
    # An old document entered or corrected later is not a new posting duty.
    recent = clock.today() - IMPORT_DEADLINE_HORIZON
    if isinstance(specific, LegalDocumentPage) and specific.issued and specific.issued >= recent:
        open_deadlines(specific)
