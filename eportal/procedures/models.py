"""Administrative procedures (Art. 13, 14): the catalogue a portal publishes.

A procedure (*thủ tục hành chính*) is a Wagtail page under its portal's
``/thu-tuc/`` index, so it is edited through the portal's workflow. What a
citizen does with a procedure (the online form, the dossier, the statistics of
dossiers) lives in ``eportal.dossiers``, which plugs its views into these pages'
routes through ``eportal.procedures.extensions``.
"""

from __future__ import annotations

from types import SimpleNamespace

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, route
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from eportal.core.models import BasePage, PageForm
from eportal.core.printing import PrintableMixin
from eportal.procedures import extensions
from eportal.vntext import slugify


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

    # A list of other pages: readers search for what it lists, not for it.
    search_exclude = True

    # On the main portal it lists every portal's items (frontend-cache purge).
    lists_every_portal = True

    intro = RichTextField(_("giới thiệu"), blank=True, features=["bold", "italic", "link"])
    guide = RichTextField(
        _("hướng dẫn sử dụng dịch vụ công trực tuyến"),
        blank=True,
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link"],
    )

    parent_page_types = ["portals.PortalHomePage"]
    subpage_types = ["procedures.ProcedurePage"]
    max_count_per_parent = 1
    content_panels = BasePage.content_panels + ["intro", "guide"]

    class Meta:
        verbose_name = _("danh mục thủ tục hành chính")
        verbose_name_plural = _("danh mục thủ tục hành chính")

    @route(r"^$", name="catalogue")
    def catalogue(self, request):
        from eportal.procedures import views

        return views.catalogue(self, request)

    @route(r"^huong-dan/$", name="guide")
    def guide_view(self, request):
        from eportal.procedures import views

        return views.guide(self, request)

    @route(r"^thong-ke/$", name="statistics")
    def statistics_view(self, request):
        return extensions.serve("statistics", request, self)

    @route(r"^thong-ke/xuat/(?P<fmt>csv|xlsx)/$", name="statistics_export")
    def statistics_export(self, request, fmt):
        return extensions.serve("statistics_export", request, self, fmt)


class ProcedurePageForm(PageForm):
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

    parent_page_types = ["procedures.ProcedureIndexPage"]
    subpage_types = []
    print_template = "procedures/print_procedure.html"
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

    def search_body(self) -> str:
        """The text a search result quotes: sentences a reader understands, not a field dump."""
        parts = [
            _("Lĩnh vực %(sector)s, mã thủ tục %(code)s.")
            % {"sector": self.sector, "code": self.code},
            _("Đối tượng thực hiện: %(who)s.") % {"who": " ".join(self.applicant.split())},
            _("Thời hạn giải quyết: %(days)s ngày làm việc.") % {"days": self.processing_days},
            _("Kết quả: %(result)s.") % {"result": " ".join(self.result.split())},
        ]
        if self.is_online:
            parts.append(str(_("Có thể nộp hồ sơ trực tuyến.")))
        parts.extend(self.step_list())
        return " ".join(str(p) for p in parts)

    @property
    def meta_description(self) -> str:
        # A procedure has no summary of its own: the sentences a search result quotes.
        return super().meta_description or Truncator(self.search_body()).chars(300)

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
        from eportal.procedures import services, views

        context = super().get_context(request, *args, **kwargs)
        if request.method == "GET" and not getattr(request, "is_preview", False):
            services.count_view(self)
        return context | views.procedure_context(self, request)

    def get_print_context(self, request):
        from eportal.procedures import views

        return super().get_print_context(request) | views.procedure_context(self, request)

    @route(r"^nop-ho-so/$", name="submit")
    def submit_view(self, request):
        return extensions.serve("submit", request, self)

    @route(r"^nop-ho-so/xem-lai/(?P<key>[0-9a-f]{32})/$", name="review")
    def review_view(self, request, key):
        return extensions.serve("review", request, self, key)


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
