"""The one door for every write of citizen accounts: registration and the
e-mail check that activates an account."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from eportal.citizens.models import CitizenProfile
from eportal.core import clock
from eportal.core.forms import check_text

VERIFY_SALT = "eportal.citizens.verify-email"
VERIFY_MAX_AGE = 3 * 24 * 3600


def register_citizen(*, full_name: str, email: str, password: str, phone: str = ""):
    """Create an inactive citizen account and return (user, verification token).

    The account is activated by ``verify_email`` with the token (sent by e-mail).
    """
    User = get_user_model()
    email = email.strip().lower()
    check_text(full_name, _("Họ và tên"))
    if (
        User.objects.filter(username__iexact=email).exists()
        or User.objects.filter(email__iexact=email).exists()
    ):
        raise ValidationError({"email": _("Địa chỉ thư điện tử này đã được đăng ký.")})
    user = User(username=email, email=email, first_name=full_name, is_active=False)
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise ValidationError({"password1": error.messages}) from error
    with transaction.atomic():
        user.set_password(password)
        user.save()
        CitizenProfile.objects.create(user=user, full_name=full_name, phone=phone)
    return user, make_verification_token(user)


def make_verification_token(user) -> str:
    return signing.dumps({"u": user.pk, "e": user.email}, salt=VERIFY_SALT)


def verify_email(token: str):
    """Activate the account named by a verification token and return its user."""
    try:
        data = signing.loads(token, salt=VERIFY_SALT, max_age=VERIFY_MAX_AGE)
    except signing.SignatureExpired as error:
        raise ValidationError(_("Liên kết xác thực đã hết hạn. Vui lòng đăng ký lại.")) from error
    except signing.BadSignature as error:
        raise ValidationError(_("Liên kết xác thực không hợp lệ.")) from error
    User = get_user_model()
    user = User.objects.filter(pk=data.get("u"), email=data.get("e")).first()
    if user is None or not hasattr(user, "citizen_profile"):
        raise ValidationError(_("Liên kết xác thực không hợp lệ."))
    with transaction.atomic():
        profile = user.citizen_profile
        if profile.email_verified_at is None:
            profile.email_verified_at = clock.now()
            profile.save(update_fields=["email_verified_at"])
        if not user.is_active:
            user.is_active = True
            user.save(update_fields=["is_active"])
    return user
