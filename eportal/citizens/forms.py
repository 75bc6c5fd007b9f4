"""Forms of citizen accounts: registration and sign-in."""

from django import forms
from django.contrib.auth.password_validation import password_validators_help_text_html
from django.utils.translation import gettext_lazy as _

from eportal.core.forms import StripControlsMixin, check_text


class RegistrationForm(StripControlsMixin, forms.Form):
    full_name = forms.CharField(label=_("Họ và tên"), max_length=255)
    email = forms.EmailField(label=_("Thư điện tử"))
    phone = forms.CharField(label=_("Điện thoại"), max_length=30, required=False)
    password1 = forms.CharField(
        label=_("Mật khẩu"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validators_help_text_html,
    )
    password2 = forms.CharField(
        label=_("Nhập lại mật khẩu"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean_full_name(self):
        value = self.cleaned_data["full_name"].strip()
        check_text(value, str(_("Họ và tên")))
        return value

    def clean(self):
        data = super().clean()
        if data.get("password1") and data.get("password1") != data.get("password2"):
            self.add_error("password2", _("Hai mật khẩu không khớp."))
        return data


class SignInForm(forms.Form):
    email = forms.EmailField(label=_("Thư điện tử"))
    password = forms.CharField(
        label=_("Mật khẩu"), widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )
