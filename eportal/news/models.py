"""The newsroom: the news index, the Art. 9 categories, articles, hot-news
alerts and the main portal's choices about syndicated articles.

Articles are Wagtail pages under ``/tin-tuc/<category>/`` of their portal and
go through the portal's workflow (``eportal.core.models.BasePage``). The
main portal lists the live articles of every portal (Art. 3.2d, 15) by query,
labelled with their source portal and linking to their one canonical page.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageBlock
from wagtail.models import Orderable
from wagtail.search import index

from eportal.core import clock
from eportal.core.models import BasePage
from eportal.core.pagination import Pager, shared_page_number
from eportal.core.printing import PrintableMixin

# The article's own picture, as its page shows it.
ARTICLE_RENDITION = "width-800"

ARTICLES_PER_PAGE = 10
# A list counts at most this many articles ("page 1 of more than 100"): counting
# all of them read every article of the province on every visit.
ARTICLES_COUNT_LIMIT = 1_000


class Kind(models.TextChoices):
    """The Art. 9 categories that articles belong to."""

    NEWS = "news", _("Tin tức – Sự kiện")
    DIRECTION = "direction", _("Chỉ đạo – Điều hành")
    POLICY = "policy", _("Phổ biến – Hướng dẫn chính sách, pháp luật")
    ANNOUNCEMENT = "announcement", _("Thông báo")
    HOT = "hot", _("Tin nóng")


# The category tree every portal starts with (title, slug, kind, description).
CATEGORIES = [
    (
        "Tin tức – Sự kiện",
        "su-kien",
        Kind.NEWS,
        "Tin tức, sự kiện về hoạt động của cơ quan.",
    ),
    (
        "Chỉ đạo – Điều hành",
        "chi-dao",
        Kind.DIRECTION,
        "Ý kiến chỉ đạo, điều hành của lãnh đạo; lịch công tác.",
    ),
    (
        "Phổ biến – Hướng dẫn",
        "pho-bien",
        Kind.POLICY,
        "Tuyên truyền, phổ biến, hướng dẫn thực hiện chính sách, pháp luật.",
    ),
    ("Thông báo", "thong-bao", Kind.ANNOUNCEMENT, "Thông báo của cơ quan."),
    ("Tin nóng", "tin-nong", Kind.HOT, "Dịch bệnh, thiên tai, an toàn giao thông."),
]


class NewsIndexPage(BasePage):
    """``/tin-tuc/`` of a portal: the latest articles of every category."""

    # A list of other pages: readers search for what it lists, not for it.
    search_exclude = True

    # On the main portal it lists every portal's items (frontend-cache purge).
    lists_every_portal = True

    intro = RichTextField(_("giới thiệu"), blank=True, features=["bold", "italic", "link"])

    parent_page_types = ["portals.PortalHomePage"]
    subpage_types = ["news.CategoryPage"]
    max_count_per_parent = 1
    content_panels = BasePage.content_panels + ["intro"]

    class Meta:
        verbose_name = _("trang tin tức")
        verbose_name_plural = _("trang tin tức")

    def get_context(self, request, *args, **kwargs):
        from eportal.news import queries

        context = super().get_context(request, *args, **kwargs)
        portal = getattr(request, "portal", None)
        context["articles"] = Pager.lazy_for_request(
            request,
            lambda: queries.latest_articles(portal, within=self),
            ARTICLES_PER_PAGE,
            count_limit=ARTICLES_COUNT_LIMIT,
        )
        context["shared_page"] = shared_page_number(request.GET)
        context["categories"] = SimpleLazyObject(
            lambda: list(CategoryPage.objects.child_of(self).live().public())
        )
        context["feed_url"] = "/feeds/tin-tuc/rss/"
        return context


class CategoryPage(BasePage):
    """A category of Art. 9 (news, direction, policy, announcements, hot news).

    Each portal can add, rename and nest categories; ``kind`` says which Art. 9
    category it is, and on the main portal it gathers that kind's articles of
    every portal.
    """

    # A list of other pages: readers search for what it lists, not for it.
    search_exclude = True

    # On the main portal it lists every portal's items (frontend-cache purge).
    lists_every_portal = True

    intro = RichTextField(_("giới thiệu"), blank=True, features=["bold", "italic", "link"])
    kind = models.CharField(_("loại chuyên mục"), max_length=20, choices=Kind.choices)

    parent_page_types = ["news.NewsIndexPage", "news.CategoryPage"]
    subpage_types = ["news.ArticlePage", "news.CategoryPage"]
    content_panels = BasePage.content_panels + ["kind", "intro"]

    class Meta:
        verbose_name = _("chuyên mục tin")
        verbose_name_plural = _("chuyên mục tin")

    def get_context(self, request, *args, **kwargs):
        from eportal.news import queries

        context = super().get_context(request, *args, **kwargs)
        portal = getattr(request, "portal", None)
        context["articles"] = Pager.lazy_for_request(
            request,
            lambda: queries.latest_articles(portal, within=self, kind=self.kind),
            ARTICLES_PER_PAGE,
            count_limit=ARTICLES_COUNT_LIMIT,
        )
        context["shared_page"] = shared_page_number(request.GET)
        context["feed_url"] = f"/feeds/tin-tuc/{self.slug}/rss/"
        return context


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ArticlePage(PrintableMixin, BasePage):
    """A news article, direction, guidance, announcement or hot-news item."""

    class RoyaltyKind(models.TextChoices):
        NEWS = "news", _("Tin")
        ARTICLE = "article", _("Bài viết")
        PHOTO = "photo", _("Ảnh")
        TRANSLATION = "translation", _("Bài dịch")
        REPOST = "repost", _("Tin, bài sưu tầm")

    summary = models.TextField(_("tóm tắt"))
    body = StreamField(
        [
            ("paragraph", blocks.RichTextBlock(label=_("Đoạn văn"))),
            ("image", ImageBlock(label=_("Ảnh"))),
            ("table", TableBlock(label=_("Bảng"))),
            ("document", DocumentChooserBlock(label=_("Tài liệu đính kèm"))),
        ],
        verbose_name=_("nội dung"),
        blank=True,
    )
    featured_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("ảnh đại diện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    featured_image_alt = models.CharField(
        _("văn bản thay thế của ảnh"),
        max_length=255,
        blank=True,
        help_text=_("Mô tả ảnh cho người khiếm thị; bắt buộc khi có ảnh đại diện."),
    )
    author_name = models.CharField(
        _("tác giả"), max_length=255, help_text=_("Người viết, hiển thị cuối bài (Điều 8.5).")
    )
    source_name = models.CharField(
        _("nguồn (đơn vị đăng gốc)"),
        max_length=255,
        blank=True,
        help_text=_("Với tin, bài đăng lại: tên cơ quan, báo đã đăng bài gốc."),
    )
    source_url = models.URLField(_("liên kết bài gốc"), blank=True)
    source_date = models.DateField(
        _("ngày ban hành chính sách"),
        null=True,
        blank=True,
        help_text=_(
            "Ngày ban hành chính sách, quyết định mà bài đưa tin; "
            "tính hạn đăng tải theo ngày làm việc (Điều 12)."
        ),
    )
    tags = ClusterTaggableManager(through=ArticleTag, blank=True, verbose_name=_("từ khóa"))
    # Set from the tree on save: which portal and Art. 9 category the article is in.
    portal = models.ForeignKey(
        "portals.Portal",
        verbose_name=_("cổng"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
        editable=False,
    )
    # The order of the lists, held in this table so that one index serves it
    # (Wagtail keeps first_published_at in the page table, the syndication
    # choice is another table): kept by save() and news.services.
    published_at = models.DateTimeField(null=True, editable=False)
    featured_on_main = models.BooleanField(default=False, editable=False)
    kind = models.CharField(
        _("loại chuyên mục"), max_length=20, choices=Kind.choices, blank=True, editable=False
    )
    royalty_kind = models.CharField(
        _("loại tin, bài (nhuận bút)"),
        max_length=20,
        choices=RoyaltyKind.choices,
        default=RoyaltyKind.NEWS,
    )
    royalty_points = models.DecimalField(
        _("điểm nhuận bút"),
        max_digits=9,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_(
            "Người kiểm duyệt chấm khi duyệt: số điểm (hoặc số đồng, theo khung nhuận bút "
            "của cổng). Ghi vào bảng nhuận bút của tháng đăng bài."
        ),
    )

    parent_page_types = ["news.CategoryPage"]
    subpage_types = []

    content_panels = BasePage.content_panels + [
        "summary",
        "body",
        MultiFieldPanel(
            ["featured_image", "featured_image_alt"],
            heading=_("Ảnh đại diện"),
        ),
        "tags",
        MultiFieldPanel(
            ["author_name", "source_name", "source_url", "source_date"],
            heading=_("Tác giả và nguồn"),
        ),
        InlinePanel("related_documents", label=_("Văn bản liên quan")),
        MultiFieldPanel(
            [
                FieldPanel("royalty_kind", permission="news.score_royalties"),
                FieldPanel("royalty_points", permission="news.score_royalties"),
            ],
            heading=_("Nhuận bút"),
            permission="news.score_royalties",
        ),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("portal"),
    ]

    print_template = "news/article_print.html"

    class Meta:
        verbose_name = _("tin, bài")
        verbose_name_plural = _("tin, bài")
        permissions = [("score_royalties", _("Chấm nhuận bút khi duyệt tin, bài"))]
        indexes = [
            models.Index(fields=["kind"]),
            # The main portal's lists: featured first, then newest.
            models.Index(
                fields=["-featured_on_main", "-published_at", "-page_ptr"],
                name="news_article_main_order",
            ),
            # A component portal's lists: its own, newest first.
            models.Index(
                fields=["portal", "-published_at", "-page_ptr"], name="news_article_portal_order"
            ),
        ]

    @property
    def image_alt(self) -> str:
        """The alt text of the featured image: the article's own, else the image's."""
        if self.featured_image_alt:
            return self.featured_image_alt
        if self.featured_image_id and self.featured_image is not None:
            return self.featured_image.description
        return ""

    @property
    def updated_at(self):
        """When a published article last changed after its first publication, else None."""
        first, last = self.first_published_at, self.last_published_at
        if first and last and (last - first).total_seconds() > 60:
            return last
        return None

    def clean(self):
        super().clean()
        # WCAG and Art. 3.2b: an image a reader cannot see must be described.
        if self.featured_image_id and not self.image_alt.strip():
            raise ValidationError(
                {
                    "featured_image_alt": _(
                        "Ảnh đại diện chưa có văn bản thay thế: hãy mô tả ảnh trước khi đăng."
                    )
                }
            )
        if self.source_url and not self.source_name:
            raise ValidationError(
                {"source_name": _("Tin, bài đăng lại phải ghi tên đơn vị đăng bài gốc.")}
            )

    def save(self, *args, **kwargs):
        self.place_in_tree()
        self.published_at = self.first_published_at
        return super().save(*args, **kwargs)

    def with_content_json(self, content):
        # A revision holds the article as its author left it; the main portal's
        # choice to feature it was made since, on the article itself.
        article = super().with_content_json(content)
        article.featured_on_main = self.featured_on_main
        return article

    def place_in_tree(self):
        """Record the article's portal and Art. 9 category from its place in the tree."""
        if not self.path:
            return
        from eportal.portals import access

        self.portal = access.portal_of_path(self.path)
        parent = CategoryPage.objects.filter(path=self.path[: -self.steplen]).first()
        if parent is not None:
            self.kind = parent.kind

    def get_context(self, request, *args, **kwargs):
        from eportal.portals import caching

        context = super().get_context(request, *args, **kwargs)
        # What the article shows beside its own fields, read once per change
        # of the portal's content (the page itself is kept the same way).
        context.update(caching.content_value(request, "article", self._shown_with, (self.pk,)))
        return context

    def _shown_with(self) -> dict:
        image = None
        if self.featured_image_id:
            image = (
                get_image_model()
                .objects.prefetch_renditions(ARTICLE_RENDITION)
                .filter(pk=self.featured_image_id)
                .first()
            )
        return {
            "documents": [
                item.document
                for item in self.related_documents.select_related("document").all()
                if item.document is not None
            ],
            "tag_list": list(self.tags.all()),
            "source_portal": self.portal,
            "featured_image": image,
            "image_alt": self.featured_image_alt or (image.description if image else ""),
        }

    def get_print_context(self, request):
        context = super().get_print_context(request)
        context["documents"] = [item.document for item in self.related_documents.all()]
        return context


