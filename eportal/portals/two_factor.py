"""Two-factor sign-in for everyone who works in /admin/ (SPEC §11).

A signed-in user reaches an /admin/ page only once the session is verified
with a second factor (django-otp): a TOTP device, or one of ten one-use
recovery codes. Without a confirmed device the user is sent to enrolment;
with one, to verification. Repeated wrong codes lock the second step for a
while, like wrong passwords (django-axes). Events go to Wagtail's audit log.
"""

from __future__ import annotations

import base64
import hashlib
from datetime import timedelta
from urllib.parse import quote

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django_otp import DEVICE_ID_SESSION_KEY, devices_for_user, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.log_actions import log

from eportal.core.forms import strip_controls
from eportal.portals import access

RECOVERY_CODES = 10
# Failures of the second step before it is locked, and for how long.
FAILURE_LIMIT = getattr(settings, "EPORTAL_2FA_FAILURE_LIMIT", 5)
LOCK_MINUTES = getattr(settings, "EPORTAL_2FA_LOCK_MINUTES", 15)
_SESSION_CODES = "eportal_2fa_recovery_codes"
_SESSION_NEXT = "eportal_2fa_next"
DEMO_DEVICE_NAME = "demo"


# --- Enforcement -------------------------------------------------------------


def _open_paths() -> tuple[str, ...]:
    return (
        reverse("wagtailadmin_login"),
        # The icon sprite, which every admin page (the 2FA pages too) fetches
        # and pastes into its body: sent to enrolment instead, it doubled the
        # page in the DOM and became the "next" page after the second step.
        reverse("wagtailadmin_sprite"),
        reverse("wagtailadmin_logout"),
        reverse("wagtailadmin_password_reset"),
        "/admin/password_reset/",
        "/admin/two-factor/",
        "/admin/jsi18n/",
        settings.STATIC_URL,
    )


class TwoFactorMiddleware:
    """Send a signed-in user without a verified second factor from any
    /admin/ page to enrolment or verification (after OTPMiddleware)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            request.path.startswith("/admin/")
            and user is not None
            and user.is_authenticated
            and not user.is_verified()
            and not request.path.startswith(_open_paths())
        ):
            # Only a page asked for is where to return: the admin's own
            # background requests (its icon sprite, fetched by the verify page
            # itself) would otherwise replace it.
            if request.method == "GET" and request.headers.get("Sec-Fetch-Dest", "document") in (
                "document",
                "iframe",
            ):
                request.session[_SESSION_NEXT] = request.get_full_path()
            if user_has_device(user, confirmed=True):
                return redirect("eportal_2fa_verify")
            return redirect("eportal_2fa_enrol")
        return self.get_response(request)


# --- Helpers -----------------------------------------------------------------


def _next_url(request) -> str:
    target = request.session.pop(_SESSION_NEXT, "") or ""
    if target.startswith("/admin/two-factor/") or not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = ""
    return target or reverse("wagtailadmin_home")


def _locked_until(user):
    """When the second step is locked because of wrong codes, its end; else None."""
    latest = None
    for device in devices_for_user(user, confirmed=None):
        count = getattr(device, "throttling_failure_count", 0)
        stamp = getattr(device, "throttling_failure_timestamp", None)
        if count >= FAILURE_LIMIT and stamp is not None:
            until = stamp + timedelta(minutes=LOCK_MINUTES)
            if until > timezone.now() and (latest is None or until > latest):
                latest = until
    return latest


def _log(request, user, action: str, by, **data) -> None:
    """Wagtail's audit log, under the portal of the request or of the user's
    board; request.user is a lazy proxy its registry does not recognise, so the
    log is about the user row itself. ``data``: details kept with the entry
    (e.g. the name of a passkey)."""
    User = get_user_model()
    subject = User._default_manager.get(pk=user.pk)
    actor = subject if by.pk == user.pk else User._default_manager.get(pk=by.pk)
    data = {**access.event_portal(request, subject), **data}
    log(instance=subject, action=action, user=actor, data=data)


def _clean_code(raw) -> str:
    # Control characters dropped too: a NUL would reach PostgreSQL (a 500).
    return "".join(strip_controls(str(raw or "")).split()).replace("-", "").lower()[:64]


def new_recovery_codes(user) -> list[str]:
    """Replace the user's recovery codes by ten new ones; return them (shown once)."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name="recovery", defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def demo_secret(username: str) -> bytes:
    """The fixed TOTP key of a demo account: a hash of its username (demo only)."""
    return hashlib.sha256(f"eportal-demo-totp:{username}".encode()).digest()[:20]


def demo_secret_b32(username: str) -> str:
    return base64.b32encode(demo_secret(username)).decode().rstrip("=")


def demo_otpauth_url(username: str) -> str:
    issuer = settings.OTP_TOTP_ISSUER
    return (
        f"otpauth://totp/{quote(issuer)}:{quote(username)}"
        f"?secret={demo_secret_b32(username)}&issuer={quote(issuer)}&digits=6&period=30"
    )


def is_demo_device(device) -> bool:
    """A device made by the demo: its key is the one anyone can derive."""
    return (
        isinstance(device, TOTPDevice)
        and device.name == DEMO_DEVICE_NAME
        and device.bin_key == demo_secret(device.user.username)
    )


def give_demo_device(user) -> TOTPDevice:
    """A confirmed TOTP device with the account's fixed demo secret (idempotent)."""
    device, _created = TOTPDevice.objects.get_or_create(
        user=user,
        name=DEMO_DEVICE_NAME,
        defaults={"key": demo_secret(user.username).hex(), "confirmed": True},
    )
    return device


