"""Admin views: the compliance dashboard (Art. 12) and the monthly royalty
statement (Art. 18.1), each scoped to the user's portals."""

from datetime import date

from django import forms
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from eportal.core import clock, xlsx
from eportal.core.printing import pdf_response
from eportal.editorial import services
from eportal.portals import access


class ComplianceView(WagtailAdminTemplateMixin, TemplateView):
    """What is due soon, overdue and published late on the user's portals."""

    template_name = "editorial/admin/compliance.html"
    page_title = _("Theo dõi thời hạn đăng tải")
    header_icon = "time"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_active or not request.user.has_perm("wagtailadmin.access_admin"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(**services.compliance(self.request.user), **kwargs)


def _previous_month(today: date) -> date:
    first = today.replace(day=1)
    return (first - timezone.timedelta(days=1)).replace(day=1)


class StatementForm(forms.Form):
    portal = forms.ModelChoiceField(queryset=None, label=_("Cổng"), empty_label=None)
    month = forms.CharField(
        label=_("Tháng"),
        help_text=_("Dạng MM/YYYY, ví dụ 11/2026."),
        max_length=7,
    )
    author = forms.CharField(label=_("Tác giả"), required=False, max_length=255)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["portal"].queryset = access.portals(user, "royalties.manage")

    def clean_month(self):
        value = self.cleaned_data["month"].strip()
        for fmt in ("%m/%Y", "%Y-%m"):
            try:
                return timezone.datetime.strptime(value, fmt).date()
            except ValueError:
                continue
        raise forms.ValidationError(_("Tháng không hợp lệ: viết MM/YYYY, ví dụ 11/2026."))


class RoyaltyStatementView(WagtailAdminTemplateMixin, TemplateView):
    """The monthly royalty statement of a portal, on screen, as XLSX or as PDF."""

    template_name = "editorial/admin/statement.html"
    page_title = _("Bảng nhuận bút")
    header_icon = "doc-full"

    def dispatch(self, request, *args, **kwargs):
        if not access.portals(request.user, "royalties.manage").exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        data = request.GET if "month" in request.GET else None
        initial = {"month": _previous_month(clock.today()).strftime("%m/%Y")}
        form = StatementForm(data, user=request.user, initial=initial)
        statement = None
        if form.is_bound and form.is_valid():
            statement = services.royalty_statement(
                form.cleaned_data["portal"], form.cleaned_data["month"], form.cleaned_data["author"]
            )
            export = request.GET.get("format")
            if export == "xlsx":
                return xlsx.response(
                    services.statement_xlsx(statement), f"{statement.filename}.xlsx"
                )
            if export == "pdf":
                pdf = services.statement_pdf(statement, base_url=request.build_absolute_uri("/"))
                return pdf_response(pdf, f"{statement.filename}.pdf", inline=False)
        return self.render_to_response(
            self.get_context_data(form=form, statement=statement, query=request.GET.urlencode())
        )