class RelatedDocument(Orderable):
    """A document (decision, plan, guidance) that an article refers to."""

    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="related_documents")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("tài liệu"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = ["document"]

    class Meta(Orderable.Meta):
        verbose_name = _("văn bản liên quan")
        verbose_name_plural = _("văn bản liên quan")


class SiteAlertQuerySet(models.QuerySet):
    def showing(self, portal, now=None):
        """Alerts switched on for ``portal`` and within their time window."""
        now = now or clock.now()
        return self.filter(
            active=True,
            portals=portal,
            starts_at__lte=now,
        ).filter(Q(ends_at__gt=now))


class SiteAlert(models.Model):
    """A site-wide hot-news alert (epidemic, natural disaster; Art. 9.12)."""

    class Level(models.TextChoices):
        INFO = "info", _("Thông tin")
        WARNING = "warning", _("Cảnh báo")
        DANGER = "danger", _("Khẩn cấp")

    title = models.CharField(_("tiêu đề"), max_length=255)
    message = models.TextField(_("nội dung"), blank=True)
    level = models.CharField(
        _("mức độ"), max_length=10, choices=Level.choices, default=Level.WARNING
    )
    link = models.URLField(_("liên kết xem thêm"), blank=True)
    portals = models.ManyToManyField(
        "portals.Portal", verbose_name=_("hiện trên các cổng"), related_name="site_alerts"
    )
    starts_at = models.DateTimeField(_("bắt đầu"), default=timezone.now)
    ends_at = models.DateTimeField(_("kết thúc"))
    active = models.BooleanField(_("đang bật"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SiteAlertQuerySet.as_manager()

    panels = ["level", "title", "message", "link", "portals", "starts_at", "ends_at", "active"]

    class Meta:
        verbose_name = _("cảnh báo khẩn")
        verbose_name_plural = _("cảnh báo khẩn")
        ordering = ["-starts_at"]

    def __str__(self):
        return self.title

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("Thời điểm kết thúc phải sau thời điểm bắt đầu.")})


class SyndicationChoice(models.Model):
    """The main portal board's choice about one component portal's article.

    The article itself is never touched: featuring puts it at the top of the
    main portal's lists, hiding keeps it off them.
    """

    article = models.OneToOneField(
        ArticlePage,
        on_delete=models.CASCADE,
        related_name="syndication",
        verbose_name=_("tin, bài"),
    )
    featured = models.BooleanField(_("tin nổi bật trên cổng chính"), default=False)
    hidden = models.BooleanField(_("ẩn trên cổng chính"), default=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("lựa chọn tin từ cổng thành phần")
        verbose_name_plural = _("lựa chọn tin từ cổng thành phần")

    def __str__(self):
        return str(self.article)
