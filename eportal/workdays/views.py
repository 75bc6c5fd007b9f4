"""Admin view: recompute the stored due dates of open deadlines after a calendar change."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from eportal.workdays import services
from eportal.workdays.models import CalendarOverride


def can_recompute(user) -> bool:
    """Return True if the user may move stored due dates."""
    return user.is_active and user.has_perm("workdays.change_deadline")


class RecomputeDeadlinesView(WagtailAdminTemplateMixin, TemplateView):
    """GET shows which due dates would move; POST moves them and lists them."""

    template_name = "workdays/admin/recompute.html"
    page_title = _("Tính lại hạn xử lý")
    header_icon = "calendar"

    def dispatch(self, request, *args, **kwargs):
        if not can_recompute(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        overrides_url = reverse(CalendarOverride.snippet_viewset.get_url_name("list"))
        return [
            *self.breadcrumbs_items,
            {"url": overrides_url, "label": capfirst(CalendarOverride._meta.verbose_name_plural)},
            {"url": "", "label": self.get_page_title()},
        ]

    def get(self, request, *args, **kwargs):
        moved = services.recompute_open_deadlines(dry_run=True)
        return self.render_to_response(self.get_context_data(moved=moved, applied=False))

    def post(self, request, *args, **kwargs):
        moved = services.recompute_open_deadlines(user=request.user)
        messages.success(
            request,
            ngettext(
                "Đã cập nhật hạn của %(count)d mục.",
                "Đã cập nhật hạn của %(count)d mục.",
                len(moved),
            )
            % {"count": len(moved)},
        )
        return self.render_to_response(self.get_context_data(moved=moved, applied=True))
