"""Wagtail admin views for agency staff: the dossiers of their portals, the
steps of a dossier, counter/post dossiers and payment confirmations.

Every view is scoped to the portals on whose board the user sits; another
portal's dossier is a 404.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from eportal.dossiers import forms, payments
from eportal.dossiers import services as dossier_services
from eportal.dossiers.models import Dossier, Payment, Status
from eportal.portals import access
from eportal.procedures.models import ProcedurePage


def dossier_list(request):
    access.require(request.user, "dossiers.handle")
    qs = access.scope(
        Dossier.objects.select_related("agency", "portal"), request.user, "dossiers.handle"
    )
    status = request.GET.get("status", "")
    if status in Status.values:
        qs = qs.filter(status=status)
    query = (request.GET.get("q") or "").strip()
    if query:
        qs = qs.filter(code__icontains=query) | qs.filter(applicant_name__icontains=query)
    page_obj = Paginator(qs.order_by("-submitted_at"), 50).get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "dossiers/admin/dossier_list.html",
        {"page_obj": page_obj, "statuses": Status.choices, "status": status, "q": query},
    )


def _staff_dossier(request, code) -> Dossier:
    dossier = Dossier.objects.select_related("agency", "portal").filter(code=code).first()
    if dossier is None or not access.may(request.user, "dossiers.handle", dossier.portal_id):
        raise Http404
    return dossier


STEP_FUNCTIONS = {
    "accepted": lambda d, by, f: dossier_services.accept(d, by=by, note=f["note"]),
    "processing": lambda d, by, f: dossier_services.start_processing(d, by=by, note=f["note"]),
    "supplement": lambda d, by, f: dossier_services.request_supplement(
        d, by=by, items=f["items"], note=f["note"]
    ),
    "not_accepted": lambda d, by, f: dossier_services.refuse(d, by=by, reason=f["note"]),
    "payment": lambda d, by, f: dossier_services.request_payment(
        d, by=by, amount=f["amount"] or d.fee_amount, note=f["note"]
    ),
    "done": lambda d, by, f: dossier_services.finish(d, by=by, note=f["note"]),
    "returned": lambda d, by, f: dossier_services.return_result(d, by=by, note=f["note"]),
    "stopped": lambda d, by, f: dossier_services.stop(d, by=by, reason=f["note"]),
    "apology": lambda d, by, f: dossier_services.apologize(
        d, by=by, new_date=f["new_date"], reason=f["note"]
    ),
}


def dossier_detail(request, code):
    dossier = _staff_dossier(request, code)
    form = forms.StepForm(request.POST or None)
    allowed = dossier_services.TRANSITIONS[dossier.status]
    form.fields["action"].choices = [
        (value, label)
        for value, label in forms.StepForm.ACTIONS
        if value in allowed or (value == "apology" and dossier.due_date and dossier.is_open)
    ]
    if request.method == "POST" and form.is_valid():
        try:
            STEP_FUNCTIONS[form.cleaned_data["action"]](dossier, request.user, form.cleaned_data)
        except ValidationError as error:
            errors = (
                error.message_dict if hasattr(error, "error_dict") else {"__all__": error.messages}
            )
            for field, items in errors.items():
                form.add_error(field if field in form.fields else None, items)
        except PermissionDenied as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Đã cập nhật hồ sơ %(code)s.") % {"code": dossier.code})
            return redirect("dossiers_admin:dossier", code=dossier.code)
    return TemplateResponse(
        request,
        "dossiers/admin/dossier_detail.html",
        {
            "dossier": dossier,
            "form": form,
            "events": dossier.events.select_related("actor"),
            "files": dossier.files.all(),
            "payments": dossier.payments.all(),
        },
    )


@require_POST
def confirm_payment(request, payment_id):
    payment = get_object_or_404(Payment.objects.select_related("dossier__portal"), pk=payment_id)
    if not access.may(request.user, "dossiers.handle", payment.dossier.portal_id):
        raise Http404
    provider = payments.get_provider(
        payment.provider or "counter-transfer"
    ) or payments.get_provider("counter-transfer")
    reference = (request.POST.get("reference") or "").strip()[:60]
    try:
        provider.confirm(payment, by=request.user, reference=reference)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Đã xác nhận thanh toán."))
    return redirect("dossiers_admin:dossier", code=payment.dossier.code)


def counter_dossier(request):
    access.require(request.user, "dossiers.handle")
    procedures = access.scope_pages(
        ProcedurePage.objects.filter(locale__language_code="vi").select_related("agency"),
        request.user,
        "dossiers.handle",
    )
    form = forms.CounterDossierForm(
        request.POST or None,
        procedures=procedures.order_by("title"),
        initial={"submission_key": forms.new_submission_key()},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            dossier, _created = dossier_services.submit_dossier(
                data["procedure"],
                user=None,
                answers=[(_("Ghi chú"), data["note"])] if data["note"] else [],
                files={},
                submission_key=data["submission_key"],
                channel=data["channel"],
                applicant={
                    "name": data["applicant_name"],
                    "phone": data["applicant_phone"],
                    "email": data["applicant_email"],
                    "address": data["applicant_address"],
                },
                received_by=request.user,
            )
        except (ValidationError, PermissionDenied) as error:
            for message in getattr(error, "messages", [str(error)]):
                form.add_error(None, message)
        else:
            messages.success(request, _("Đã ghi nhận hồ sơ %(code)s.") % {"code": dossier.code})
            return redirect("dossiers_admin:dossier", code=dossier.code)
    return TemplateResponse(request, "dossiers/admin/counter_dossier.html", {"form": form})