def _secret_b32(device: TOTPDevice) -> str:
    return base64.b32encode(device.bin_key).decode().rstrip("=")


def _qr_svg(url: str) -> str:
    return segno.make(url, error="m").svg_inline(scale=4, dark="#000", light="#fff")


# --- Views -------------------------------------------------------------------


def enrol(request):
    user = request.user
    if not user.is_authenticated:
        return redirect("wagtailadmin_login")
    if user_has_device(user, confirmed=True):
        return redirect("eportal_2fa_verify")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)
    error = ""
    until = _locked_until(user)
    if request.method == "POST":
        if until is not None:
            error = _lock_message(until)
        elif _throttled([device]):
            error = _wait_message()
        elif device.verify_token(_clean_code(request.POST.get("code"))):
            with transaction.atomic():
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                codes = new_recovery_codes(user)
            otp_login(request, device)
            request.session[_SESSION_CODES] = codes
            _log(request, user, "eportal.2fa.enrol", by=user)
            return redirect("eportal_2fa_recovery_codes")
        else:
            error = _failed(request, user)
    return render(
        request,
        "portals/two_factor/enrol.html",
        {
            "qr_svg": _qr_svg(device.config_url),
            "secret": _secret_b32(device),
            "error": error,
        },
        status=200 if not error else 400,
    )


def recovery_codes(request):
    if not request.user.is_authenticated:
        return redirect("wagtailadmin_login")
    codes = request.session.pop(_SESSION_CODES, None)
    if not codes:
        return redirect(_next_url(request))
    return render(
        request,
        "portals/two_factor/recovery_codes.html",
        {"codes": codes, "next": _next_url(request)},
    )


def verify(request):
    user = request.user
    if not user.is_authenticated:
        return redirect("wagtailadmin_login")
    if user.is_verified():
        return redirect(_next_url(request))
    if not user_has_device(user, confirmed=True):
        return redirect("eportal_2fa_enrol")
    error = ""
    if request.method == "POST":
        until = _locked_until(user)
        code = _clean_code(request.POST.get("code"))
        if until is not None:
            error = _lock_message(until)
        else:
            # Six digits are a code of the app; anything else a recovery code.
            kind = TOTPDevice if code.isdigit() and len(code) <= 8 else StaticDevice
            candidates = [d for d in devices_for_user(user, confirmed=True) if isinstance(d, kind)]
            if _throttled(candidates):
                error = _wait_message()
            else:
                device = next((d for d in candidates if code and d.verify_token(code)), None)
                if device is not None:
                    otp_login(request, device)
                    return redirect(_next_url(request))
                if not code:
                    error = _("Vui lòng nhập mã xác thực.")
                else:
                    if not candidates:
                        # Nothing counted the failure: count it on the app's device.
                        _count_on_totp(user)
                    error = _failed(request, user)
    from eportal.portals import passkeys

    return render(
        request,
        "portals/two_factor/verify.html",
        {"error": error, "has_passkey": passkeys.has_passkey(user)},
        status=400 if error else 200,
    )


def _wait_message() -> str:
    return _("Bạn vừa nhập sai mã. Vui lòng đợi vài giây rồi thử lại.")


def _count_on_totp(user) -> None:
    for device in TOTPDevice.objects.filter(user=user, confirmed=True):
        device.throttle_increment()


def _lock_message(until) -> str:
    minutes = max(1, int((until - timezone.now()).total_seconds() // 60) + 1)
    return _(
        "Bạn đã nhập sai mã quá nhiều lần. Bước xác thực hai lớp tạm khóa, "
        "vui lòng thử lại sau %(minutes)s phút hoặc liên hệ quản trị cấp tỉnh."
    ) % {"minutes": minutes}


def _failed(request, user) -> str:
    """Log a wrong code and say what happens next. The device tried counted
    the failure itself (django-otp's throttling); enough of them lock."""
    _log(request, user, "eportal.2fa.verify_failed", by=user)
    until = _locked_until(user)
    if until is not None:
        return _lock_message(until)
    return _("Mã không đúng hoặc đã hết hạn. Vui lòng kiểm tra và nhập lại mã.")


def _throttled(devices) -> bool:
    return any(not device.verify_is_allowed()[0] for device in devices)


def reset(request, user_id: int):
    """The super-administrator removes a user's devices: the user enrols again."""
    if not request.user.is_superuser:
        raise PermissionDenied
    target = get_object_or_404(get_user_model(), pk=user_id)
    if request.method == "POST":
        with transaction.atomic():
            for device in devices_for_user(target, confirmed=None):
                device.delete()
            _log(request, target, "eportal.2fa.reset", by=request.user)
        messages.success(
            request,
            _("Đã đặt lại xác thực hai lớp của %(name)s; lần đăng nhập sau sẽ đăng ký lại.")
            % {"name": target.get_username()},
        )
        if target.pk == request.user.pk:
            request.session.pop(DEVICE_ID_SESSION_KEY, None)
        return redirect("wagtailusers_users:edit", target.pk)
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET", "POST"])
    return render(
        request,
        "portals/two_factor/reset.html",
        {
            "target": target,
            "devices": list(devices_for_user(target, confirmed=None)),
        },
    )


def urlpatterns():
    from eportal.portals import passkeys

    return [
        *passkeys.urlpatterns(),
        path("two-factor/enrol/", enrol, name="eportal_2fa_enrol"),
        path("two-factor/recovery-codes/", recovery_codes, name="eportal_2fa_recovery_codes"),
        path("two-factor/verify/", verify, name="eportal_2fa_verify"),
        path("two-factor/reset/<int:user_id>/", reset, name="eportal_2fa_reset"),
    ]
