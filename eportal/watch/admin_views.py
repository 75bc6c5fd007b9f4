"""Admin views of the watch (/admin/watch/…). Every view asks ``access``
("watch.view"): a portal's technical administrators see their portal, the
Department (super-administrators, the main portal's administrators) every
portal. Audit trail views are prefixed ``audit_``, integrity ones ``integrity_``."""

from __future__ import annotations

import csv
import io
from datetime import date

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.log_actions import registry as log_action_registry

from eportal.core import xlsx
from eportal.portals import access
from eportal.watch import audit, integrity
from eportal.watch.models import WatchAlert
from eportal.watch.services import resolve_alert

EXPORT_LIMIT = 50000


class AuditFilterForm(forms.Form):
    portal = forms.ModelChoiceField(
        label=gettext_lazy("Cổng"),
        queryset=None,
        required=False,
        empty_label=gettext_lazy("Tất cả"),
    )
    start = forms.DateField(
        label=gettext_lazy("Từ ngày"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    end = forms.DateField(
        label=gettext_lazy("Đến ngày"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    username = forms.CharField(
        label=gettext_lazy("Người thực hiện (tên đăng nhập)"), required=False, max_length=150
    )
    action = forms.ChoiceField(label=gettext_lazy("Thao tác"), required=False)
    q = forms.CharField(label=gettext_lazy("Tìm trong nội dung"), required=False, max_length=200)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["portal"].queryset = access.portals(user, "watch.view").order_by("name")
        self.fields["action"].choices = [("", _("Tất cả"))] + sorted(
            ((name, str(label)) for name, label in log_action_registry.get_choices()),
            key=lambda choice: choice[1],
        )

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            raise forms.ValidationError(_("“Từ ngày” phải trước hoặc bằng “Đến ngày”."))
        return data


def _filtered(request):
    form = AuditFilterForm(request.GET or None, user=request.user)
    filters = {}
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        actor = None
        if data["username"]:
            actor = get_user_model().objects.filter(username=data["username"].strip()).first()
            if actor is None:
                form.add_error("username", _("Không có người dùng này."))
        filters = {
            "portal": data["portal"],
            "start": data["start"],
            "end": data["end"],
            "action": data["action"],
            "text": data["q"].strip(),
        }
        if data["username"]:
            filters["actor"] = actor if actor is not None else get_user_model()(pk=0)
    elif form.is_bound:  # a bad filter lists nothing rather than everything
        filters = {"actor": get_user_model()(pk=0)}
    return form, audit.entries(request.user, **filters)


def _rows(entries):
    """Label the entries (dicts) with their portal, user and action names."""
    entries = list(entries)
    by_path = access.portals_by_home_path()
    by_id = {p.pk: p for p in by_path.values()}
    users = dict(
        get_user_model()
        .objects.filter(pk__in={e["user_id"] for e in entries if e["user_id"]})
        .values_list("pk", "username")
    )
    from wagtail.models import Page

    for entry in entries:
        data = entry["data"] or {}
        if isinstance(data, str):
            import json

            data = json.loads(data)
        if entry["page_path"]:
            portal = by_path.get(entry["page_path"][: Page.steplen * 2])
        else:
            portal = by_id.get(data.get("portal")) if isinstance(data, dict) else None
        entry["data"] = data
        entry["portal"] = portal
        entry["username"] = users.get(entry["user_id"], "")
        entry["action_label"] = _action_label(entry["action"])
        entry["ip"] = data.get("ip") or "" if isinstance(data, dict) else ""
        entry["when"] = timezone.localtime(entry["timestamp"])
    return entries


def _action_label(action: str):
    try:
        return log_action_registry.get_action_label(action)
    except KeyError:  # an action of an app since removed
        return action


EXPORT_HEADER = [
    gettext_lazy("Thời điểm"),
    gettext_lazy("Cổng"),
    gettext_lazy("Người thực hiện"),
    gettext_lazy("Thao tác"),
    gettext_lazy("Đối tượng"),
    gettext_lazy("Địa chỉ IP"),
]


def _export_values(entry) -> list:
    return [
        entry["when"].strftime("%d/%m/%Y %H:%M:%S"),
        entry["portal"].name if entry["portal"] else "",
        entry["username"],
        str(entry["action_label"]),
        entry["label"],
        entry["ip"],
    ]


def audit_log(request):
    access.require(request.user, "watch.view")
    form, entries = _filtered(request)
    export = request.GET.get("export")
    if export in ("csv", "xlsx"):
        rows = [_export_values(e) for e in _rows(entries[:EXPORT_LIMIT])]
        stamp = date.today().strftime("%Y%m%d")
        if export == "csv":
            out = io.StringIO()
            out.write("\ufeff")  # Excel reads UTF-8 with a BOM
            writer = csv.writer(out)
            writer.writerow([str(h) for h in EXPORT_HEADER])
            writer.writerows(rows)
            reply = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
            reply["Content-Disposition"] = f'attachment; filename="nhat-ky-{stamp}.csv"'
            return reply
        content = xlsx.workbook(
            _("Nhật ký"),
            EXPORT_HEADER,
            rows,
            heading=[_("Nhật ký thao tác của cán bộ")],
            widths=(20, 28, 20, 28, 50, 18),
        )
        return xlsx.response(content, f"nhat-ky-{stamp}.xlsx")
    page_obj = Paginator(entries, 50).get_page(request.GET.get("p"))
    page_obj.object_list = _rows(page_obj.object_list)
    query = request.GET.copy()
    query.pop("p", None)
    query.pop("export", None)
    return TemplateResponse(
        request,
        "watch/admin/audit_log.html",
        {"form": form, "page_obj": page_obj, "query": query.urlencode()},
    )


# --- Integrity alerts ----------------------------------------------------------


def _alerts(user):
    return access.scope(
        WatchAlert.objects.select_related("portal", "resolved_by"), user, "watch.view"
    )


def integrity_alerts(request):
    access.require(request.user, "watch.view")
    show = request.GET.get("show", "open")
    alerts = _alerts(request.user)
    kind = request.GET.get("kind", "")
    if kind in WatchAlert.Kind.values:
        alerts = alerts.filter(kind=kind)
    if show != "all":
        alerts = alerts.filter(resolved_at__isnull=True)
    page_obj = Paginator(alerts.order_by("-last_seen_at"), 50).get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "watch/admin/alerts.html",
        {"page_obj": page_obj, "show": show, "kind": kind, "kinds": WatchAlert.Kind.choices},
    )


def _alert(request, alert_id) -> WatchAlert:
    access.require(request.user, "watch.view")
    return get_object_or_404(_alerts(request.user), pk=alert_id)


@require_POST
def integrity_resolve(request, alert_id):
    alert = _alert(request, alert_id)
    resolution = (request.POST.get("resolution") or "").strip()[:2000]
    resolve_alert(alert, by=request.user, resolution=resolution or _("Đã xem xét."))
    messages.success(request, _("Đã đóng cảnh báo “%(title)s”.") % {"title": alert.title})
    return redirect("watch_alerts")


@require_POST
def integrity_restore(request, alert_id):
    alert = _alert(request, alert_id)
    if not alert.key.startswith("page:") or not alert.is_open:
        raise Http404
    try:
        page = integrity.restore(alert, by=request.user)
    except integrity.NothingToRestore:
        messages.error(request, _("Trang này không còn bản đã duyệt đang xuất bản để khôi phục."))
        return redirect("watch_alerts")
    messages.success(
        request, _("Đã khôi phục bản đã duyệt của trang “%(title)s”.") % {"title": page.title}
    )
    return redirect("watch_alerts")
