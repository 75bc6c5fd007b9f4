"""Administrative procedures (Art. 13, 14), online dossiers and their statistics.

A procedure (*thủ tục hành chính*) is a Wagtail page under its portal's
``/thu-tuc/`` index, so it is edited through the portal's workflow. A dossier
(*hồ sơ*) is an ordinary model: citizens submit it, agency staff move it
through the national portal's statuses. Every write goes through
``eportal.services.actions``.
"""

from __future__ import annotations

import os
from types import SimpleNamespace

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, route
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from eportal.core.models import BasePage
from eportal.core.printing import PrintableMixin
from eportal.vntext import fold, slugify


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


class Level(models.TextChoices):
    PROVINCE = "province", _("Cấp tỉnh")
    DISTRICT = "district", _("Cấp huyện")
    COMMUNE = "commune", _("Cấp xã")


class OnlineLevel(models.TextChoices):
    """Online public service levels of Nghị định 42/2022/NĐ-CP."""

    NONE = "", _("Không cung cấp trực tuyến")
    PARTIAL = "mot-phan", _("Dịch vụ công trực tuyến một phần")
    FULL = "toan-trinh", _("Dịch vụ công trực tuyến toàn trình")


class ServiceLevel(models.IntegerChoices):
    """The older levels 1–4 (Nghị định 43/2011/NĐ-CP), shown for reference."""

    ONE = 1, _("Mức độ 1")
    TWO = 2, _("Mức độ 2")
    THREE = 3, _("Mức độ 3")
    FOUR = 4, _("Mức độ 4")


class ProcedureIndexPage(RoutablePageMixin, BasePage):
    """The portal's catalogue of procedures at ``/thu-tuc/``: list with filters,
    the online services guide and the public statistics."""

    intro = RichTextField(_("giới thiệu"), blank=True, features=["bold", "italic", "link"])
    guide = RichTextField(
        _("hướng dẫn sử dụng dịch vụ công trực tuyến"),
        blank=True,
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link"],
    )

    parent_page_types = ["portals.PortalHomePage"]
    subpage_types = ["public_services.ProcedurePage"]
    max_count_per_parent = 1
    content_panels = BasePage.content_panels + ["intro", "guide"]

    class Meta:
        verbose_name = _("danh mục thủ tục hành chính")
        verbose_name_plural = _("danh mục thủ tục hành chính")

    @route(r"^$", name="catalogue")
    def catalogue(self, request):
        from eportal.services import pages

        return pages.catalogue(self, request)

    @route(r"^huong-dan/$", name="guide")
    def guide_view(self, request):
        from eportal.services import pages

        return pages.guide(self, request)

    @route(r"^thong-ke/$", name="statistics")
    def statistics_view(self, request):
        from eportal.services import pages

        return pages.statistics_view(self, request)

    @route(r"^thong-ke/xuat/(?P<fmt>csv|xlsx)/$", name="statistics_export")
    def statistics_export(self, request, fmt):
        from eportal.services import pages

        return pages.statistics_export(self, request, fmt)


class ProcedurePageForm(WagtailAdminPageForm):
    """Check the level rules against the components being edited (the inline
    formset), which the model does not see until it is saved."""

    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get("components")
        components = []
        if formset is not None and formset.is_valid():
            for form in formset.forms:
                data = getattr(form, "cleaned_data", None) or {}
                if data and not data.get("DELETE"):
                    components.append(SimpleNamespace(form_id=data.get("form") and data["form"].pk))
        page = self.instance
        for name in ("service_level", "online_level", "code"):
            if name in cleaned:
                setattr(page, name, cleaned[name])
        for field, message in page.rule_errors(components).items():
            if field in self.fields:
                self.add_error(field, message)
        return cleaned


