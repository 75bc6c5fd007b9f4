"""Legal documents (Art. 9.8), their relations, and the Official Gazette (Art. 9.1)."""

from __future__ import annotations

from django.conf import settings
from django.db import models, transaction
from django.db.models import Count, F, Min
from django.db.models.signals import post_delete
from django.dispatch import receiver
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


class LegalIssuer(models.Model):
    """An issuing body with the number of its live documents: the issuer filter's choices.

    Reading the choices from this small table replaces a ``SELECT DISTINCT``
    over every document (half a second at 100,000). It is kept at model level
    (``LegalDocumentPage.save()`` and the ``post_delete`` receiver below), so
    every write path — import, admin edit, publish, unpublish, delete — keeps
    it right; ``rebuild()`` recounts it from the documents (after a bulk load
    that bypassed ``save()``).
    """

    key = models.CharField(max_length=255, unique=True)
    name = models.CharField(_("cơ quan ban hành"), max_length=255)
    document_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["key"]
        verbose_name = _("cơ quan ban hành")
        verbose_name_plural = _("cơ quan ban hành")

    def __str__(self):
        return self.name

    @classmethod
    def rebuild(cls) -> None:
        """Recount every issuer from the live documents."""
        counts = (
            LegalDocumentPage.objects.live()
            .exclude(issuer_key="")
            .order_by()
            .values("issuer_key")
            .annotate(n=Count("pk"), name=Min("issuer"))
        )
        with transaction.atomic():
            cls.objects.all().delete()
            cls.objects.bulk_create(
                cls(key=row["issuer_key"], name=row["name"], document_count=row["n"])
                for row in counts
            )

    @classmethod
    def documents_added(cls, listings) -> None:
        """Count new live documents in: ``listings`` holds one ``(issuer_key, issuer)``
        per document (a bulk load writes rows without ``save()``)."""
        counts: dict[str, list] = {}
        for key, name in listings:
            if key:
                counts.setdefault(key, [name, 0])[1] += 1
        for key, (name, n) in counts.items():
            if not cls.objects.filter(key=key).update(document_count=F("document_count") + n):
                cls.objects.create(key=key, name=name, document_count=n)

    @classmethod
    def document_changed(cls, before, after) -> None:
        """Move one document's count from ``before`` to ``after``.

        Each is ``(issuer_key, issuer)`` while the document is live, else None.
        """
        if before == after or (before and after and before[0] == after[0]):
            return
        if before:
            key = before[0]
            cls.objects.filter(key=key, document_count__gt=0).update(
                document_count=F("document_count") - 1
            )
            if cls.objects.filter(key=key, document_count=0).delete()[0]:
                # The last one gone: recount, so that a count that drifted (a
                # queryset update bypassing save()) heals instead of hiding an
                # issuer that still has documents.
                left = LegalDocumentPage.objects.live().filter(issuer_key=key)
                if n := left.count():
                    cls.objects.create(key=key, name=left.first().issuer, document_count=n)
        if after:
            key, name = after
            if not cls.objects.filter(key=key).update(document_count=F("document_count") + 1):
                cls.objects.create(key=key, name=name, document_count=1)


