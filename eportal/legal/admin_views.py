"""Staff import in the admin: upload a file, see the fields read from it, confirm.

Only portals on whose /van-ban/ page the user may add pages are offered. A
super-administrator's import is published at once; a board member's is
saved as a draft and submitted to the portal's workflow (services module).
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from eportal.legal import importers, services
from eportal.legal.numbers import FORM_NAMES
from eportal.portals import access

MAX_TEXT_BYTES = 5 * 1024 * 1024


def importable_portals(user):
    """The portals into whose /van-ban/ the user may add documents."""
    allowed = []
    for portal in access.portals(user, "legal.import"):
        index_page = services.index_for(portal)
        if index_page is None:
            continue
        if index_page.permissions_for_user(user).can_add_subpage():
            allowed.append(portal)
    return allowed


class UploadForm(forms.Form):
    portal = forms.ChoiceField(label=gettext_lazy("Cổng"))
    file = forms.FileField(
        label=gettext_lazy("Tệp văn bản"),
        help_text=gettext_lazy(
            "Văn bản dạng .txt (toàn văn, có phần thuộc tính), hoặc danh sách .csv/.json."
        ),
    )

    def __init__(self, *args, portals, **kwargs):
        super().__init__(*args, **kwargs)
        self.portals = {str(p.pk): p for p in portals}
        self.fields["portal"].choices = [(str(p.pk), p.name) for p in portals]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_TEXT_BYTES:
            raise ValidationError(_("Tệp quá lớn (tối đa 5 MB)."))
        if importers.kind_of(upload.name) is None:
            raise ValidationError(_("Chỉ nhận tệp .txt, .csv hoặc .json."))
        return upload


def import_view(request):
    portals = importable_portals(request.user)
    if not portals:
        raise PermissionDenied
    form = UploadForm(portals=portals)
    if request.method == "POST" and request.POST.get("step") == "confirm":
        return _confirm(request, portals)
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES, portals=portals)
        if form.is_valid():
            portal = form.portals[form.cleaned_data["portal"]]
            upload = form.cleaned_data["file"]
            text = importers.decode_bytes(upload.read())
            rows = importers.read_source(upload.name, text)
            previews = [_preview(row, portal) for row in rows]
            return TemplateResponse(
                request,
                "legal/admin/import_preview.html",
                {
                    "portal": portal,
                    "file_name": upload.name,
                    "source_text": text,
                    "previews": previews,
                    "ok_count": sum(1 for p in previews if not p["errors"]),
                    "publishes": services.may_publish_directly(request.user),
                },
            )
    return TemplateResponse(
        request,
        "legal/admin/import_upload.html",
        {"form": form, "publishes": services.may_publish_directly(request.user)},
    )


def _preview(row: importers.Row, portal) -> dict:
    errors = list(row.errors)
    parsed = row.parsed
    existing = None
    if parsed is not None and not errors:
        try:
            services.validate(parsed)
        except ValidationError as error:
            errors.extend(error.messages)
        existing = services.existing_document(parsed, portal)
    return {
        "label": row.label,
        "parsed": parsed,
        "form_name": FORM_NAMES.get(parsed.form, "") if parsed else "",
        "errors": errors,
        "existing": existing,
    }


def _confirm(request, portals):
    portal = next((p for p in portals if str(p.pk) == request.POST.get("portal")), None)
    if portal is None:
        raise PermissionDenied
    name = request.POST.get("file_name", "van-ban.txt")
    rows = importers.read_source(name, request.POST.get("source_text", ""))
    report = importers.import_rows(
        rows,
        portal=portal,
        by=request.user,
        publish=services.may_publish_directly(request.user),
    )
    for failure in report.failures:
        messages.error(request, f"{failure.label}: {failure.message}")
    if report.imported:
        done = _("Đã nhập %(n)d văn bản.") % {"n": len(report.imported)}
        if not services.may_publish_directly(request.user):
            done += " " + _("Các văn bản đã được gửi duyệt theo quy trình của cổng.")
        messages.success(request, done)
    index_page = services.index_for(portal)
    return redirect(reverse("wagtailadmin_explore", args=[index_page.pk]))
