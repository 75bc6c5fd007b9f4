"""Royalties (nhuận bút, Art. 18.1) and the record of deadline reminders (Art. 12)."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

ROYALTY_KINDS = [
    ("news", _("Tin")),
    ("article", _("Bài viết")),
    ("photo", _("Ảnh")),
    ("translation", _("Bài dịch")),
    ("repost", _("Tin, bài sưu tầm")),
]


class RoyaltyRate(models.Model):
    """One line of a portal's royalty scale: what one unit of a content type is worth.

    In points, the approver scores each item and a point is worth
    ``point_value`` đồng; in đồng, the approver enters the amount itself.
    """

    class Unit(models.TextChoices):
        POINTS = "points", _("Điểm")
        DONG = "dong", _("Đồng")

    portal = models.ForeignKey(
        "portals.Portal",
        on_delete=models.CASCADE,
        related_name="royalty_rates",
        verbose_name=_("cổng"),
    )
    kind = models.CharField(_("loại tin, bài"), max_length=20, choices=ROYALTY_KINDS)
    unit = models.CharField(_("đơn vị chấm"), max_length=10, choices=Unit.choices)
    point_value = models.DecimalField(
        _("giá trị một điểm (đồng)"),
        max_digits=12,
        decimal_places=0,
        default=Decimal(1),
        validators=[MinValueValidator(Decimal(0))],
        help_text=_("Với đơn vị “đồng” để 1."),
    )
    default_points = models.DecimalField(
        _("mức gợi ý"), max_digits=9, decimal_places=2, default=Decimal(0)
    )

    panels = ["portal", "kind", "unit", "point_value", "default_points"]

    class Meta:
        verbose_name = _("khung nhuận bút")
        verbose_name_plural = _("khung nhuận bút")
        ordering = ["portal", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["portal", "kind"], name="one_royalty_rate_per_kind")
        ]

    def __str__(self):
        return f"{self.portal} – {self.get_kind_display()}"


class RoyaltyEntry(models.Model):
    """The royalty of one published item, with the rate that applied then.

    The rate is copied from the scale when the item is approved, so changing
    the scale later never changes a past month's statement.
    """

    portal = models.ForeignKey(
        "portals.Portal", on_delete=models.PROTECT, related_name="royalty_entries"
    )
    article = models.OneToOneField(
        "news.ArticlePage",
        null=True,
        on_delete=models.SET_NULL,
        related_name="royalty_entry",
    )
    title = models.CharField(_("tin, bài"), max_length=255)
    author_name = models.CharField(_("tác giả"), max_length=255)
    kind = models.CharField(_("loại"), max_length=20, choices=ROYALTY_KINDS)
    unit = models.CharField(_("đơn vị"), max_length=10, choices=RoyaltyRate.Unit.choices)
    points = models.DecimalField(_("điểm"), max_digits=9, decimal_places=2)
    point_value = models.DecimalField(_("giá trị một điểm"), max_digits=12, decimal_places=0)
    amount = models.DecimalField(_("thành tiền (đồng)"), max_digits=14, decimal_places=0)
    month = models.DateField(_("tháng"), help_text=_("Ngày đầu của tháng đăng bài."))
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("nhuận bút")
        verbose_name_plural = _("nhuận bút")
        ordering = ["month", "author_name", "pk"]
        indexes = [models.Index(fields=["portal", "month"])]

    def __str__(self):
        return f"{self.title} – {self.amount} đ"


class ReminderSent(models.Model):
    """A deadline reminder that went out, so that re-running the command sends nothing twice."""

    class Kind(models.TextChoices):
        DUE_SOON = "due_soon", _("Sắp đến hạn")
        MISSED = "missed", _("Quá hạn")

    deadline = models.ForeignKey(
        "workdays.Deadline", on_delete=models.CASCADE, related_name="reminders"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    sent_on = models.DateField()
    recipients = models.TextField(blank=True)

    class Meta:
        verbose_name = _("nhắc hạn đã gửi")
        verbose_name_plural = _("nhắc hạn đã gửi")
        constraints = [
            models.UniqueConstraint(fields=["deadline", "kind"], name="one_reminder_per_kind")
        ]

    def __str__(self):
        return f"{self.get_kind_display()} – {self.sent_on:%d/%m/%Y}"