class LegalDocumentIndexPage(RoutablePageMixin, BasePage):
    """A portal's legal documents at /van-ban/: the search tool and the Gazette."""

    # A list of other pages: readers search for what it lists, not for it.
    search_exclude = True

    # On the main portal it lists every portal's items (frontend-cache purge).
    lists_every_portal = True

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

    @path("cong-bao/<int:issue_id>/ban-in/", name="gazette_issue_print")
    def gazette_issue_print_view(self, request, issue_id):
        from eportal.legal.views import gazette_issue_print

        return gazette_issue_print(request, self, issue_id)

    @path("cong-bao/<int:issue_id>/ban-in/pdf/", name="gazette_issue_pdf")
    def gazette_issue_pdf_view(self, request, issue_id):
        from eportal.legal.views import gazette_issue_pdf

        return gazette_issue_pdf(request, self, issue_id)


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
        db_index=False,  # legal_doc_sector_issued starts with it
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
    # issuer_key and year are indexed together with the date order (Meta.indexes).
    issuer_key = models.CharField(max_length=255, editable=False, default="")
    name_key = models.CharField(max_length=255, editable=False, db_index=True, default="")
    year = models.PositiveSmallIntegerField(editable=False, null=True)
    portal = models.ForeignKey(
        "portals.Portal",
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
        db_index=False,  # legal_doc_portal_issued starts with it
        related_name="legal_documents",
        verbose_name=_("cổng"),
    )

    # Derived keys and the folded search text are not human text: the vntext
    # pre_save hook must not "convert" them.
    vntext_exclude = ("number_key", "issuer_key", "name_key")
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
        index.SearchField("issuer"),
        index.SearchField("signer"),
        index.SearchField("body"),
        index.FilterField("form"),
        index.FilterField("status"),
    ]

    class Meta:
        verbose_name = _("văn bản pháp luật")
        verbose_name_plural = _("văn bản pháp luật")
        # The list is ordered by (issued, pk) descending; each filter has an
        # index that is also in that order, so a page is read from the index
        # and stops after 20 rows. A keyword is matched by the search index
        # (eportal.search.scoped), not by a column of this table.
        indexes = [
            models.Index(fields=["issued", "page_ptr"], name="legal_doc_issued"),
            models.Index(fields=["form", "issued", "page_ptr"], name="legal_doc_form_issued"),
            models.Index(fields=["status", "issued", "page_ptr"], name="legal_doc_status_issued"),
            models.Index(fields=["year", "issued", "page_ptr"], name="legal_doc_year_issued"),
            models.Index(
                fields=["issuer_key", "issued", "page_ptr"], name="legal_doc_issuer_issued"
            ),
            models.Index(fields=["sector", "issued", "page_ptr"], name="legal_doc_sector_issued"),
            models.Index(fields=["portal", "issued", "page_ptr"], name="legal_doc_portal_issued"),
        ]

    def __str__(self):
        return self.title

    @property
    def form_name(self) -> str:
        return FORM_NAMES.get(self.form, self.form)

    @property
    def parsed_number(self):
        return parse_number(self.number)

    def refresh_derived(self) -> None:
        """Recompute the keys and the owning portal from the fields."""
        self.number_key = number_key(self.number) if self.number else ""
        self.issuer_key = slugify(self.issuer, max_length=255)
        # "Luật Giao dịch điện tử": the summary of a law already says its form.
        named = fold(self.summary).startswith(fold(self.form_name))
        self.name_key = fold(self.summary if named else f"{self.form_name} {self.summary}")[:255]
        self.year = self.issued.year if self.issued else None
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

    def issuer_listing(self):
        """What this document adds to the issuer choices: (key, name) while live, else None."""
        return (self.issuer_key, self.issuer) if self.live and self.issuer_key else None

    def save(self, *args, **kwargs):
        self.refresh_derived()
        fields = kwargs.get("update_fields")
        if fields is not None and not {"issuer", "issuer_key", "live"} & set(fields):
            return super().save(*args, **kwargs)
        # The stored row, not this instance, says what was counted: a page
        # being published is built from its revision, not loaded from the row.
        with transaction.atomic(savepoint=False):
            before = None
            if self.pk:
                stored = (
                    LegalDocumentPage.objects.filter(pk=self.pk)
                    .values_list("issuer_key", "issuer", "live")
                    .first()
                )
                if stored and stored[2] and stored[0]:
                    before = stored[:2]
            result = super().save(*args, **kwargs)
            LegalIssuer.document_changed(before, self.issuer_listing())
        return result

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


@receiver(post_delete, sender=LegalDocumentPage, dispatch_uid="legal-issuer-deleted")
def _document_deleted(sender, instance, **kwargs):
    # Connected here, beside the model, so that every deletion (a page, its
    # parent's subtree, a portal) is counted wherever it starts.
    LegalIssuer.document_changed(instance.issuer_listing(), None)


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

    def refresh_derived(self) -> None:
        """Recompute the keys that find the target by its number or name."""
        from eportal.legal.parser import parse_reference

        if self.target_text:
            reference = parse_reference(self.target_text)
            self.target_number_key = number_key(reference.number) if reference.number else ""
            self.target_name_key = reference.name_key[:255] if not reference.number else ""
            self.target_issued = reference.issued

    def save(self, *args, **kwargs):
        self.refresh_derived()
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


class ImportBatch(models.Model):
    """One import by a member of staff (a file in the admin, or ``--draft`` on
    the command line): the documents it made or updated, to review together."""

    portal = models.ForeignKey(
        "portals.Portal", on_delete=models.CASCADE, related_name="+", verbose_name=_("cổng")
    )
    source = models.CharField(_("tệp"), max_length=255)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người nhập"),
    )
    created_at = models.DateTimeField(_("thời điểm nhập"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("lô văn bản nhập")
        verbose_name_plural = _("lô văn bản nhập")

    def __str__(self):
        return f"{self.source} ({self.created_at:%d/%m/%Y %H:%M})"


class ImportBatchItem(models.Model):
    """A document of a batch, with what the parser was sure of when it read it."""

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="items")
    page = models.ForeignKey(LegalDocumentPage, on_delete=models.CASCADE, related_name="+")
    label = models.CharField(max_length=255)
    created = models.BooleanField(default=True)
    # Field name → the parser's confidence (0–1), and its remarks, in Vietnamese.
    confidence = models.JSONField(default=dict, blank=True)
    warnings = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["batch", "page"], name="legal_batch_page_once")
        ]

    def __str__(self):
        return self.label

    def unsure(self) -> list[str]:
        from eportal.legal.parser import UNSURE_BELOW

        return [name for name, value in self.confidence.items() if value < UNSURE_BELOW]
