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
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Page, WorkflowState

from eportal.editorial import services as editorial
from eportal.legal import importers, services
from eportal.legal.models import ImportBatch, ImportBatchItem
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
        {
            "form": form,
            "publishes": services.may_publish_directly(request.user),
            "batches": recent_batches(request.user),
        },
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
        "errors": errors,
        "existing": existing,
        # The fields to check by eye, and why (text and site disagree, a guess…).
        "fields": field_rows(_values(parsed), parsed.confidence, set(parsed.unsure()))
        if parsed
        else [],
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
    batch = services.record_batch(portal, request.user, name, report.imported)
    if batch is None:
        return redirect(reverse("legal_import"))
    done = _("Đã nhập %(n)d văn bản.") % {"n": len(report.imported)}
    if not services.may_publish_directly(request.user):
        done += " " + _("Các văn bản đã được gửi duyệt theo quy trình của cổng.")
    messages.success(request, done)
    return redirect(reverse("legal_import_batch", args=[batch.pk]))


# --- A batch: review it, approve it through the workflow --------------------------------

FIELD_LABELS = [
    ("number", gettext_lazy("Số ký hiệu")),
    ("form", gettext_lazy("Hình thức")),
    ("issuer", gettext_lazy("Cơ quan ban hành")),
    ("issued", gettext_lazy("Nơi, ngày ban hành")),
    ("effective", gettext_lazy("Ngày có hiệu lực")),
    ("signer", gettext_lazy("Người ký")),
    ("title", gettext_lazy("Trích yếu")),
]


def field_rows(values: dict, confidence: dict, unsure) -> list[dict]:
    """The fields a person checks, each with its value, the parser's confidence
    (per cent) and whether it is one to check by eye."""
    return [
        {
            "name": name,
            "label": label,
            "value": values.get(name) or "—",
            "confidence": round(confidence[name] * 100) if name in confidence else None,
            "unsure": name in unsure,
        }
        for name, label in FIELD_LABELS
    ]


def _values(document) -> dict:
    """The fields as the review screens show them, from a page or parsed fields."""
    form = FORM_NAMES.get(document.form, "")
    issued = document.issued.strftime("%d/%m/%Y") if document.issued else ""
    effective = document.effective.strftime("%d/%m/%Y") if document.effective else ""
    if document.effective_rule:
        effective = f"{effective} ({document.effective_rule})".strip()
    title = getattr(document, "summary", None) or getattr(document, "title", "")
    return {
        "number": document.number,
        "form": form,
        "issuer": document.issuer,
        "issued": f"{document.place} {issued}".strip(),
        "effective": effective,
        "signer": document.signer,
        "title": title,
    }


def _state_of(page) -> tuple[str, str]:
    """(code, text) of where the document stands in the workflow."""
    state = page.current_workflow_state
    if state is not None and state.current_task_state is not None:
        return "waiting", _("Chờ bước “%(task)s”") % {"task": state.current_task_state.task.name}
    if page.live and not page.has_unpublished_changes:
        return "published", _("Đã xuất bản")
    return "draft", _("Bản nháp (không trong quy trình duyệt)")


def _batch_for(request, batch_id: int):
    batch = ImportBatch.objects.select_related("portal", "created_by").filter(pk=batch_id).first()
    if batch is None or not access.may(request.user, "legal.import", batch.portal):
        raise PermissionDenied
    return batch


def batch_view(request, batch_id: int):
    batch = _batch_for(request, batch_id)
    items = list(batch.items.select_related("page").order_by("pk"))
    if request.method == "POST":
        action = request.POST.get("action")
        if action not in ("approve", "reject"):
            messages.error(request, _("Hãy chọn duyệt hoặc trả lại."))
            return redirect(reverse("legal_import_batch", args=[batch.pk]))
        chosen = {int(v) for v in request.POST.getlist("page") if v.isdigit()}
        pages = [item.page for item in items if item.page_id in chosen]
        if not pages:
            messages.error(request, _("Chưa chọn văn bản nào."))
            return redirect(reverse("legal_import_batch", args=[batch.pk]))
        comment = request.POST.get("comment", "").strip()[:2000]
        if action == "reject" and not comment:
            messages.error(request, _("Khi trả lại, hãy ghi lý do để người nhập sửa."))
            return redirect(reverse("legal_import_batch", args=[batch.pk]))
        review = editorial.review_pages(pages, request.user, action, comment)
        if review.published:
            messages.success(
                request, _("Đã duyệt và xuất bản %(n)d văn bản.") % {"n": len(review.published)}
            )
        if review.approved:
            messages.success(
                request,
                _("Đã duyệt %(n)d văn bản; văn bản chuyển sang bước duyệt tiếp theo.")
                % {"n": len(review.approved)},
            )
        if review.rejected:
            messages.success(
                request, _("Đã trả lại %(n)d văn bản cho người nhập.") % {"n": len(review.rejected)}
            )
        for page, reason in review.skipped:
            messages.warning(request, f"{page.number}: {reason}")
        return redirect(reverse("legal_import_batch", args=[batch.pk]))

    rows = []
    for item in items:
        page = item.page.get_latest_revision_as_object()
        code, state = _state_of(item.page)
        actions = set()
        workflow_state = item.page.current_workflow_state
        if workflow_state and workflow_state.current_task_state:
            task = workflow_state.current_task_state.task.specific
            actions = {name for name, *_rest in task.get_actions(item.page, request.user)}
        rows.append(
            {
                "item": item,
                "page": item.page,
                "state": state,
                "state_code": code,
                "reviewable": "approve" in actions,
                "fields": field_rows(_values(page), item.confidence, set(item.unsure())),
            }
        )
    return TemplateResponse(
        request,
        "legal/admin/import_batch.html",
        {
            "batch": batch,
            "rows": rows,
            "reviewable": sum(1 for row in rows if row["reviewable"]),
            "waiting": sum(1 for row in rows if row["state_code"] == "waiting"),
        },
    )


def recent_batches(user, limit: int = 10) -> list[ImportBatch]:
    """The latest batches of the portals the user imports into, each with its
    number of documents and how many of them wait in the workflow."""
    portals = [p.pk for p in access.portals(user, "legal.import")]
    batches = list(
        ImportBatch.objects.filter(portal__in=portals)
        .select_related("portal", "created_by")
        .annotate(documents=Count("items"))[:limit]
    )
    pages = ImportBatchItem.objects.filter(batch__in=batches).values_list("batch_id", "page_id")
    waiting = set(
        WorkflowState.objects.filter(
            status=WorkflowState.STATUS_IN_PROGRESS,
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=[str(page_id) for _batch, page_id in pages],
        ).values_list("object_id", flat=True)
    )
    for batch in batches:
        batch.waiting = sum(1 for b, page_id in pages if b == batch.pk and str(page_id) in waiting)
    return batches
