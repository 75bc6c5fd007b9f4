"""Lists and article pages cost the same number of queries for 10 or 1,000 articles."""

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from treebeard.numconv import NumConv
from wagtail.models import Page
from wagtail.rich_text import RichText

from eportal.news.models import ArticlePage
from eportal.portals import caching
from tests.news.helpers import category, image


def bulk_articles(portal, count, *, start=0):
    """Create ``count`` live articles in the news category with two bulk inserts.

    Articles are multi-table pages (Page + ArticlePage), which ``bulk_create``
    refuses, so the base rows are bulk-created first and the article rows are
    inserted for them in one statement per batch.
    """
    parent = category(portal)
    picture = image(portal, description="Ảnh minh họa")
    content_type = ContentType.objects.get_for_model(ArticlePage)
    now = timezone.now()
    numbers = NumConv("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    bases = Page.objects.bulk_create(
        [
            Page(
                title=f"Tin số {i}",
                draft_title=f"Tin số {i}",
                slug=f"tin-so-{i}",
                content_type=content_type,
                locale_id=parent.locale_id,
                live=True,
                first_published_at=now,
                last_published_at=now,
                depth=parent.depth + 1,
                path=parent.path + numbers.int2str(i + 1).rjust(parent.steplen, "0"),
                url_path=f"{parent.url_path}tin-so-{i}/",
                numchild=0,
            )
            for i in range(start, start + count)
        ],
        batch_size=250,
    )
    articles = [
        ArticlePage(
            page_ptr_id=base.pk,
            summary=f"Tóm tắt {base.title}.",
            author_name="Nguyễn Thị Hoa",
            body=[("paragraph", RichText("<p>Nội dung.</p>"))],
            featured_image=picture,
            portal=portal,
            kind=parent.kind,
            published_at=now,
        )
        for base in bases
    ]
    fields = ArticlePage._meta.local_concrete_fields
    for i in range(0, len(articles), 200):
        ArticlePage.objects._insert(articles[i : i + 200], fields=fields)
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + count)


def count_queries(client, path, **headers):
    client.get(path, **headers)  # warm caches (sites, content types)
    caching.invalidate_all_content()  # as after a publication: lists rendered again
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, **headers)
    assert response.status_code == 200, path
    return len(queries)


PATHS = [
    ("/tin-tuc/", {"HTTP_HOST": "www.thaibinh.gov.vn"}),
    ("/tin-tuc/su-kien/", {"HTTP_HOST": "www.thaibinh.gov.vn"}),
    ("/p/sotttt/tin-tuc/su-kien/", {}),
    ("/p/sotttt/tin-tuc/su-kien/tin-so-5/", {}),
    ("/feeds/tin-tuc/rss/", {"HTTP_HOST": "www.thaibinh.gov.vn"}),
]


def test_it_costs_the_same_queries_for_10_and_1000_articles(client, province):
    bulk_articles(province["sotttt"], 10)
    before = {path: count_queries(client, path, **headers) for path, headers in PATHS}
    bulk_articles(province["sotttt"], 990, start=10)
    after = {path: count_queries(client, path, **headers) for path, headers in PATHS}
    assert after == before
