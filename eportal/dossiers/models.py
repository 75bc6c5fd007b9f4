"""Dossiers (*hồ sơ*) of online public services: submission, the steps agency
staff take on them (the national portal's statuses), files, payments, drafts
and the monthly rollup behind the public statistics (Art. 13.2).

A dossier is an ordinary model: citizens submit it, agency staff move it
through its statuses; every write goes through ``eportal.dossiers.services``.
"""

from __future__ import annotations

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _


class PrivateStorage(FileSystemStorage):
    """Dossier files: outside MEDIA_ROOT (which may be served) and any web root,
    at ``EPORTAL_PRIVATE_ROOT``, read when used (so tests can point it elsewhere)."""

    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        return str(getattr(settings, "EPORTAL_PRIVATE_ROOT", settings.VAR_DIR / "private"))

    @property
    def location(self):
        return os.path.abspath(self.base_location)


def private_storage():
    return PrivateStorage()


class Status(models.TextChoices):
    """Dossier statuses of the national public service portal."""

    NEW = "new", _("Mới")
    ACCEPTED = "accepted", _("Đã tiếp nhận")
    NOT_ACCEPTED = "not_accepted", _("Từ chối tiếp nhận")
    PROCESSING = "processing", _("Đang xử lý")
    SUPPLEMENT_REQUESTED = "supplement", _("Yêu cầu bổ sung giấy tờ")
    PAYMENT_REQUESTED = "payment", _("Yêu cầu thực hiện nghĩa vụ tài chính")
    WITHDRAWN = "withdrawn", _("Công dân yêu cầu rút hồ sơ")
    STOPPED = "stopped", _("Dừng xử lý")
    DONE = "done", _("Đã xử lý xong")
    RETURNED = "returned", _("Đã trả kết quả")


class Channel(models.TextChoices):
    ONLINE = "online", _("Trực tuyến")
    IN_PERSON = "in_person", _("Trực tiếp")
    POST = "post", _("Qua bưu chính")


# The fields that decide which rows of the statistics rollup a dossier counts in.
STATISTICS_FIELDS = frozenset(
    {
        "portal_id",
        "agency_id",
        "procedure_id",
        "procedure_code",
        "received_on",
        "finished_on",
        "closed_on",
    }
)


class Dossier(models.Model):
    """An application for a procedure, from submission to the returned result."""

    code = models.CharField(_("mã hồ sơ"), max_length=60, unique=True)
    procedure = models.ForeignKey(
        "procedures.ProcedurePage",
        on_delete=models.SET_NULL,
        null=True,
        related_name="dossiers",
        verbose_name=_("thủ tục"),
    )
    # Snapshot of the procedure as it was when the dossier was received.
    procedure_code = models.CharField(_("mã thủ tục"), max_length=50)
    procedure_title = models.CharField(_("tên thủ tục"), max_length=500)
    processing_days = models.PositiveSmallIntegerField(_("thời hạn (ngày làm việc)"))
    portal = models.ForeignKey("portals.Portal", on_delete=models.PROTECT, related_name="dossiers")
    agency = models.ForeignKey("portals.Agency", on_delete=models.PROTECT, related_name="dossiers")
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="dossiers",
    )
    applicant_name = models.CharField(_("người nộp"), max_length=255)
    applicant_email = models.EmailField(_("thư điện tử"), blank=True)
    applicant_phone = models.CharField(_("điện thoại"), max_length=30, blank=True)
    applicant_id_number = models.CharField(_("số định danh"), max_length=12, blank=True)
    applicant_address = models.CharField(_("địa chỉ"), max_length=500, blank=True)
    channel = models.CharField(_("hình thức nộp"), max_length=10, choices=Channel.choices)
    status = models.CharField(
        _("trạng thái"), max_length=12, choices=Status.choices, default=Status.NEW
    )
    answers = models.JSONField(_("nội dung tờ khai"), default=list, blank=True)
    submission_key = models.CharField(max_length=64, unique=True, null=True, blank=True)
    submitted_at = models.DateTimeField(_("thời điểm nộp"))
    received_on = models.DateField(_("ngày nhận"))
    accepted_on = models.DateField(_("ngày tiếp nhận"), null=True, blank=True)
    due_date = models.DateField(_("ngày hẹn trả"), null=True, blank=True)
    promised_date = models.DateField(
        _("ngày hẹn lại"), null=True, blank=True, help_text=_("Ngày hẹn mới trong thư xin lỗi.")
    )
    paused_since = models.DateField(null=True, blank=True)
    resume_status = models.CharField(max_length=12, blank=True)
    finished_on = models.DateField(_("ngày xử lý xong"), null=True, blank=True)
    returned_on = models.DateField(_("ngày trả kết quả"), null=True, blank=True)
    # The day the dossier left the "in progress" stock (done, refused,
    # withdrawn or stopped); the statistics read it.
    closed_on = models.DateField(null=True, blank=True)
    fee_amount = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("hồ sơ")
        verbose_name_plural = _("hồ sơ")
        ordering = ["-submitted_at"]
        indexes = [
            models.Index(fields=["portal", "received_on"]),
            models.Index(fields=["procedure", "received_on"]),
            models.Index(fields=["agency", "received_on"]),
            models.Index(fields=["procedure_code", "received_on"]),
            models.Index(fields=["received_on"]),
            models.Index(fields=["finished_on"]),
            # Covers the statistics' count of open dossiers (closed_on IS NULL,
            # or closed after a past day) without reading the table.
            models.Index(
                fields=[
                    "closed_on",
                    "procedure",
                    "agency",
                    "portal",
                    "due_date",
                    "paused_since",
                    "received_on",
                ],
                name="dossier_stock_idx",
            ),
            models.Index(fields=["applicant", "submitted_at"]),
        ]

    def __str__(self):
        return self.code

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # What the statistics rollup counted this dossier under, so that a
        # save can refresh the months it leaves as well as those it enters.
        # Not with deferred fields: reading them would cost a query each (the
        # rollup's pre_save reads them from the database if it comes to that).
        if STATISTICS_FIELDS.issubset(field_names):
            instance._counted_as = instance.statistics_keys()
        return instance

    def statistics_keys(self) -> set[tuple]:
        """The (group, month) rows of ``DossierMonthStat`` this dossier counts in."""
        group = (self.portal_id, self.agency_id, self.procedure_id, self.procedure_code)
        return {
            (*group, day.replace(day=1))
            for day in (self.received_on, self.finished_on, self.closed_on)
            if day is not None
        }

    @property
    def is_paused(self) -> bool:
        return self.paused_since is not None

    @property
    def is_open(self) -> bool:
        return self.closed_on is None

    @cached_property
    def open_payment(self):
        return self.payments.filter(status=Payment.State.PENDING).first()


