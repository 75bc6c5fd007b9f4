"""Citizen-facing views of dossiers: the online form (served under a procedure's
page), dossier tracking, files, printed forms and payment; and the public
statistics of dossiers (under the catalogue's ``thong-ke/``).

Only the dossier's owner and the agency's staff see a dossier, its files and
its printed forms; anyone else gets the same 404 as for a code that does not
exist.
"""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from eportal.citizens.queries import is_citizen
from eportal.core import clock, xlsx
from eportal.core.forms import copy_errors
from eportal.core.printing import serve_pdf
from eportal.core.uploads import private_file_response
from eportal.dossiers import documents, forms, payments, queries, services, statistics
from eportal.dossiers.models import Dossier, DossierDraft, Status
from eportal.portals.models import Agency
from eportal.procedures.models import ProcedurePage


def _citizen_required(request):
    if not is_citizen(request.user):
        return HttpResponseRedirect(
            reverse("citizens:sign_in") + "?next=" + request.get_full_path()
        )
    return None


def my_dossiers(request):
    if (response := _citizen_required(request)) is not None:
        return response
    dossiers = Dossier.objects.filter(applicant=request.user).select_related("agency")
    return render(request, "dossiers/my_dossiers.html", {"dossiers": dossiers})


# --- Online form --------------------------------------------------------------


def _own_draft(request, procedure, key) -> DossierDraft | None:
    if not key:
        return None
    return (
        DossierDraft.objects.filter(key=key, user=request.user, procedure=procedure)
        .prefetch_related("files")
        .first()
    )


def submit(request, procedure):
    """The online form of a procedure (route ``nop-ho-so/`` of its page).

    Filling it in leads to a review page (``review``) where the citizen checks
    the answers and files, declares them true and sends the dossier. Coming
    back from the review (``?sua=<key>``) shows the answers again and keeps the
    files already uploaded unless new ones replace them.
    """
    if not procedure.is_online:
        raise Http404
    if (response := _citizen_required(request)) is not None:
        return response
    key = request.POST.get("submission_key") or request.GET.get("sua") or ""
    draft = _own_draft(request, procedure, key)
    kept = {item.component for item in draft.files.all()} if draft else set()
    form_class = forms.procedure_form_class(procedure, kept=kept)
    if request.method == "POST":
        form = form_class(request.POST, request.FILES)
        reviewing = request.POST.get("buoc") == "xem-lai"
        if not reviewing and request.POST.get("cam_doan") != "1":
            form.add_error(
                None, _("Vui lòng xác nhận đã kiểm tra lại và cam đoan thông tin là đúng.")
            )
        if form.is_valid():
            submission_key = form.cleaned_data.get("submission_key") or forms.new_submission_key()
            try:
                if reviewing:
                    draft = services.save_draft(
                        procedure,
                        user=request.user,
                        key=submission_key,
                        answers=form.answers(),
                        files=form.files_by_component(),
                    )
                else:
                    # Answers and files declared true in one step (a client
                    # that shows its own review): sent at once.
                    dossier, _created = services.submit_dossier(
                        procedure,
                        user=request.user,
                        answers=form.answers(),
                        files=form.files_by_component(),
                        submission_key=submission_key,
                    )
            except ValidationError as error:
                copy_errors(form, error, field_for=form.component_field)
            else:
                if reviewing:
                    return redirect(
                        procedure.get_url(request)
                        + procedure.reverse_subpage("review", args=[draft.key])
                    )
                return _sent(request, dossier)
    elif draft is not None:
        form = form_class(
            initial={"submission_key": draft.key} | form_class.initial_from(draft.answers)
        )
    else:
        form = form_class(initial={"submission_key": forms.new_submission_key()})
    context = procedure.get_context(request) | {"form": form, "page": procedure, "draft": draft}
    return render(request, "dossiers/submit.html", context)


