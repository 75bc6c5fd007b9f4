"""News API: the latest articles of a portal (with syndicated ones on the main
portal), filtered by Art. 9 category, and one article."""

from datetime import datetime
from typing import Literal

from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema

from eportal.api.pagination import PageQuery
from eportal.news import queries
from eportal.news.models import ArticlePage, Kind, NewsIndexPage
from eportal.portals.models import Portal

PREFIX = "news"
router = Router(tags=["news"])

KindName = Literal["news", "direction", "policy", "announcement", "hot"]


class ArticleOut(Schema):
    id: int
    title: str
    url: str
    summary: str
    kind: str
    portal: str | None
    author: str
    source_name: str
    source_url: str
    first_published_at: datetime | None
    last_published_at: datetime | None


class ArticleDetailOut(ArticleOut):
    tags: list[str]


class ArticleFilters(PageQuery):
    portal: str = Field("www", description="nhãn cổng (www, sotttt, …)", max_length=63)
    kind: KindName | None = Field(None, description="chuyên mục theo Điều 9")


def _out(article: ArticlePage) -> dict:
    return {
        "id": article.pk,
        "title": article.title,
        "url": article.get_full_url(),
        "summary": article.summary,
        "kind": article.kind,
        "portal": article.portal.slug if article.portal_id else None,
        "author": article.author_name,
        "source_name": article.source_name,
        "source_url": article.source_url,
        "first_published_at": article.first_published_at,
        "last_published_at": article.last_published_at,
    }


@router.get("/articles", response=list[ArticleOut], summary="Tin, bài mới nhất của một cổng")
def list_articles(request, filters: Query[ArticleFilters]):
    portal = Portal.objects.filter(slug=filters.portal).select_related("site").first()
    if portal is None:
        return []
    index = NewsIndexPage.objects.live().child_of(portal.site.root_page).first()
    articles = queries.latest_articles(portal, within=index)
    if filters.kind:
        articles = articles.filter(kind=Kind(filters.kind))
    start = (filters.page - 1) * filters.page_size
    return [_out(a) for a in articles[start : start + filters.page_size]]


@router.get("/articles/{article_id}", response=ArticleDetailOut, summary="Một tin, bài")
def get_article(request, article_id: int):
    article = get_object_or_404(
        ArticlePage.objects.live().public().select_related("portal"), pk=article_id
    )
    return _out(article) | {"tags": [tag.name for tag in article.tags.all()]}
