"""The newsroom's blocks for a portal's home (see eportal/portals/home.py)."""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images import get_image_model
from wagtail.images.models import Filter

from eportal.news import queries
from eportal.news.models import ArticlePage, CategoryPage, Kind, NewsIndexPage
from eportal.portals import home

# The featured story's picture: WebP with a JPEG fallback, two widths.
FEATURED_RENDITIONS = "fill-{480x270,960x540}|format-{webp,jpeg}"


def _count_block(default: int, maximum: int = 12):
    return blocks.IntegerBlock(
        label=_("Số tin, bài"), default=default, min_value=1, max_value=maximum
    )


class FeaturedStoriesBlock(home.HomeBlock):
    """Stories the board puts first, with their picture; without a choice the
    newest (on the main portal those it featured come first)."""

    stories = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="news.ArticlePage", label=_("Tin, bài")),
        label=_("Tin, bài được chọn"),
        required=False,
        default=[],
        help_text=_("Không chọn thì hiện các tin, bài nổi bật mới nhất."),
    )
    count = _count_block(4, 8)

    class Meta:
        label = _("Tin nổi bật")
        icon = "pick"
        template = "news/home/featured_stories.html"
        default_heading = _("Tin nổi bật")
        default_count = 4

    def candidates(self, value, request, portal, limit):
        if portal is None:
            return []
        images = Prefetch(
            "featured_image",
            queryset=get_image_model().objects.prefetch_renditions(
                *Filter.expand_spec(FEATURED_RENDITIONS)
            ),
        )
        chosen = [page.pk for page in value.get("stories") or [] if page is not None]
        if chosen:
            articles = (
                ArticlePage.objects.live()
                .public()
                .filter(pk__in=chosen)
                .select_related("portal")
                .prefetch_related(images)
            )
            found = {article.pk: article for article in articles}
            return [found[pk] for pk in chosen if pk in found][:limit]
        articles = queries.latest_articles(portal).prefetch_related(None).prefetch_related(images)
        return list(articles.select_related("portal")[:limit])

    def extra_context(self, value, request, portal, items):
        return {"renditions": FEATURED_RENDITIONS}


class NewsListBlock(home.HomeBlock):
    """The newest articles of one category, or of every category."""

    category = blocks.PageChooserBlock(
        page_type="news.CategoryPage",
        label=_("Chuyên mục"),
        required=False,
        help_text=_("Không chọn thì hiện tin, bài mới của mọi chuyên mục."),
    )
    count = _count_block(6)

    class Meta:
        label = _("Tin theo chuyên mục")
        icon = "list-ul"
        template = "news/home/news_list.html"
        default_heading = _("Tin mới")
        default_count = 6

    def candidates(self, value, request, portal, limit):
        if portal is None:
            return []
        category = value.get("category")
        if category is not None and not category.live:
            return []
        return list(
            queries.latest_articles(
                portal, within=category, kind=category.kind if category is not None else None
            )[:limit]
        )

    def extra_context(self, value, request, portal, items):
        category = value.get("category")
        return {
            "heading": value.get("title")
            or (category.title if category else self.meta.default_heading),
            "more_url": category.get_url(request)
            if category
            else home.section_url(NewsIndexPage, request, portal),
        }


class HotNewsBlock(home.HomeBlock):
    """Hot news (Art. 9.12): epidemics, natural disasters, traffic safety."""

    count = _count_block(4)

    class Meta:
        label = _("Tin nóng")
        icon = "warning"
        template = "news/home/news_list.html"
        default_heading = _("Tin nóng")
        default_count = 4

    def candidates(self, value, request, portal, limit):
        if portal is None:
            return []
        return list(queries.latest_articles(portal, kind=Kind.HOT).filter(kind=Kind.HOT)[:limit])

    def extra_context(self, value, request, portal, items):
        return {
            "more_url": home.section_url(CategoryPage, request, portal, kind=Kind.HOT),
            "hot": True,
        }


home.register(
    "featured_stories",
    FeaturedStoriesBlock(),
    order=10,
    default={"title": "", "stories": [], "count": 4},
)
home.register("hot_news", HotNewsBlock(), order=20, default={"title": "", "count": 4})
home.register(
    "news_list", NewsListBlock(), order=30, default={"title": "", "category": None, "count": 6}
)
