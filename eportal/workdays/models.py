"""The calendar overrides, the deadline rules of Art. 12, and stored deadlines."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from eportal.workdays.calendar import DayKind, Override, default_calendar, format_day


class CalendarOverride(models.Model):
    """A day the government declared off, or a weekend day declared a working day."""

    class Kind(models.TextChoices):
        DAY_OFF = DayKind.DAY_OFF.value, _("Ngày nghỉ")
        WORKING_DAY = DayKind.WORKING_DAY.value, _("Ngày làm việc (làm bù)")

    date = models.DateField(_("ngày"), unique=True)
    kind = models.CharField(_("loại"), max_length=16, choices=Kind.choices)
    reason = models.CharField(
        _("lý do"),
        max_length=255,
        help_text=_(
            "Văn bản công bố và nội dung, ví dụ: "
            "“Nghỉ Tết Dương lịch, Công văn 12729/VPCP-KGVX ngày 25/12/2025”."
        ),
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("sửa lúc"), auto_now=True)

    class Meta:
        ordering = ["-date"]
        verbose_name = _("ngày điều chỉnh lịch làm việc")
        verbose_name_plural = _("ngày điều chỉnh lịch làm việc")

    def __str__(self):
        return f"{format_day(self.date)}: {self.get_kind_display()}"

    def clean(self):
        # Catch a mistyped date when entering an announcement: an override must
        # change what the day would otherwise be.
        if not self._state.adding or self.date is None or not self.kind:
            return
        usually_working = default_calendar().is_working_day(self.date)
        if self.kind == self.Kind.WORKING_DAY and usually_working:
            raise ValidationError(
                {"date": _("%(day)s vốn đã là ngày làm việc.") % {"day": format_day(self.date)}}
            )
        if self.kind == self.Kind.DAY_OFF and not usually_working:
            raise ValidationError(
                {"date": _("%(day)s vốn đã là ngày nghỉ.") % {"day": format_day(self.date)}}
            )

    def to_override(self) -> Override:
        return Override(day=self.date, kind=DayKind(self.kind), reason=self.reason)


class DeadlineRule(models.Model):
    """How many working days an item may take, and what starts the clock (Art. 12)."""

    code = models.SlugField(_("mã"), max_length=64, unique=True)
    name = models.CharField(_("tên"), max_length=255)
    working_days = models.PositiveSmallIntegerField(
        _("số ngày làm việc"), validators=[MinValueValidator(1)]
    )
    starts_on = models.CharField(_("tính từ"), max_length=255)
    active = models.BooleanField(_("đang áp dụng"), default=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("quy định thời hạn")
        verbose_name_plural = _("quy định thời hạn")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(working_days__gte=1),
                name="workdays_deadlinerule_working_days_positive",
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.working_days} ngày làm việc)"


class Deadline(models.Model):
    """The due date of one item under one rule, computed once when the clock starts."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    # A CharField so that items with integer and UUID keys both fit.
    object_id = models.CharField(max_length=64)
    item = GenericForeignKey("content_type", "object_id")
    rule = models.ForeignKey(
        DeadlineRule, on_delete=models.PROTECT, related_name="deadlines", verbose_name=_("quy định")
    )
    portal = models.ForeignKey(
        "portals.Portal",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="deadlines",
        verbose_name=_("cổng"),
    )
    # Copied from the rule when the clock starts: editing a rule later does not
    # change the deadlines already running under it.
    working_days = models.PositiveSmallIntegerField(_("số ngày làm việc"))
    started_on = models.DateField(_("ngày bắt đầu tính"))
    due_date = models.DateField(_("hạn"))
    completed_on = models.DateField(_("ngày hoàn thành"), null=True, blank=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("thời hạn")
        verbose_name_plural = _("thời hạn")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "rule"],
                name="workdays_deadline_one_per_item_and_rule",
            )
        ]
        indexes = [
            models.Index(fields=["content_type", "object_id"]),
            models.Index(fields=["completed_on", "due_date"]),
        ]

    def __str__(self):
        return f"{self.rule.name}: {self.due_date:%d/%m/%Y}"

    @property
    def is_open(self) -> bool:
        return self.completed_on is None

    def is_overdue(self, today) -> bool:
        """Return True if the item is still open after its due date."""
        return self.completed_on is None and today > self.due_date

    @property
    def on_time(self) -> bool | None:
        """Return whether it was completed by the due date (None while open)."""
        if self.completed_on is None:
            return None
        return self.completed_on <= self.due_date