def review(request, procedure, key):
    """Check a filled-in form before sending it; send it with the declaration."""
    if not procedure.is_online:
        raise Http404
    if (response := _citizen_required(request)) is not None:
        return response
    draft = _own_draft(request, procedure, key)
    if draft is None:
        sent = Dossier.objects.filter(submission_key=key, applicant=request.user).first()
        if sent is not None:  # sent already (a second click, the back button)
            return redirect("dossiers:dossier", code=sent.code)
        raise Http404
    error = None
    if request.method == "POST":
        if request.POST.get("cam_doan") != "1":
            error = _("Vui lòng xác nhận đã kiểm tra lại và cam đoan thông tin là đúng.")
        else:
            try:
                dossier, _created = services.submit_draft(draft)
            except (ValidationError, PermissionDenied) as problem:
                error = " ".join(getattr(problem, "messages", [str(problem)]))
            else:
                return _sent(request, dossier)
    context = procedure.get_context(request) | {
        "page": procedure,
        "draft": draft,
        "error": error,
        "edit_url": procedure.get_url(request)
        + procedure.reverse_subpage("submit")
        + f"?sua={draft.key}",
    }
    return render(request, "dossiers/review.html", context, status=400 if error else 200)


def _sent(request, dossier):
    messages.success(
        request, _("Đã gửi hồ sơ. Mã hồ sơ của bạn là %(code)s.") % {"code": dossier.code}
    )
    return redirect("dossiers:dossier", code=dossier.code)


# --- Dossiers -----------------------------------------------------------------


def _visible_dossier(request, code) -> Dossier:
    dossier = (
        Dossier.objects.select_related("agency", "portal", "procedure").filter(code=code).first()
    )
    if dossier is None or not queries.can_see_dossier(request.user, dossier):
        raise Http404
    return dossier


def dossier_detail(request, code):
    dossier = _visible_dossier(request, code)
    events = dossier.events.select_related("actor")
    payment = dossier.open_payment
    context = {
        "dossier": dossier,
        "events": events,
        "files": dossier.files.all(),
        "is_owner": dossier.applicant_id == request.user.pk,
        "supplement_form": forms.SupplementForm(procedure=dossier.procedure)
        if dossier.status == Status.SUPPLEMENT_REQUESTED and dossier.procedure
        else None,
        "can_withdraw": Status.WITHDRAWN in services.TRANSITIONS[dossier.status],
        "payment": payment,
        "providers": payments.providers().values() if payment else [],
        "printed_forms": sorted({e.form for e in events if e.form}),
    }
    return render(request, "dossiers/dossier.html", context)


def dossier_form_pdf(request, code, form):
    dossier = _visible_dossier(request, code)
    if form not in documents.FORMS or (
        form != "01" and documents.form_event(dossier, form) is None
    ):
        raise Http404
    return serve_pdf(request, documents.form_html(dossier, form), f"{dossier.code}-mau-{form}.pdf")


def dossier_file(request, code, file_id):
    dossier = _visible_dossier(request, code)
    item = get_object_or_404(dossier.files, pk=file_id)
    return private_file_response(item.file, item.original_name)


@require_POST
def dossier_supply(request, code):
    dossier = _visible_dossier(request, code)
    form = forms.SupplementForm(request.POST, request.FILES, procedure=dossier.procedure)
    if form.is_valid():
        try:
            services.supply(
                dossier,
                by=request.user,
                files={form.cleaned_data["component"]: form.cleaned_data["files"]},
                note=form.cleaned_data["note"],
            )
        except (ValidationError, PermissionDenied) as error:
            for message in getattr(error, "messages", [str(error)]):
                messages.error(request, message)
        else:
            messages.success(request, _("Đã bổ sung hồ sơ; hồ sơ tiếp tục được xử lý."))
    else:
        for items in form.errors.values():
            for message in items:
                messages.error(request, message)
    return redirect("dossiers:dossier", code=dossier.code)


