"""Citizen accounts on the public site: register, check the e-mail, sign in
and out. A signed-in citizen lands on their dossiers."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, get_user_model, login, logout
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from eportal.citizens import forms, queries, services
from eportal.core import abuse, mail
from eportal.core.forms import copy_errors


def _safe_next(request, fallback):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


REGISTER_SCOPE = "citizen-register"


def register(request):
    form = forms.RegistrationForm(request.POST or None)
    if request.method == "POST":
        # Counted like questions: per address (core.abuse.client_ip) and per e-mail,
        # so a script cannot create accounts or send verification mail in bulk.
        email = (request.POST.get("email") or "").strip() or None
        status = abuse.hit(request, REGISTER_SCOPE, email)
        if status.limited:
            return abuse.too_many_requests(request, status)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user, token = services.register_citizen(
                full_name=data["full_name"],
                email=data["email"],
                password=data["password1"],
                phone=data.get("phone", ""),
            )
        except ValidationError as error:
            copy_errors(form, error)
        else:
            link = request.build_absolute_uri(reverse("citizens:verify", args=[token]))
            mail.send(
                [user.email],
                template="citizens/verify.txt",
                context={"user": user, "link": link},
                subject=_("Xác thực tài khoản dịch vụ công"),
                language=mail.recipient_language(),
            )
            return render(request, "citizens/account/registered.html", {"email": user.email})
    return render(request, "citizens/account/register.html", {"form": form})


def verify(request, token):
    try:
        user = services.verify_email(token)
    except ValidationError as error:
        return render(
            request,
            "citizens/account/verify_failed.html",
            {"message": error.messages[0]},
            status=400,
        )
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    messages.success(request, _("Đã xác thực địa chỉ thư điện tử. Tài khoản đã sẵn sàng."))
    return redirect("dossiers:my_dossiers")


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
        elif not queries.is_citizen(user):
            form.add_error(
                None, _("Đây là tài khoản cán bộ: vui lòng đăng nhập tại trang quản trị.")
            )
        else:
            login(request, user)
            return HttpResponseRedirect(_safe_next(request, reverse("dossiers:my_dossiers")))
    return render(
        request,
        "citizens/account/sign_in.html",
        {"form": form, "next": request.GET.get("next", ""), "oidc_url": oidc_url},
    )


@require_POST
def sign_out(request):
    logout(request)
    return redirect((getattr(request, "portal_prefix", "") or "") + "/")
