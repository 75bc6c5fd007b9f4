"""Payment providers for fees and charges (*phí, lệ phí*).

A provider turns a pending ``Payment`` into instructions for the applicant
(``start``) and, when the money has arrived, marks it paid through
``services.record_payment``. Providers are listed in the setting
``EPORTAL_PAYMENT_PROVIDERS`` (dotted paths); a provider for the national
payment platform is one more class with the same three methods, whose
``start`` redirects to the platform and whose callback view calls
``record_payment``.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from eportal.dossiers import services as dossier_services
from eportal.dossiers.models import Payment

DEFAULT_PROVIDERS = [
    "eportal.dossiers.payments.CounterOrTransferProvider",
    "eportal.dossiers.payments.OfflineTestProvider",
]


@dataclass
class Instructions:
    """What the applicant sees after choosing a provider."""

    title: str
    lines: list[str]
    paid: bool = False


class PaymentProvider:
    code = ""
    label = ""
    description = ""
    # Whether the applicant's choice pays at once (a test provider) or staff
    # confirm receipt later.
    confirmed_by_staff = True

    def start(self, payment: Payment) -> Instructions:  # pragma: no cover - interface
        raise NotImplementedError

    def confirm(self, payment: Payment, *, by, reference: str = "") -> Payment:
        return dossier_services.record_payment(
            payment, by=by, provider=self.code, reference=reference
        )


class CounterOrTransferProvider(PaymentProvider):
    """Pay at the agency's counter, or by bank transfer quoting the reference.

    No network: the reference is derived from the dossier code, the bank
    account comes from the setting ``EPORTAL_PAYMENT_BANK_ACCOUNT``, and the
    agency's staff confirm receipt in the admin.
    """

    code = "counter-transfer"
    label = _("Nộp tại quầy hoặc chuyển khoản")
    description = _("Nộp tiền tại bộ phận một cửa hoặc chuyển khoản ghi đúng mã tham chiếu.")

    def reference_for(self, payment: Payment) -> str:
        return f"HS {payment.dossier.code} TT{payment.pk}"

    def start(self, payment: Payment) -> Instructions:
        reference = self.reference_for(payment)
        dossier_services.set_payment_reference(payment, provider=self.code, reference=reference)
        account = getattr(settings, "EPORTAL_PAYMENT_BANK_ACCOUNT", {}) or {}
        amount = f"{payment.amount:,}".replace(",", ".")
        lines = [
            str(_("Số tiền: %(amount)s đồng.")) % {"amount": amount},
            str(_("Nội dung chuyển khoản (mã tham chiếu): %(ref)s")) % {"ref": reference},
        ]
        if account.get("number"):
            lines.insert(
                0,
                str(_("Tài khoản: %(number)s – %(name)s – %(bank)s."))
                % {
                    "number": account["number"],
                    "name": account.get("name", ""),
                    "bank": account.get("bank", ""),
                },
            )
        lines.append(
            str(
                _(
                    "Hoặc nộp trực tiếp tại Bộ phận tiếp nhận và trả kết quả của %(agency)s, "
                    "đọc mã tham chiếu cho cán bộ."
                )
            )
            % {"agency": payment.dossier.agency.name}
        )
        lines.append(str(_("Cán bộ xác nhận khi nhận được tiền; hồ sơ tiếp tục được xử lý.")))
        return Instructions(str(_("Hướng dẫn thanh toán")), lines)


class OfflineTestProvider(PaymentProvider):
    """FOR TESTS AND THE DEMO ONLY: pays at once, no money moves.

    Enabled only while the setting ``EPORTAL_PAYMENT_TEST_PROVIDER`` is true
    (the default when DEBUG is on).
    """

    code = "test-offline"
    label = _("Thanh toán thử nghiệm (không thu tiền thật)")
    description = _("Chỉ dùng để thử nghiệm: hồ sơ được ghi nhận đã thanh toán ngay.")
    confirmed_by_staff = False

    def start(self, payment: Payment) -> Instructions:
        reference = f"THU-NGHIEM-{payment.pk}"
        self.confirm(payment, by=payment.dossier.applicant, reference=reference)
        return Instructions(
            str(_("Đã thanh toán (thử nghiệm)")),
            [str(_("Khoản thanh toán thử nghiệm %(ref)s đã được ghi nhận.")) % {"ref": reference}],
            paid=True,
        )


def providers() -> dict[str, PaymentProvider]:
    paths = getattr(settings, "EPORTAL_PAYMENT_PROVIDERS", DEFAULT_PROVIDERS)
    result = {}
    for path in paths:
        provider = import_string(path)()
        if isinstance(provider, OfflineTestProvider) and not getattr(
            settings, "EPORTAL_PAYMENT_TEST_PROVIDER", settings.DEBUG
        ):
            continue
        result[provider.code] = provider
    return result


def get_provider(code: str) -> PaymentProvider | None:
    return providers().get(code)