class DossierFile(models.Model):
    """A file of a dossier: a component uploaded by the citizen, or the result."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="files")
    component = models.CharField(_("thành phần"), max_length=500)
    file = models.FileField(storage=private_storage, upload_to="dossiers/%Y/%m/", max_length=255)
    original_name = models.CharField(max_length=255)
    kind = models.CharField(max_length=10)
    size = models.PositiveIntegerField()
    supplement = models.BooleanField(default=False)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return self.original_name


class DossierEvent(models.Model):
    """One step in a dossier's history, visible to its owner."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    action = models.CharField(max_length=30)
    from_status = models.CharField(max_length=12, blank=True)
    to_status = models.CharField(max_length=12, choices=Status.choices)
    note = models.TextField(blank=True)
    # Which printed form (02, 03, 04) this step produced, if any, and its data.
    form = models.CharField(max_length=2, blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        # The statistics read a dossier's status on a past day from its last step.
        indexes = [models.Index(fields=["dossier", "at"])]

    def __str__(self):
        return f"{self.dossier_id} {self.action}"


class DossierCounter(models.Model):
    """The last sequence number given to an agency's dossiers on a day."""

    agency = models.ForeignKey("portals.Agency", on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["agency", "day"], name="one_counter_per_agency_day")
        ]

    def __str__(self):
        return f"{self.agency_id} {self.day}: {self.last}"


class Payment(models.Model):
    """A fee the applicant owes on a dossier, and how it was paid."""

    class State(models.TextChoices):
        PENDING = "pending", _("Chờ thanh toán")
        PAID = "paid", _("Đã thanh toán")
        CANCELLED = "cancelled", _("Đã hủy")

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="payments")
    amount = models.PositiveIntegerField(_("số tiền (đồng)"))
    provider = models.CharField(_("hình thức thanh toán"), max_length=30, blank=True)
    reference = models.CharField(_("mã tham chiếu"), max_length=60, blank=True)
    status = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)
    paid_at = models.DateTimeField(null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return f"{self.dossier_id} {self.amount} {self.status}"


class DossierMonthStat(models.Model):
    """The month's flows of one procedure's dossiers at one agency (Art. 13.2).

    A rollup of ``Dossier`` kept exact by ``eportal.dossiers.rollup``: every
    save of a dossier recounts the months it touches, so the public
    statistics read a few hundred rows instead of every dossier.
    """

    portal = models.ForeignKey("portals.Portal", on_delete=models.CASCADE, related_name="+")
    agency = models.ForeignKey("portals.Agency", on_delete=models.CASCADE, related_name="+")
    procedure = models.ForeignKey(
        "procedures.ProcedurePage", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    procedure_code = models.CharField(max_length=50)
    month = models.DateField()
    received_online = models.PositiveIntegerField(default=0)
    received_in_person = models.PositiveIntegerField(default=0)
    received_post = models.PositiveIntegerField(default=0)
    # Left the in-progress stock this month (done, refused, withdrawn, stopped).
    closed = models.PositiveIntegerField(default=0)
    early = models.PositiveIntegerField(default=0)
    on_time = models.PositiveIntegerField(default=0)
    late = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = [
            models.Index(fields=["month"]),
            models.Index(fields=["portal", "month"]),
            models.Index(fields=["procedure_code", "month"]),
        ]
        constraints = [
            # A NULL procedure (its page was deleted) is not covered; the
            # recount merges such rows (rollup._recount).
            models.UniqueConstraint(
                fields=["portal", "agency", "procedure", "procedure_code", "month"],
                name="one_stat_row_per_group_month",
            )
        ]

    def __str__(self):
        return f"{self.procedure_code} {self.month:%Y-%m}"


class DossierDraft(models.Model):
    """An online form filled in and checked, waiting for its owner to review
    and send it. Its key is the form's submission key, so sending it twice
    makes one dossier. Drafts older than a day are removed."""

    key = models.CharField(max_length=64, unique=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    procedure = models.ForeignKey(
        "procedures.ProcedurePage", on_delete=models.CASCADE, related_name="+"
    )
    answers = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.key


class DossierDraftFile(models.Model):
    """A file uploaded with a draft, kept privately until the dossier is sent."""

    draft = models.ForeignKey(DossierDraft, on_delete=models.CASCADE, related_name="files")
    component = models.CharField(max_length=500)
    original_name = models.CharField(max_length=255)
    kind = models.CharField(max_length=10)
    size = models.PositiveIntegerField()
    file = models.FileField(storage=private_storage, upload_to="drafts/%Y/%m/", max_length=255)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.original_name
