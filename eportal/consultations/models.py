"""Public consultation on draft documents (SPEC §8, Art. 9.14).

A `ConsultationPage` is a draft put out for comments, a Wagtail page under a
portal's `/gop-y/` (`ConsultationIndexPage`), published through the portal's
workflow. Its full text is pasted as plain text and split into articles by
`eportal.consultations.drafts.parse_draft`; a `Comment` names its article by
the article's key (``"dieu-5"``). What happens after publication — early
closing, the conclusion with its explanatory report — lives in
`ConsultationConclusion`, outside the page's revisions, so that publishing a
corrected text never undoes it. Writes go through `eportal.consultations.services`.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.search import index

from eportal.consultations.drafts import parse_draft
from eportal.core import clock
from eportal.core.models import BasePage
from eportal.core.printing import PrintableMixin
from eportal.portals.models import Agency


class Status(models.TextChoices):
    UPCOMING = "upcoming", _("Sắp lấy ý kiến")
    OPEN = "open", _("Đang lấy ý kiến")
    CLOSED = "closed", _("Đã hết hạn góp ý")
    CONCLUDED = "concluded", _("Đã có tổng hợp, giải trình")


class ConsultationIndexPage(RoutablePageMixin, BasePage):
    """``/gop-y/`` of a portal: its consultations; on the main portal, every portal's."""

    # A list of other pages: readers search for what it lists, not for it.
    search_exclude = True

    # On the main portal it lists every portal's items (frontend-cache purge).
    lists_every_portal = True

    intro = RichTextField(_("giới thiệu"), blank=True, features=["bold", "italic", "link"])

    parent_page_types = ["portals.PortalHomePage"]
    subpage_types = ["consultations.ConsultationPage"]
    max_count_per_parent = 1
    content_panels = BasePage.content_panels + ["intro"]

    class Meta:
        verbose_name = _("trang lấy ý kiến góp ý")
        verbose_name_plural = _("trang lấy ý kiến góp ý")

    @path("")
    def listing(self, request):
        from eportal.consultations import queries

        groups = queries.listing(getattr(request, "portal", None))
        return self.render(request, context_overrides={"groups": groups})


