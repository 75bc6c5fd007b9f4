"""The home page a board composes from blocks (portals/home.py, issue 21): no
item twice, no empty box, no placeholder for a missing picture, the same
number of queries however much content there is, and arranged in the admin."""

import re

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.test.utils.form_data import rich_text

from eportal.news.models import Kind
from eportal.portals.models import PortalHomePage
from tests.news.helpers import image, publish


def compose(portal, *blocks):
    """Publish ``portal``'s home with ``blocks``: (block name, raw value)."""
    home = portal.home_page.specific
    home.body = PortalHomePage.body.field.stream_block.to_python(
        [{"type": name, "value": value} for name, value in blocks]
    )
    home.save_revision().publish(skip_permission_checks=True)
    return home


def home_html(client, portal):
    response = client.get(f"/p/{portal.slug}/")
    assert response.status_code == 200
    return response.content.decode()


def illustrated(portal, title, **fields):
    picture = image(portal, description=f"Ảnh: {title}")
    return publish(portal, title, featured_image=picture, **fields)


def test_it_shows_a_story_once_though_several_blocks_would_list_it(client, province):
    portal = province["sotttt"]
    publish(portal, "Kết quả chuyển đổi số quý III")
    publish(portal, "Cảnh báo lũ trên sông Hồng", kind=Kind.HOT)
    compose(
        portal,
        ("featured_stories", {"title": "", "stories": [], "count": 1}),
        ("hot_news", {"title": "", "count": 4}),
        ("news_list", {"title": "", "category": None, "count": 6}),
    )

    html = home_html(client, portal)

    assert html.count("Cảnh báo lũ trên sông Hồng") == 1  # featured, not again as hot news
    assert html.count("Kết quả chuyển đổi số quý III") == 1
    assert "hot-news" not in html  # nothing left for it: no empty box


def test_a_story_two_portals_published_under_one_title_is_shown_once(client, province):
    for key in ("sotttt", "quynhphu"):
        publish(province[key], "Bản tin an toàn giao thông tuần 49")
    compose(province["main"], ("news_list", {"title": "", "category": None, "count": 6}))

    assert home_html(client, province["main"]).count("Bản tin an toàn giao thông tuần 49") == 1


def test_a_block_with_nothing_to_show_renders_nothing(client, province):
    portal = province["quynhphu"]
    compose(
        portal,
        ("latest_answers", {"title": "", "count": 5}),
        ("open_consultations", {"title": "", "count": 3}),
        ("latest_documents", {"title": "", "count": 5}),
        ("dossier_statistics", {"title": ""}),
        ("hot_news", {"title": "", "count": 4}),
    )

    html = home_html(client, portal)

    assert "home-block" not in html.split('class="home-blocks"')[1].split("</div>")[0]
    assert "Chưa có" not in html


def test_a_story_without_a_picture_is_laid_out_without_one(client, province):
    portal = province["sotttt"]
    publish(portal, "Thông báo tuyển dụng công chức")
    compose(portal, ("featured_stories", {"title": "", "stories": [], "count": 4}))

    html = home_html(client, portal)
    stories = html.split('class="stories"')[1].split("</ul>")[0]

    assert "story no-image" in stories
    assert "<img" not in stories and "<picture" not in stories


def test_a_story_with_a_picture_has_responsive_webp_renditions(client, province):
    portal = province["sotttt"]
    illustrated(portal, "Khánh thành cầu Tân Đệ mới")
    illustrated(portal, "Lễ hội Đền Trần năm nay")
    compose(portal, ("featured_stories", {"title": "", "stories": [], "count": 4}))

    html = home_html(client, portal)
    stories = html.split('class="stories"')[1].split("</ul>")[0]

    assert stories.count('type="image/webp"') == 2
    # Two widths (a picture smaller than a rendition is not enlarged).
    assert re.search(
        r'srcset="[^" ]+fill-480x270[^" ]+webp \d+w, [^" ]+fill-960x540[^" ]+webp \d+w"', stories
    )
    first, second = (
        stories.split('class="story has-image"')[0],
        stories.split('class="story has-image"')[1],
    )
    assert 'loading="lazy"' not in first  # the lead story is on the first screen
    assert 'loading="lazy"' in second


def test_it_shows_the_stories_the_board_chose_in_its_order(client, province):
    portal = province["sotttt"]
    older = publish(portal, "Hội thảo an toàn thông tin")
    newer = publish(portal, "Ra mắt ứng dụng công dân số")
    compose(
        portal,
        ("featured_stories", {"title": "Tiêu điểm", "stories": [older.pk, newer.pk], "count": 4}),
    )

    html = home_html(client, portal)

    assert "Tiêu điểm" in html
    assert html.index("Hội thảo an toàn thông tin") < html.index("Ra mắt ứng dụng công dân số")