@require_POST
def dossier_withdraw(request, code):
    dossier = _visible_dossier(request, code)
    try:
        services.withdraw(dossier, by=request.user, reason=request.POST.get("note", ""))
    except (ValidationError, PermissionDenied) as error:
        for message in getattr(error, "messages", [str(error)]):
            messages.error(request, message)
    else:
        messages.success(request, _("Đã rút hồ sơ."))
    return redirect("dossiers:dossier", code=dossier.code)


@require_POST
def dossier_pay(request, code):
    dossier = _visible_dossier(request, code)
    payment = dossier.open_payment
    provider = payments.get_provider(request.POST.get("provider", ""))
    if payment is None or provider is None or dossier.applicant_id != request.user.pk:
        messages.error(request, _("Không có khoản thanh toán nào cần thực hiện."))
        return redirect("dossiers:dossier", code=dossier.code)
    instructions = provider.start(payment)
    return render(
        request,
        "dossiers/payment.html",
        {"dossier": dossier, "instructions": instructions, "provider": provider},
    )


# --- Public statistics (the catalogue's thong-ke/) ------------------------------


def _report_from_params(request, index_page):
    params = request.GET
    today = clock.today()
    errors = []
    start = statistics.parse_month(params.get("tu"))
    end = statistics.parse_month(params.get("den"))
    if params.get("tu") and start is None:
        errors.append(_("Tháng bắt đầu không hợp lệ (định dạng NNNN-TT)."))
    if params.get("den") and end is None:
        errors.append(_("Tháng kết thúc không hợp lệ (định dạng NNNN-TT)."))
    start = statistics.month_start(start or date(today.year, 1, 1))
    end = statistics.month_end(end or today)
    if end < start:
        start, end = statistics.month_start(end), statistics.month_end(start)
    if (end.year - start.year) * 12 + end.month - start.month >= 36:
        errors.append(_("Chỉ thống kê tối đa 36 tháng; đã rút ngắn khoảng thời gian."))
        start = statistics.month_start(date(end.year - 3, end.month, 1).replace(day=1))
        start = date(start.year + (start.month == 12), start.month % 12 + 1, 1)
    agency = params.get("co_quan") or ""
    agency_id = int(agency) if agency.isdigit() else None
    code = (params.get("thu_tuc") or "").strip()[:50]
    report = statistics.build_report(
        start=start,
        end=end,
        portal=getattr(request, "portal", None),
        agency_id=agency_id,
        procedure_code=code,
    )
    return report, errors, agency_id, code


def statistics_view(request, index_page):
    report, errors, agency_id, code = _report_from_params(request, index_page)
    chart = statistics.bar_chart(
        report.months,
        title=_("Hồ sơ tiếp nhận, giải quyết đúng hạn và quá hạn theo tháng"),
    )
    # Agencies that implement a procedure (a small table), not a join over dossiers.
    procedures = ProcedurePage.objects.filter(locale_id=index_page.locale_id)
    portal = getattr(request, "portal", None)
    if portal is not None and not portal.is_main:
        procedures = procedures.descendant_of(index_page)
    agencies = Agency.objects.filter(pk__in=procedures.values("agency_id")).order_by("name")
    export_query = request.GET.urlencode()
    context = index_page.get_context(request) | {
        "report": report,
        "errors": errors,
        "chart": chart,
        "metrics": statistics.METRICS,
        "procedure_rows": statistics.table_rows(report.procedures, with_code=True),
        "agency_rows": statistics.table_rows(report.agencies),
        "agencies": agencies,
        "agency_id": agency_id,
        "procedure_code": code,
        "export_query": export_query,
        "start_month": f"{report.start:%Y-%m}",
        "end_month": f"{report.end:%Y-%m}",
    }
    return TemplateResponse(request, "dossiers/statistics.html", context)


def statistics_export(request, index_page, fmt):
    report, _errors, _agency, _code = _report_from_params(request, index_page)
    name = f"thong-ke-thu-tuc-{report.start:%Y%m}-{report.end:%Y%m}"
    if fmt == "xlsx":
        return xlsx.response(statistics.to_xlsx(report), f"{name}.xlsx")
    response = HttpResponse(statistics.to_csv(report), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return response