class ConsultationPage(PrintableMixin, BasePage):
    """A draft document put out for public comments."""

    drafting_agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        related_name="consultations",
        verbose_name=_("cơ quan chủ trì soạn thảo"),
    )
    summary = models.TextField(_("tóm tắt"), blank=True)
    draft_text = models.TextField(
        _("toàn văn dự thảo"),
        help_text=_(
            "Dán toàn văn dự thảo. Các dòng “Chương I…”, “Điều 1. …”, “1. …” (khoản) và "
            "“a) …” (điểm) được tự động tách để người dân góp ý theo từng điều."
        ),
    )
    opens_at = models.DateTimeField(_("bắt đầu lấy ý kiến"))
    closes_at = models.DateTimeField(_("kết thúc lấy ý kiến"))
    receiving_address = models.CharField(_("địa chỉ nhận góp ý"), max_length=255, blank=True)
    receiving_phone = models.CharField(_("điện thoại"), max_length=50, blank=True)
    receiving_email = models.EmailField(_("thư điện tử nhận góp ý"), blank=True)
    draft_document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("tệp dự thảo"),
    )
    explanatory_document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("tờ trình / thuyết minh"),
    )
    impact_document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("báo cáo đánh giá tác động"),
    )

    parent_page_types = ["consultations.ConsultationIndexPage"]
    subpage_types = []
    print_template = "consultations/print_consultation.html"

    content_panels = BasePage.content_panels + [
        "drafting_agency",
        "summary",
        FieldRowPanel(["opens_at", "closes_at"], heading=_("Thời gian lấy ý kiến")),
        "draft_text",
        MultiFieldPanel(
            [
                FieldPanel("draft_document"),
                FieldPanel("explanatory_document"),
                FieldPanel("impact_document"),
            ],
            heading=_("Tài liệu kèm theo"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("receiving_address"),
                FieldPanel("receiving_phone"),
                FieldPanel("receiving_email"),
            ],
            heading=_("Nơi nhận góp ý"),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("draft_text"),
    ]

    class Meta:
        verbose_name = _("dự thảo lấy ý kiến")
        verbose_name_plural = _("dự thảo lấy ý kiến")

    def clean(self):
        super().clean()
        errors = {}
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            errors["closes_at"] = _("Thời điểm kết thúc phải sau thời điểm bắt đầu lấy ý kiến.")
        if self.draft_text and not parse_draft(self.draft_text).articles:
            errors["draft_text"] = _(
                "Không tìm thấy điều nào (dòng bắt đầu bằng “Điều 1.”…) trong toàn văn."
            )
        if errors:
            raise ValidationError(errors)

    # --- Reading -------------------------------------------------------------

    @cached_property
    def draft(self):
        return parse_draft(self.draft_text)

    @property
    def conclusion(self):
        if self.pk is None:
            return None
        try:
            return self.outcome
        except ConsultationConclusion.DoesNotExist:
            return None

    @property
    def effective_closes_at(self):
        closed_early = self.conclusion.closed_at if self.conclusion else None
        return min(self.closes_at, closed_early) if closed_early else self.closes_at

    def status(self, now=None) -> str:
        now = now or clock.now()
        if self.conclusion and self.conclusion.concluded_at:
            return Status.CONCLUDED
        if now < self.opens_at:
            return Status.UPCOMING
        if now >= self.effective_closes_at:
            return Status.CLOSED
        return Status.OPEN

    def status_label(self):
        return Status(self.status()).label

    def is_open(self, now=None) -> bool:
        return self.status(now) == Status.OPEN

    @property
    def receiving(self) -> dict:
        """Where comments are also received: the page's fields, else the drafting agency's."""
        agency = self.drafting_agency
        return {
            "address": self.receiving_address or agency.address,
            "phone": self.receiving_phone or agency.phone,
            "email": self.receiving_email or agency.email,
        }

    def approved_comments(self):
        if self.pk is None:  # a preview of a page not saved yet
            return Comment.objects.none()
        return self.comments.filter(status=Comment.Moderation.APPROVED).order_by("created_at")

    def articles_with_comments(self):
        """Return the articles, each with its approved comments and their count."""
        by_key = {}
        for comment in self.approved_comments():
            by_key.setdefault(comment.article_key, []).append(comment)
        articles = [(article, by_key.get(article.key, [])) for article in self.draft.articles]
        known = {a.key for a in self.draft.articles}
        orphans = [c for key, items in by_key.items() if key and key not in known for c in items]
        return articles, by_key.get("", []) + orphans

    def get_print_context(self, request):
        context = super().get_print_context(request)
        articles, general = self.articles_with_comments()
        return context | {"articles": articles, "general_comments": general}

    # --- Public views ----------------------------------------------------------

    @path("")
    def detail(self, request):
        from eportal.consultations import views

        return views.consultation_detail(request, self)

    @path("gui-y-kien/")
    def comment(self, request):
        from eportal.consultations import views

        return views.consultation_comment(request, self)

    @path("gui-y-kien/da-nhan/")
    def comment_received(self, request):
        from eportal.consultations import views

        return views.comment_received(request, self)

    @path("tong-hop/xlsx/", name="synthesis_xlsx")
    def synthesis_xlsx(self, request):
        from eportal.consultations import views

        return views.public_synthesis(request, self, "xlsx")

    @path("tong-hop/pdf/", name="synthesis_pdf")
    def synthesis_pdf(self, request):
        from eportal.consultations import views

        return views.public_synthesis(request, self, "pdf")

    def serve_preview(self, request, mode_name):
        # Preview shows the draft as it would be published, without the form.
        return self.render(request, context_overrides=self._detail_context(request))

    def _detail_context(self, request, form=None):
        from eportal.consultations.services import not_open_message

        articles, general = self.articles_with_comments()
        status = self.status()
        return {
            "articles": articles,
            "general_comments": general,
            "form": form,
            "status": status,
            "closed_message": not_open_message(self) if status != Status.OPEN else "",
        }


class ConsultationConclusion(models.Model):
    """What the drafting agency did after publication: close early and conclude."""

    consultation = models.OneToOneField(
        ConsultationPage, on_delete=models.CASCADE, related_name="outcome", primary_key=True
    )
    closed_at = models.DateTimeField(_("đóng góp ý sớm lúc"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    concluded_at = models.DateTimeField(_("công bố tổng hợp lúc"), null=True, blank=True)
    concluded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    explanation = models.TextField(_("giải trình, tiếp thu chung"), blank=True)
    report = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("báo cáo giải trình, tiếp thu"),
    )

    class Meta:
        verbose_name = _("kết quả lấy ý kiến")
        verbose_name_plural = _("kết quả lấy ý kiến")

    def __str__(self):
        return str(self.consultation)


class Comment(models.Model):
    """A comment (ý kiến góp ý) on a draft as a whole or on one of its articles."""

    class Moderation(models.TextChoices):
        PENDING = "pending", _("Chờ duyệt")
        APPROVED = "approved", _("Đã duyệt")
        HIDDEN = "hidden", _("Đã ẩn")

    class Response(models.TextChoices):
        ACCEPTED = "accepted", _("Tiếp thu")
        PARTLY = "partly", _("Tiếp thu một phần")
        NOT_ACCEPTED = "not_accepted", _("Không tiếp thu")

    consultation = models.ForeignKey(
        ConsultationPage,
        on_delete=models.CASCADE,
        related_name="comments",
        verbose_name=_("dự thảo"),
    )
    article_key = models.CharField(_("điều"), max_length=30, blank=True)
    article_label = models.CharField(_("điều (tại thời điểm góp ý)"), max_length=300, blank=True)
    name = models.CharField(_("họ và tên"), max_length=200)
    email = models.EmailField(_("thư điện tử"))
    organization = models.CharField(_("cơ quan, tổ chức"), max_length=255, blank=True)
    body = models.TextField(_("nội dung góp ý"))
    notify = models.BooleanField(_("báo tin khi công bố tổng hợp"), default=False)
    notified_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(_("thời điểm gửi"), default=timezone.now)
    submission_key = models.CharField(max_length=120, null=True, blank=True, unique=True)

    status = models.CharField(
        _("kiểm duyệt"), max_length=10, choices=Moderation.choices, default=Moderation.PENDING
    )
    hidden_reason = models.CharField(_("lý do ẩn"), max_length=500, blank=True)
    moderated_at = models.DateTimeField(null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    response = models.CharField(_("tiếp thu"), max_length=15, choices=Response.choices, blank=True)
    response_explanation = models.TextField(_("giải trình"), blank=True)
    responded_at = models.DateTimeField(null=True, blank=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("ý kiến góp ý")
        verbose_name_plural = _("ý kiến góp ý")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["consultation", "status"])]

    def __str__(self):
        return f"{self.name}: {self.body[:60]}"

    @property
    def commenter(self) -> str:
        """Return how the commenter is shown: the organisation, or the person."""
        if self.organization:
            return f"{self.organization} ({self.name})"
        return self.name

    @property
    def place(self) -> str:
        return self.article_label or str(_("Toàn bộ dự thảo"))


def comment_counts(pages) -> dict[int, int]:
    """Return {page id: approved comment count} for the given pages in one query."""
    rows = (
        Comment.objects.filter(consultation__in=pages, status=Comment.Moderation.APPROVED)
        .values("consultation_id")
        .annotate(n=Count("pk"))
    )
    return {row["consultation_id"]: row["n"] for row in rows}


def status_q(status: str, now=None) -> Q:
    """Return a filter on ConsultationPage for one status (see ConsultationPage.status)."""
    now = now or clock.now()
    concluded = Q(outcome__concluded_at__isnull=False)
    closed_early = Q(outcome__closed_at__lte=now)
    if status == Status.CONCLUDED:
        return concluded
    if status == Status.UPCOMING:
        return Q(opens_at__gt=now) & ~concluded
    if status == Status.CLOSED:
        return (Q(closes_at__lte=now) | closed_early) & Q(opens_at__lte=now) & ~concluded
    if status == Status.OPEN:
        return Q(opens_at__lte=now, closes_at__gt=now) & ~closed_early & ~concluded
    raise ValueError(status)