class ProcedurePage(PrintableMixin, BasePage):
    """One administrative procedure with every component of Art. 14."""

    code = models.CharField(
        _("mã thủ tục"),
        max_length=50,
        db_index=True,
        help_text=_("Mã thủ tục hành chính trên Cơ sở dữ liệu quốc gia, ví dụ 1.001234."),
    )
    sector = models.CharField(_("lĩnh vực"), max_length=255, db_index=True)
    agency = models.ForeignKey(
        "portals.Agency",
        on_delete=models.PROTECT,
        related_name="procedures",
        verbose_name=_("cơ quan thực hiện"),
    )
    level = models.CharField(_("cấp thực hiện"), max_length=10, choices=Level.choices)
    steps = models.TextField(_("trình tự thực hiện"), help_text=_("Mỗi bước một dòng."))
    submit_in_person = models.BooleanField(_("nộp trực tiếp"), default=True)
    submit_online = models.BooleanField(_("nộp trực tuyến"), default=False)
    submit_by_post = models.BooleanField(_("nộp qua bưu chính"), default=False)
    processing_days = models.PositiveSmallIntegerField(
        _("thời hạn giải quyết (ngày làm việc)"),
        help_text=_("Tính từ ngày tiếp nhận hồ sơ hợp lệ."),
    )
    fees = models.TextField(_("phí, lệ phí"), blank=True)
    fee_amount = models.PositiveIntegerField(
        _("số tiền phí, lệ phí (đồng)"),
        default=0,
        help_text=_("Số tiền người nộp phải thanh toán; 0 nếu không thu."),
    )
    applicant = models.TextField(_("đối tượng thực hiện"))
    requirements = models.TextField(_("yêu cầu, điều kiện"), blank=True)
    legal_basis = models.TextField(
        _("căn cứ pháp lý"),
        blank=True,
        help_text=_("Mỗi văn bản một dòng, bắt đầu bằng số, ký hiệu (ví dụ 61/2018/NĐ-CP …)."),
    )
    result = models.TextField(_("kết quả thực hiện"))
    responsibilities = models.TextField(_("trách nhiệm của các bên"), blank=True)
    online_level = models.CharField(
        _("mức độ dịch vụ công trực tuyến"),
        max_length=12,
        choices=OnlineLevel.choices,
        blank=True,
        default="",
    )
    service_level = models.PositiveSmallIntegerField(
        _("mức độ (cũ, để tham khảo)"), choices=ServiceLevel.choices, default=ServiceLevel.ONE
    )
    # Folded (accent-free, lower-case) text for the catalogue's search box.
    search_text = models.TextField(editable=False, blank=True, default="")

    parent_page_types = ["public_services.ProcedureIndexPage"]
    subpage_types = []
    print_template = "public_services/print_procedure.html"
    base_form_class = ProcedurePageForm

    content_panels = BasePage.content_panels + [
        FieldRowPanel(["code", "sector"]),
        FieldRowPanel(["agency", "level"]),
        FieldRowPanel(["online_level", "service_level"]),
        "steps",
        MultiFieldPanel(
            [FieldRowPanel(["submit_in_person", "submit_online", "submit_by_post"])],
            heading=_("cách thức thực hiện"),
        ),
        InlinePanel("components", label=_("thành phần hồ sơ")),
        FieldRowPanel(["processing_days", "fee_amount"]),
        "fees",
        "applicant",
        "requirements",
        "legal_basis",
        "result",
        "responsibilities",
        InlinePanel("form_fields", label=_("trường của mẫu đơn trực tuyến")),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("code"),
        index.SearchField("sector"),
        index.SearchField("applicant"),
        index.SearchField("result"),
        index.FilterField("sector"),
        index.FilterField("level"),
        index.FilterField("online_level"),
        index.FilterField("agency"),
    ]

    class Meta:
        verbose_name = _("thủ tục hành chính")
        verbose_name_plural = _("thủ tục hành chính")

    def __str__(self):
        return f"{self.code} – {self.title}"

    @property
    def is_online(self) -> bool:
        return bool(self.online_level) and self.submit_online

    def step_list(self) -> list[str]:
        return [line.strip() for line in self.steps.splitlines() if line.strip()]

    def legal_basis_list(self) -> list[str]:
        return [line.strip() for line in self.legal_basis.splitlines() if line.strip()]

    def full_clean(self, *args, **kwargs):
        # Wagtail's default slug drops "đ"; the Vietnamese slug keeps it as "d".
        if not self.slug and self.title:
            self.slug = slugify(self.title)
        return super().full_clean(*args, **kwargs)

    def rule_errors(self, components) -> dict:
        """Return {field: message} for the rules between levels and forms."""
        errors = {}
        has_forms = any(getattr(c, "form_id", None) for c in components)
        if has_forms and self.service_level < ServiceLevel.TWO:
            errors["service_level"] = _(
                "Thủ tục có mẫu đơn, tờ khai để tải về phải đạt ít nhất mức độ 2."
            )
        if self.online_level == OnlineLevel.FULL and self.service_level < ServiceLevel.FOUR:
            errors["service_level"] = _(
                "Dịch vụ công trực tuyến toàn trình tương ứng mức độ 4 trong cách phân loại cũ."
            )
        if self.online_level == OnlineLevel.PARTIAL and self.service_level < ServiceLevel.THREE:
            errors["service_level"] = _(
                "Dịch vụ công trực tuyến một phần tương ứng ít nhất mức độ 3 trong cách phân loại cũ."
            )
        if self.code and self.locale_id:
            clash = ProcedurePage.objects.filter(code=self.code, locale_id=self.locale_id).exclude(
                translation_key=self.translation_key
            )
            if self.pk:
                clash = clash.exclude(pk=self.pk)
            if clash.exists():
                errors["code"] = _("Đã có thủ tục với mã này.")
        return errors

    def clean(self):
        super().clean()
        if self.online_level:
            self.submit_online = True
        errors = self.rule_errors(list(self.components.all()))
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        from eportal.services import pages

        context = super().get_context(request, *args, **kwargs)
        if request.method == "GET" and not getattr(request, "is_preview", False):
            from eportal.services import services as procedure_services

            procedure_services.count_view(procedure_services.source_procedure(self))
        return context | pages.procedure_context(self, request)

    def get_print_context(self, request):
        from eportal.services import pages

        return super().get_print_context(request) | pages.procedure_context(self, request)

    @route(r"^nop-ho-so/$", name="submit")
    def submit_view(self, request):
        from eportal.services import views

        return views.submit(request, self)

    @route(r"^nop-ho-so/xem-lai/(?P<key>[0-9a-f]{32})/$", name="review")
    def review_view(self, request, key):
        from eportal.services import views

        return views.review(request, self, key)

    def save(self, *args, **kwargs):
        self.search_text = fold(" ".join([self.code, self.title, self.sector, self.applicant]))
        return super().save(*args, **kwargs)


