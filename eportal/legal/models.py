"""Legal documents (Art. 9.8), their relations, and the Official Gazette (Art. 9.1)."""

from __future__ import annotations

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from eportal.core.models import BasePage
from eportal.core.printing import PrintableMixin
from eportal.legal.numbers import FORM_NAMES, FORMS, number_key, parse_number
from eportal.legal.parser import outline, parse_structure
from eportal.vntext import fold, slugify

INDEX_SLUG = "van-ban"


class Status(models.TextChoices):
    NOT_YET = "not_yet", _("Chưa có hiệu lực")
    IN_FORCE = "in_force", _("Còn hiệu lực")
    PARTLY_EXPIRED = "partly_expired", _("Hết hiệu lực một phần")
    EXPIRED = "expired", _("Hết hiệu lực toàn bộ")


FORM_CHOICES = [(code, name) for code, name, _abbr in FORMS]


class LegalField(models.Model):
    """A field or sector (*lĩnh vực*) that documents are classified in."""

    name = models.CharField(_("tên lĩnh vực"), max_length=255, unique=True)
    slug = models.SlugField(_("đường dẫn"), max_length=100, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("lĩnh vực văn bản")
        verbose_name_plural = _("lĩnh vực văn bản")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name, max_length=100)
        super().save(*args, **kwargs)


class LegalDocumentIndexPage(RoutablePageMixin, BasePage):
    """A portal's legal documents at /van-ban/: the search tool and the Gazette."""

    intro = RichTextField(_("giới thiệu"), blank=True, features=["bold", "italic", "link"])

    parent_page_types = ["portals.PortalHomePage"]
    subpage_types = ["legal.LegalDocumentPage"]
    max_count_per_parent = 1
    content_panels = BasePage.content_panels + ["intro"]

    class Meta:
        verbose_name = _("cơ sở dữ liệu văn bản")
        verbose_name_plural = _("cơ sở dữ liệu văn bản")

    @path("", name="search")
    def search_view(self, request):
        from eportal.legal.views import search_page

        return search_page(request, self)

    @path("cong-bao/", name="gazette")
    def gazette_view(self, request):
        from eportal.legal.views import gazette_list

        return gazette_list(request, self)

    @path("cong-bao/<int:issue_id>/", name="gazette_issue")
    def gazette_issue_view(self, request, issue_id):
        from eportal.legal.views import gazette_issue

        return gazette_issue(request, self, issue_id)


