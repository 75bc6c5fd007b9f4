"""Passkeys (WebAuthn) as a second factor for /admin/, beside the TOTP app.

django-otp-webauthn does the ceremonies (its views, its JavaScript, its
credential model, which is a django-otp device): a signed-in user whose
session is already verified (two_factor.py) names and registers a passkey on
/admin/two-factor/passkeys/; at the second step a user with a passkey may use
it instead of a code. Passwordless sign-in is off: the passkey never replaces
the password. Registration, use, removal and refused attempts go to the audit
log like the TOTP events.
"""

from __future__ import annotations

import json
import unicodedata

from django.contrib import messages
from django.http import HttpResponseNotAllowed, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.i18n import JavaScriptCatalog
from django_otp_webauthn import exceptions as webauthn_errors
from django_otp_webauthn.helpers import WebAuthnHelper
from django_otp_webauthn.models import WebAuthnCredential
from django_otp_webauthn.settings import app_settings
from django_otp_webauthn.views import (
    BeginCredentialAuthenticationView,
    BeginCredentialRegistrationView,
    CompleteCredentialAuthenticationView,
    CompleteCredentialRegistrationView,
)

from eportal.core.forms import strip_controls
from eportal.portals import two_factor

NAME_MAX_LENGTH = 64
# The name the user gave the passkey being registered (between the name form
# and the end of the browser's ceremony).
_SESSION_NAME = "eportal_passkey_name"

REGISTERED = "eportal.2fa.passkey_register"
USED = "eportal.2fa.passkey_verify"
REMOVED = "eportal.2fa.passkey_remove"


# --- Relying party -------------------------------------------------------------


def _host_in_rp_id(host: str, rp_id: str) -> bool:
    return bool(rp_id) and (host == rp_id or host.endswith("." + rp_id))


class PasskeyHelper(WebAuthnHelper):
    """The library's helper, with the origins of the portal hosts.

    Every portal answers at its own host under the province's domain (the RP
    ID), so the origin of the request itself is accepted when its host is
    under the RP ID and the context is secure (https, or localhost in
    development); OTP_WEBAUTHN_ALLOWED_ORIGINS adds any other. The host was
    checked against ALLOWED_HOSTS by get_host()."""

    def get_allowed_origins(self) -> list[str]:
        origins = list(super().get_allowed_origins())
        host = self.request.get_host().rsplit(":", 1)[0].lower()
        secure = self.request.is_secure() or host == "localhost" or host.endswith(".localhost")
        if secure and _host_in_rp_id(host, self.get_relying_party_domain()):
            origin = f"{self.request.scheme}://{self.request.get_host()}"
            if origin not in origins:
                origins.append(origin)
        return origins

    def create_credential(self, user, response, parsed_credential, original_data):
        device = super().create_credential(user, response, parsed_credential, original_data)
        device.name = self.request.session.get(_SESSION_NAME) or _("Khóa truy cập")
        return device


# --- Queries -------------------------------------------------------------------


def passkeys_of(user):
    return WebAuthnCredential.objects.filter(user=user).order_by("created_at", "pk")


def has_passkey(user) -> bool:
    return WebAuthnCredential.objects.filter(user=user, confirmed=True).exists()


# --- Ceremony views (the library's, with the portal's rules) ---------------------

_ERROR_MESSAGES = {
    "not_authenticated": gettext_lazy("Vui lòng đăng nhập bằng mật khẩu trước."),
    "user_not_verified": gettext_lazy(
        "Hãy xác thực hai lớp bằng mã trên ứng dụng trước khi thêm khóa truy cập."
    ),
    "passkey_name_missing": gettext_lazy("Vui lòng đặt tên cho khóa truy cập trước."),
    "invalid_state": gettext_lazy("Phiên thao tác đã hết hạn. Vui lòng tải lại trang rồi thử lại."),
    "credential_not_found": gettext_lazy(
        "Không tìm thấy khóa truy cập này; có thể nó đã bị xóa. Hãy dùng mã xác thực."
    ),
    "credential_user_mismatch": gettext_lazy(
        "Khóa truy cập này không thuộc tài khoản đang đăng nhập."
    ),
    "credential_disabled": gettext_lazy("Khóa truy cập này đã bị vô hiệu hóa."),
    "user_disabled": gettext_lazy("Tài khoản này đã bị khóa."),
    "passwordless_login_disabled": gettext_lazy("Vui lòng đăng nhập bằng mật khẩu trước."),
}


def _error_response(exc: webauthn_errors.OTPWebAuthnApiError) -> JsonResponse:
    detail = _ERROR_MESSAGES.get(
        exc.code, gettext_lazy("Không xác minh được khóa truy cập. Vui lòng thử lại.")
    )
    return JsonResponse({"detail": str(detail), "code": exc.code}, status=exc.status_code)


class NameMissing(webauthn_errors.OTPWebAuthnApiError):
    status_code = 400
    default_code = "passkey_name_missing"


class _PortalErrors:
    """Errors as JSON in Vietnamese (the library's own messages are English)."""

    def handle_exception(self, exc):
        if isinstance(exc, webauthn_errors.OTPWebAuthnApiError):
            return _error_response(exc)
        return super().handle_exception(exc)


class _RegistrationRules(_PortalErrors):
    def check_can_register(self):
        """Only a session already verified with a second factor adds a passkey
        (a stolen password alone must not), and only once it has been named."""
        if not self.request.user.is_verified():
            raise webauthn_errors.NotVerified()
        if not self.request.session.get(_SESSION_NAME):
            raise NameMissing()