class DossierComponent(Orderable):
    """A document of the dossier (*thành phần hồ sơ*), with its form and copies."""

    procedure = ParentalKey(ProcedurePage, on_delete=models.CASCADE, related_name="components")
    name = models.CharField(_("tên giấy tờ"), max_length=500)
    originals = models.PositiveSmallIntegerField(_("số bản chính"), default=1)
    copies = models.PositiveSmallIntegerField(_("số bản sao"), default=0)
    form = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("mẫu đơn, tờ khai"),
    )
    required = models.BooleanField(_("bắt buộc"), default=True)

    panels = [
        "name",
        FieldRowPanel(["originals", "copies", "required"]),
        FieldPanel("form"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("thành phần hồ sơ")
        verbose_name_plural = _("thành phần hồ sơ")

    def __str__(self):
        return self.name


class FormField(Orderable):
    """A field of the procedure's online form, defined by the agency's staff."""

    class Kind(models.TextChoices):
        TEXT = "text", _("Văn bản")
        DATE = "date", _("Ngày")
        CHOICE = "choice", _("Lựa chọn")
        ID_NUMBER = "id_number", _("Số định danh cá nhân (CCCD)")

    procedure = ParentalKey(ProcedurePage, on_delete=models.CASCADE, related_name="form_fields")
    label = models.CharField(_("nhãn"), max_length=255)
    kind = models.CharField(_("loại"), max_length=12, choices=Kind.choices, default=Kind.TEXT)
    choices = models.TextField(_("các lựa chọn"), blank=True, help_text=_("Mỗi lựa chọn một dòng."))
    required = models.BooleanField(_("bắt buộc"), default=True)
    help_text = models.CharField(_("gợi ý"), max_length=255, blank=True)

    panels = ["label", FieldRowPanel(["kind", "required"]), "choices", "help_text"]

    class Meta(Orderable.Meta):
        verbose_name = _("trường mẫu đơn")
        verbose_name_plural = _("trường mẫu đơn")

    def choice_list(self) -> list[str]:
        return [c.strip() for c in self.choices.splitlines() if c.strip()]


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
        ProcedurePage,
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


class ProcedureView(models.Model):
    """How many times a procedure's page was viewed in a month (usage frequency)."""

    procedure = models.ForeignKey(ProcedurePage, on_delete=models.CASCADE, related_name="views")
    month = models.DateField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["procedure", "month"], name="one_view_row_per_month")
        ]

    def __str__(self):
        return f"{self.procedure_id} {self.month:%Y-%m}: {self.count}"


class DossierMonthStat(models.Model):
    """The month's flows of one procedure's dossiers at one agency (Art. 13.2).

    A rollup of ``Dossier`` kept exact by ``eportal.services.rollup``: every
    save of a dossier recounts the months it touches, so the public
    statistics read a few hundred rows instead of every dossier.
    """

    portal = models.ForeignKey("portals.Portal", on_delete=models.CASCADE, related_name="+")
    agency = models.ForeignKey("portals.Agency", on_delete=models.CASCADE, related_name="+")
    procedure = models.ForeignKey(
        ProcedurePage, on_delete=models.SET_NULL, null=True, related_name="+"
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
    procedure = models.ForeignKey(ProcedurePage, on_delete=models.CASCADE, related_name="+")
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