class LegalDocumentPage(PrintableMixin, BasePage):
    """One legal document with its metadata, full text, files and relations."""

    form = models.CharField(_("hình thức văn bản"), max_length=32, choices=FORM_CHOICES)
    number = models.CharField(
        _("số ký hiệu"), max_length=100, help_text=_("Ví dụ: 05/2014/QĐ-UBND")
    )
    issuer = models.CharField(_("cơ quan ban hành"), max_length=255)
    place = models.CharField(_("nơi ban hành"), max_length=100, blank=True)
    issued = models.DateField(_("ngày ban hành"))
    effective = models.DateField(_("ngày có hiệu lực"), null=True, blank=True)
    effective_rule = models.CharField(
        _("quy định về hiệu lực"),
        max_length=255,
        blank=True,
        help_text=_("Ví dụ: “có hiệu lực sau 10 ngày kể từ ngày ký”."),
    )
    signer = models.CharField(_("người ký"), max_length=255, blank=True)
    summary = models.TextField(_("trích yếu"))
    sector = models.ForeignKey(
        LegalField,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("lĩnh vực"),
    )
    status = models.CharField(
        _("tình trạng hiệu lực"), max_length=20, choices=Status.choices, default=Status.IN_FORCE
    )
    status_changed_on = models.DateField(_("ngày thay đổi tình trạng"), null=True, blank=True)
    expired_by = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("bị thay thế bởi"),
    )
    body = models.TextField(_("toàn văn"), blank=True)

    # Derived on save (see refresh_derived): never edited by hand.
    number_key = models.CharField(max_length=100, editable=False, db_index=True, default="")
    issuer_key = models.CharField(max_length=255, editable=False, db_index=True, default="")
    name_key = models.CharField(max_length=255, editable=False, db_index=True, default="")
    year = models.PositiveSmallIntegerField(editable=False, null=True, db_index=True)
    search_text = models.TextField(editable=False, default="")
    portal = models.ForeignKey(
        "portals.Portal",
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
        related_name="legal_documents",
        verbose_name=_("cổng"),
    )

    # Derived keys and the folded search text are not human text: the vntext
    # pre_save hook must not "convert" them.
    vntext_exclude = ("number_key", "issuer_key", "name_key", "search_text")
    parent_page_types = ["legal.LegalDocumentIndexPage"]
    subpage_types = []
    print_template = "legal/print_document.html"

    content_panels = [
        FieldPanel("title", help_text=_("Ví dụ: Quyết định 05/2014/QĐ-UBND")),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("form"), FieldPanel("number")]),
                FieldRowPanel([FieldPanel("issuer"), FieldPanel("place")]),
                FieldRowPanel([FieldPanel("issued"), FieldPanel("effective")]),
                FieldPanel("effective_rule"),
                FieldRowPanel([FieldPanel("signer"), FieldPanel("sector")]),
                FieldRowPanel([FieldPanel("status"), FieldPanel("status_changed_on")]),
            ],
            heading=_("Thuộc tính văn bản"),
        ),
        InlinePanel("relations", label=_("Quan hệ với văn bản khác")),
        InlinePanel("files", label=_("Tệp đính kèm")),
        InlinePanel("governed_portals", label=_("Cổng của cơ quan thuộc phạm vi điều chỉnh")),
        FieldPanel("body"),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("number"),
        index.SearchField("body"),
        index.FilterField("form"),
        index.FilterField("status"),
    ]

    class Meta:
        verbose_name = _("văn bản pháp luật")
        verbose_name_plural = _("văn bản pháp luật")
        indexes = [models.Index(fields=["issued"]), models.Index(fields=["form", "issued"])]

    def __str__(self):
        return self.title

    @property
    def form_name(self) -> str:
        return FORM_NAMES.get(self.form, self.form)

    @property
    def parsed_number(self):
        return parse_number(self.number)

    def refresh_derived(self) -> None:
        """Recompute the keys, the search text and the owning portal from the fields."""
        self.number_key = number_key(self.number) if self.number else ""
        self.issuer_key = slugify(self.issuer, max_length=255)
        # "Luật Giao dịch điện tử": the summary of a law already says its form.
        named = fold(self.summary).startswith(fold(self.form_name))
        self.name_key = fold(self.summary if named else f"{self.form_name} {self.summary}")[:255]
        self.year = self.issued.year if self.issued else None
        self.search_text = " ".join(
            fold(part)
            for part in (self.number, self.form_name, self.issuer, self.title, self.summary)
            + (self.signer, self.body)
        )
        if self.portal_id is None and self.path:
            from eportal.portals.models import Portal

            ancestors = self.get_ancestors(inclusive=False) if self.pk else self._parent_chain()
            self.portal = Portal.objects.filter(site__root_page__in=ancestors).first()

    def _parent_chain(self):
        from wagtail.models import Page

        steps = [self.path[: i * self.steplen] for i in range(1, len(self.path) // self.steplen)]
        return Page.objects.filter(path__in=steps)

    def full_clean(self, *args, **kwargs):
        if not self.slug and self.number:
            self.slug = slugify(self.number)
        return super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        self.refresh_derived()
        return super().save(*args, **kwargs)

    @cached_property
    def nodes(self):
        return parse_structure(self.body)

    @cached_property
    def article_outline(self):
        return outline(self.nodes)

    def get_context(self, request, *args, **kwargs):
        from eportal.legal.views import document_context

        context = super().get_context(request, *args, **kwargs)
        return context | document_context(request, self)

    def get_print_context(self, request):
        from eportal.legal.views import document_context

        return super().get_print_context(request) | document_context(request, self)


class RelationKind(models.TextChoices):
    BASED_ON = "based_on", _("Căn cứ")
    REPLACES = "replaces", _("Thay thế")
    REPEALS = "repeals", _("Bãi bỏ")
    AMENDS = "amends", _("Sửa đổi, bổ sung")
    GUIDES = "guides", _("Hướng dẫn")


# How a relation reads from the other side: "is replaced by", "is based on by".
REVERSE_LABELS = {
    RelationKind.BASED_ON: _("Là căn cứ của"),
    RelationKind.REPLACES: _("Bị thay thế bởi"),
    RelationKind.REPEALS: _("Bị bãi bỏ bởi"),
    RelationKind.AMENDS: _("Được sửa đổi, bổ sung bởi"),
    RelationKind.GUIDES: _("Được hướng dẫn bởi"),
}


class LegalRelation(Orderable):
    """A link from a document to another: to its page, or as text until that is imported."""

    source = ParentalKey(LegalDocumentPage, on_delete=models.CASCADE, related_name="relations")
    kind = models.CharField(_("quan hệ"), max_length=20, choices=RelationKind.choices)
    target = models.ForeignKey(
        LegalDocumentPage,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="incoming_relations",
        verbose_name=_("văn bản liên quan"),
    )
    target_text = models.CharField(
        _("tên văn bản (khi chưa có trong cơ sở dữ liệu)"),
        max_length=500,
        blank=True,
        help_text=_("Ví dụ: Luật Giao dịch điện tử ngày 29/11/2005"),
    )
    target_number_key = models.CharField(max_length=100, blank=True, db_index=True, editable=False)
    target_name_key = models.CharField(max_length=255, blank=True, db_index=True, editable=False)
    target_issued = models.DateField(null=True, blank=True, editable=False)

    vntext_exclude = ("target_number_key", "target_name_key")
    # Relations are shown by this app itself; indexing each row in Wagtail's
    # reference index cost more than the rest of an import.
    wagtail_reference_index_ignore = True
    panels = ["kind", "target", "target_text"]

    class Meta(Orderable.Meta):
        verbose_name = _("quan hệ văn bản")
        verbose_name_plural = _("quan hệ văn bản")

    def save(self, *args, **kwargs):
        from eportal.legal.parser import parse_reference

        if self.target_text:
            reference = parse_reference(self.target_text)
            self.target_number_key = number_key(reference.number) if reference.number else ""
            self.target_name_key = reference.name_key[:255] if not reference.number else ""
            self.target_issued = reference.issued
        super().save(*args, **kwargs)

    @property
    def label(self) -> str:
        return self.target.title if self.target_id else self.target_text


class LegalDocumentFile(Orderable):
    """A file attached to a document (PDF, DOC, DOCX, ODT) to download."""

    page = ParentalKey(LegalDocumentPage, on_delete=models.CASCADE, related_name="files")
    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="+", verbose_name=_("tệp")
    )
    label = models.CharField(_("mô tả"), max_length=255, blank=True)

    panels = ["document", "label"]

    class Meta(Orderable.Meta):
        verbose_name = _("tệp đính kèm")
        verbose_name_plural = _("tệp đính kèm")


class GovernedPortal(Orderable):
    """A portal of an agency that the document governs: it must post it within 10 days."""

    page = ParentalKey(LegalDocumentPage, on_delete=models.CASCADE, related_name="governed_portals")
    portal = models.ForeignKey(
        "portals.Portal", on_delete=models.CASCADE, related_name="+", verbose_name=_("cổng")
    )

    panels = ["portal"]

    class Meta(Orderable.Meta):
        verbose_name = _("cổng thuộc phạm vi điều chỉnh")
        verbose_name_plural = _("cổng thuộc phạm vi điều chỉnh")
        constraints = [
            models.UniqueConstraint(fields=["page", "portal"], name="legal_governed_once")
        ]


class GazetteIssue(ClusterableModel):
    """An issue of the provincial Official Gazette (*Công báo*)."""

    portal = models.ForeignKey(
        "portals.Portal",
        on_delete=models.CASCADE,
        related_name="gazette_issues",
        verbose_name=_("cổng"),
    )
    number = models.CharField(_("số công báo"), max_length=50, help_text=_("Ví dụ: 15"))
    published_on = models.DateField(_("ngày phát hành"))
    note = models.TextField(_("ghi chú"), blank=True)

    panels = [
        "portal",
        "number",
        "published_on",
        "note",
        InlinePanel("entries", label=_("Văn bản")),
    ]

    class Meta:
        ordering = ["-published_on", "-pk"]
        verbose_name = _("số Công báo")
        verbose_name_plural = _("Công báo")
        constraints = [
            models.UniqueConstraint(
                fields=["portal", "number", "published_on"], name="legal_gazette_issue_unique"
            )
        ]

    def __str__(self):
        return _("Công báo số %(number)s ngày %(date)s") % {
            "number": self.number,
            "date": self.published_on.strftime("%d/%m/%Y"),
        }


class GazetteEntry(Orderable):
    """A document listed in a Gazette issue, with its summary."""

    issue = ParentalKey(GazetteIssue, on_delete=models.CASCADE, related_name="entries")
    document = models.ForeignKey(
        LegalDocumentPage,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="gazette_entries",
        verbose_name=_("văn bản"),
    )
    number = models.CharField(_("số ký hiệu"), max_length=100, blank=True)
    summary = models.TextField(_("trích yếu"), blank=True)
    pages = models.CharField(_("trang"), max_length=20, blank=True)

    panels = ["document", "number", "summary", "pages"]

    class Meta(Orderable.Meta):
        verbose_name = _("văn bản trong Công báo")
        verbose_name_plural = _("văn bản trong Công báo")