ALL_BLOCKS = [
    ("featured_stories", {"title": "", "stories": [], "count": 4}),
    ("hot_news", {"title": "", "count": 4}),
    ("news_list", {"title": "", "category": None, "count": 6}),
    (
        "popular_services",
        {
            "title": "",
            "procedures": [],
            "count": 6,
            "national_portal_url": "https://dichvucong.gov.vn/",
        },
    ),
    ("latest_documents", {"title": "", "count": 5}),
    ("latest_answers", {"title": "", "count": 5}),
    ("open_consultations", {"title": "", "count": 3}),
    ("dossier_statistics", {"title": ""}),
]


def _queries_uncached(client, path):
    client.get(path)  # renditions made once, as the first visitor would
    for cache in caches.all():
        cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("key", ["main", "sotttt"])
def test_the_home_costs_the_same_queries_with_more_content(client, province, key):
    portal, other = province[key], province["quynhphu"]
    banners = [
        {
            "title": f"Liên kết {n}",
            "url": f"https://lien-ket-{n}.gov.vn/",
            "image": image(portal, "Biểu ngữ").pk,
        }
        for n in range(2)
    ]
    compose(portal, *ALL_BLOCKS, ("banner_links", {"title": "", "links": banners}))
    # Enough for every news block to show something: a block that shows
    # nothing also skips its link to the full list.
    publish(portal, "Tin nóng đầu tiên", kind=Kind.HOT)
    for n in range(5):
        illustrated(portal, f"Tin có ảnh số {n}")
    publish(other, "Tin của huyện")
    few = _queries_uncached(client, f"/p/{portal.slug}/")

    for n in range(5, 15):
        illustrated(portal, f"Tin có ảnh số {n}")
        publish(portal, f"Tin nóng số {n}", kind=Kind.HOT)
        publish(other, f"Tin của huyện số {n}")
    many = _queries_uncached(client, f"/p/{portal.slug}/")

    assert many == few


def test_a_new_portal_starts_with_a_home_that_lists_its_content(client, province):
    portal = province["quynhphu"]
    publish(portal, "Huyện ra quân làm thủy lợi nội đồng")

    html = home_html(client, portal)

    assert "Huyện ra quân làm thủy lợi nội đồng" in html
    assert "https://dichvucong.gov.vn/" in html
    assert (
        html.count("https://dichvucong.gov.vn/") == 1
    )  # the services block's, not the banner's too


def test_the_home_changes_when_an_article_is_published(client, province):
    portal = province["sotttt"]
    home_html(client, portal)  # rendered and kept
    publish(portal, "Sở tổ chức hội nghị giao ban báo chí")

    assert "Sở tổ chức hội nghị giao ban báo chí" in home_html(client, portal)


def test_an_editor_arranges_the_blocks_in_the_admin(client, province, board):
    portal = province["sotttt"]
    home = portal.home_page.specific
    client.force_login(board["sotttt"]["editor"])
    assert client.get(f"/admin/pages/{home.pk}/edit/").status_code == 200
    blocks = [
        (
            "banner_links",
            {
                "title": "Liên kết",
                "links-count": "1",
                "links-0-value-title": "Cổng Chính phủ",
                "links-0-value-url": "https://chinhphu.vn/",
                "links-0-value-image": "",
                "links-0-deleted": "",
                "links-0-order": "0",
            },
        ),
        ("hot_news", {"title": "", "count": "3"}),
    ]
    data = {
        "title": home.title,
        "slug": home.slug,
        "intro": rich_text("<p>Chào mừng</p>"),
        "body-count": str(len(blocks)),
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
    }
    for position, (name, values) in enumerate(blocks):
        data |= {
            f"body-{position}-type": name,
            f"body-{position}-deleted": "",
            f"body-{position}-order": str(position),
            f"body-{position}-id": "",
        }
        data |= {f"body-{position}-value-{field}": value for field, value in values.items()}

    response = client.post(f"/admin/pages/{home.pk}/edit/", data)

    assert response.status_code == 302, response.content.decode()[:2000]
    draft = PortalHomePage.objects.get(pk=home.pk).get_latest_revision_as_object()
    assert [block.block_type for block in draft.body] == ["banner_links", "hot_news"]
    assert draft.body[0].value["links"][0]["url"] == "https://chinhphu.vn/"