class BeginRegistration(_RegistrationRules, BeginCredentialRegistrationView):
    pass


class CompleteRegistration(_RegistrationRules, CompleteCredentialRegistrationView):
    def post(self, *args, **kwargs):
        response = super().post(*args, **kwargs)
        device = WebAuthnCredential.objects.get(pk=json.loads(response.content)["id"])
        self.request.session.pop(_SESSION_NAME, None)
        two_factor._log(
            self.request, self.request.user, REGISTERED, by=self.request.user, name=device.name
        )
        messages.success(
            self.request, _("Đã thêm khóa truy cập “%(name)s”.") % {"name": device.name}
        )
        return response


class _AuthenticationRules(_PortalErrors):
    def check_can_authenticate(self):
        # A passkey is a second factor here, never a sign-in of its own.
        if not self.request.user.is_authenticated:
            raise webauthn_errors.NotAuthenticated()
        super().check_can_authenticate()


class BeginAuthentication(_AuthenticationRules, BeginCredentialAuthenticationView):
    pass


class CompleteAuthentication(_AuthenticationRules, CompleteCredentialAuthenticationView):
    def complete_auth(self, device):
        super().complete_auth(device)
        two_factor._log(self.request, device.user, USED, by=device.user, name=device.name)

    def get_success_url(self):
        return two_factor._next_url(self.request)

    def handle_exception(self, exc):
        # A passkey the server refused is logged like a wrong code (it is not
        # counted towards the lock: a passkey cannot be guessed).
        user = self.request.user
        if isinstance(exc, webauthn_errors.OTPWebAuthnApiError) and user.is_authenticated:
            two_factor._log(
                self.request, user, "eportal.2fa.verify_failed", by=user, method="passkey"
            )
        return super().handle_exception(exc)


def ceremony_urlpatterns():
    """The library's URLs under its namespace (its template tags reverse them),
    with the views above; under /admin/two-factor/ so that an unverified
    session reaches them (two_factor.TwoFactorMiddleware)."""
    patterns = [
        path(
            "registration/begin/",
            BeginRegistration.as_view(),
            name="credential-registration-begin",
        ),
        path(
            "registration/complete/",
            CompleteRegistration.as_view(),
            name="credential-registration-complete",
        ),
        path(
            "authentication/begin/",
            BeginAuthentication.as_view(),
            name="credential-authentication-begin",
        ),
        path(
            "authentication/complete/",
            CompleteAuthentication.as_view(),
            name="credential-authentication-complete",
        ),
        path(
            "jsi18n/",
            JavaScriptCatalog.as_view(packages=["django_otp_webauthn"]),
            name="js-i18n-catalog",
        ),
    ]
    return [path("two-factor/webauthn/", include((patterns, "otp_webauthn")))]


# --- The passkeys page -----------------------------------------------------------


def _clean_name(raw) -> str:
    name = unicodedata.normalize("NFC", strip_controls(str(raw or "")))
    return " ".join(name.split())[:NAME_MAX_LENGTH]


def _verified_or_redirect(request):
    user = request.user
    if not user.is_authenticated:
        return redirect("wagtailadmin_login")
    if not user.is_verified():
        request.session[two_factor._SESSION_NEXT] = reverse("eportal_passkeys")
        return redirect("eportal_2fa_verify")
    return None


def manage(request):
    """List the user's passkeys; name a new one, then register it in the browser."""
    refused = _verified_or_redirect(request)
    if refused is not None:
        return refused
    error = ""
    if request.method == "POST":
        if request.POST.get("action") == "cancel":
            request.session.pop(_SESSION_NAME, None)
            return redirect("eportal_passkeys")
        name = _clean_name(request.POST.get("name"))
        if not name:
            error = _("Vui lòng đặt tên cho khóa truy cập, ví dụ “Máy tính cơ quan”.")
        elif passkeys_of(request.user).filter(name=name).exists():
            error = _("Bạn đã có một khóa truy cập tên “%(name)s”.") % {"name": name}
        else:
            request.session[_SESSION_NAME] = name
            return redirect("eportal_passkeys")
    elif request.method != "GET":
        return HttpResponseNotAllowed(["GET", "POST"])
    return render(
        request,
        "portals/two_factor/passkeys.html",
        {
            "passkeys": passkeys_of(request.user),
            "pending_name": request.session.get(_SESSION_NAME, ""),
            "name_max_length": NAME_MAX_LENGTH,
            "rp_id": app_settings.OTP_WEBAUTHN_RP_ID,
            "error": error,
        },
        status=400 if error else 200,
    )


@require_POST
def remove(request, pk: int):
    refused = _verified_or_redirect(request)
    if refused is not None:
        return refused
    device = get_object_or_404(WebAuthnCredential, pk=pk, user=request.user)
    name = device.name
    device.delete()
    two_factor._log(request, request.user, REMOVED, by=request.user, name=name)
    messages.success(request, _("Đã xóa khóa truy cập “%(name)s”.") % {"name": name})
    return redirect("eportal_passkeys")


def urlpatterns():
    return [
        path("two-factor/passkeys/", manage, name="eportal_passkeys"),
        path("two-factor/passkeys/<int:pk>/remove/", remove, name="eportal_passkey_remove"),
        *ceremony_urlpatterns(),
    ]
