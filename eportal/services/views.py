"""Citizen-facing views: accounts, the online form, dossier tracking and files.

Only the dossier's owner and the agency's staff see a dossier, its files and
its printed forms; anyone else gets the same 404 as for a code that does not
exist.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, get_user_model, login, logout
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from eportal.core import mail
from eportal.core.printing import serve_pdf
from eportal.services import documents, forms, payments
from eportal.services import services as procedure_services
from eportal.services.models import Dossier, DossierDraft, Status


def _safe_next(request, fallback):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


# --- Accounts -----------------------------------------------------------------


def register(request):
    form = forms.RegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user, token = procedure_services.register_citizen(
                full_name=data["full_name"],
                email=data["email"],
                password=data["password1"],
                phone=data.get("phone", ""),
            )
        except ValidationError as error:
            for field, messages_ in error.message_dict.items():
                form.add_error(field if field in form.fields else None, messages_)
        else:
            link = request.build_absolute_uri(reverse("services:verify", args=[token]))
            mail.send(
                [user.email],
                template="public_services/email/verify.txt",
                context={"user": user, "link": link},
                subject=_("Xác thực tài khoản dịch vụ công"),
                language=mail.recipient_language(),
            )
            return render(request, "public_services/account/registered.html", {"email": user.email})
    return render(request, "public_services/account/register.html", {"form": form})


def verify(request, token):
    try:
        user = procedure_services.verify_email(token)
    except ValidationError as error:
        return render(
            request,
            "public_services/account/verify_failed.html",
            {"message": error.messages[0]},
            status=400,
        )
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    messages.success(request, _("Đã xác thực địa chỉ thư điện tử. Tài khoản đã sẵn sàng."))
    return redirect("services:my_dossiers")


def sign_in(request):
    form = forms.SignInForm(request.POST or None)
    oidc_url = getattr(settings, "EPORTAL_CITIZEN_OIDC_LOGIN_URL", "")
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"].strip().lower()
        user = authenticate(request, username=email, password=form.cleaned_data["password"])
        if user is None:
            pending = get_user_model().objects.filter(
                username=email, is_active=False, citizen_profile__email_verified_at__isnull=True
            )
            if pending.exists():
                form.add_error(
                    None, _("Tài khoản chưa được xác thực: hãy mở liên kết trong thư đã gửi.")
                )
            else:
                form.add_error(None, _("Thư điện tử hoặc mật khẩu không đúng."))
        elif not procedure_services.is_citizen(user):
            form.add_error(
                None, _("Đây là tài khoản cán bộ: vui lòng đăng nhập tại trang quản trị.")
            )
        else:
            login(request, user)
            return HttpResponseRedirect(_safe_next(request, reverse("services:my_dossiers")))
    return render(
        request,
        "public_services/account/sign_in.html",
        {"form": form, "next": request.GET.get("next", ""), "oidc_url": oidc_url},
    )


@require_POST
def sign_out(request):
    logout(request)
    return redirect((getattr(request, "portal_prefix", "") or "") + "/")


def _citizen_required(request):
    if not procedure_services.is_citizen(request.user):
        return HttpResponseRedirect(
            reverse("services:sign_in") + "?next=" + request.get_full_path()
        )
    return None


def my_dossiers(request):
    if (response := _citizen_required(request)) is not None:
        return response
    dossiers = Dossier.objects.filter(applicant=request.user).select_related("agency")
    return render(request, "public_services/my_dossiers.html", {"dossiers": dossiers})


# --- Online form --------------------------------------------------------------


def _form_errors(form, error: ValidationError) -> None:
    errors = error.message_dict if hasattr(error, "error_dict") else {"__all__": error.messages}
    for key, items in errors.items():
        form.add_error(None if key == "__all__" else form.component_field(key), items)


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
                    draft = procedure_services.save_draft(
                        procedure,
                        user=request.user,
                        key=submission_key,
                        answers=form.answers(),
                        files=form.files_by_component(),
                    )
                else:
                    # Answers and files declared true in one step (a client
                    # that shows its own review): sent at once.
                    dossier, _created = procedure_services.submit_dossier(
                        procedure,
                        user=request.user,
                        answers=form.answers(),
                        files=form.files_by_component(),
                        submission_key=submission_key,
                    )
            except ValidationError as error:
                _form_errors(form, error)
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
    return render(request, "public_services/submit.html", context)


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
            return redirect("services:dossier", code=sent.code)
        raise Http404
    error = None
    if request.method == "POST":
        if request.POST.get("cam_doan") != "1":
            error = _("Vui lòng xác nhận đã kiểm tra lại và cam đoan thông tin là đúng.")
        else:
            try:
                dossier, _created = procedure_services.submit_draft(draft)
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
    return render(request, "public_services/review.html", context, status=400 if error else 200)


def _sent(request, dossier):
    messages.success(
        request, _("Đã gửi hồ sơ. Mã hồ sơ của bạn là %(code)s.") % {"code": dossier.code}
    )
    return redirect("services:dossier", code=dossier.code)


# --- Dossiers -----------------------------------------------------------------


def _visible_dossier(request, code) -> Dossier:
    dossier = (
        Dossier.objects.select_related("agency", "portal", "procedure").filter(code=code).first()
    )
    if dossier is None or not procedure_services.can_see_dossier(request.user, dossier):
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
        "can_withdraw": Status.WITHDRAWN in procedure_services.TRANSITIONS[dossier.status],
        "payment": payment,
        "providers": payments.providers().values() if payment else [],
        "printed_forms": sorted({e.form for e in events if e.form}),
    }
    return render(request, "public_services/dossier.html", context)


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
    try:
        handle = item.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(handle, as_attachment=True, filename=item.original_name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
def dossier_supply(request, code):
    dossier = _visible_dossier(request, code)
    form = forms.SupplementForm(request.POST, request.FILES, procedure=dossier.procedure)
    if form.is_valid():
        try:
            procedure_services.supply(
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
    return redirect("services:dossier", code=dossier.code)


@require_POST
def dossier_withdraw(request, code):
    dossier = _visible_dossier(request, code)
    try:
        procedure_services.withdraw(dossier, by=request.user, reason=request.POST.get("note", ""))
    except (ValidationError, PermissionDenied) as error:
        for message in getattr(error, "messages", [str(error)]):
            messages.error(request, message)
    else:
        messages.success(request, _("Đã rút hồ sơ."))
    return redirect("services:dossier", code=dossier.code)


@require_POST
def dossier_pay(request, code):
    dossier = _visible_dossier(request, code)
    payment = dossier.open_payment
    provider = payments.get_provider(request.POST.get("provider", ""))
    if payment is None or provider is None or dossier.applicant_id != request.user.pk:
        messages.error(request, _("Không có khoản thanh toán nào cần thực hiện."))
        return redirect("services:dossier", code=dossier.code)
    instructions = provider.start(payment)
    return render(
        request,
        "public_services/payment.html",
        {"dossier": dossier, "instructions": instructions, "provider": provider},
    )
