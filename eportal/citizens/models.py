"""Citizen accounts of the public site: who may submit and follow dossiers."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CitizenProfile(models.Model):
    """What makes a user a citizen account of the public site (not staff)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="citizen_profile"
    )
    full_name = models.CharField(_("họ và tên"), max_length=255)
    phone = models.CharField(_("điện thoại"), max_length=30, blank=True)
    id_number = models.CharField(_("số định danh cá nhân"), max_length=12, blank=True)
    address = models.CharField(_("địa chỉ"), max_length=500, blank=True)
    email_verified_at = models.DateTimeField(null=True, blank=True)
    # "password" for accounts registered here; an OpenID Connect provider's
    # name (e.g. "vneid") for accounts created by an identity-provider login.
    identity_source = models.CharField(max_length=30, default="password")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tài khoản công dân")
        verbose_name_plural = _("tài khoản công dân")

    def __str__(self):
        return self.full_name
