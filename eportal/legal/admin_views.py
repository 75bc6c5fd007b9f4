"""Staff import in the admin: upload a file, see the fields read from it, confirm.

Only portals on whose /van-ban/ page the user may add pages are offered. A
super-administrator's import is published at once; a board member's is
saved as a draft and submitted to the portal's workflow (services module).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from django import forms
from django.conf import settings
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
            "Toàn văn một văn bản: .docx hoặc .pdf như hệ thống văn bản điện tử gửi (tệp "
            "gốc được đính kèm để tải về), hoặc .txt chép từ trang web; hoặc danh sách .csv/.json."
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
            raise ValidationError(str(importers.ACCEPTED))
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
            data = upload.read()
            original = importers.kind_of(upload.name) in ("docx", "pdf")
            # A DOCX or PDF waits, kept privately, for the confirmation that attaches it.
            digest = _keep_upload(data) if original else ""
            text = "" if original else importers.decode_bytes(data)
            rows = importers.read_bytes(upload.name, data)
            previews = [_preview(row, portal) for row in rows]
            return TemplateResponse(
                request,
                "legal/admin/import_preview.html",
                {
                    "portal": portal,
                    "file_name": upload.name,
                    "source_text": text,
                    "upload_digest": digest,
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
        # The fields to check by eye, and why (text and site disagree, a guess…).
        "unsure": set(parsed.unsure()) if parsed else set(),
        "warnings": parsed.warnings if parsed else [],
        "attachments": [a.name for a in row.attachments],
    }


def _uploads_dir() -> Path:
    return Path(settings.EPORTAL_PRIVATE_ROOT) / "legal-uploads"


def _keep_upload(data: bytes) -> str:
    digest = hashlib.sha256(data).hexdigest()
    path = _uploads_dir() / f"{digest}.bin"
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        path.write_bytes(data)
    return digest


def _kept_upload(digest: str) -> bytes | None:
    if not re.fullmatch(r"[0-9a-f]{64}", digest):
        return None
    path = _uploads_dir() / f"{digest}.bin"
    return path.read_bytes() if path.exists() else None


def _confirm(request, portals):
    portal = next((p for p in portals if str(p.pk) == request.POST.get("portal")), None)
    if portal is None:
        raise PermissionDenied
    name = request.POST.get("file_name", "van-ban.txt")
    digest = request.POST.get("upload_digest", "")
    if digest:
        data = _kept_upload(digest)
        if data is None:
            messages.error(request, _("Tệp đã tải lên không còn: vui lòng tải lên lại."))
            return redirect(reverse("legal_import"))
        rows = importers.read_bytes(name, data)
    else:
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
