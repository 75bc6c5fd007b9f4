"""Demo home pages: each portal's board arranges its blocks (portals/home.py).

The main portal leads with featured stories and hot news, then the most used
services, direction and administration, documents, answers, consultations,
the dossier figures and links to national systems; component portals use a
shorter arrangement of their own. Run after the parts that publish what the
blocks show. Idempotent: a home already composed is kept."""

from django.contrib.auth import get_user_model
from wagtail.models import Locale

from eportal.news.models import CategoryPage, Kind
from eportal.portals import services
from eportal.portals.models import Portal
from eportal.procedures.models import ProcedurePage

BANNERS = [
    {"title": "Cổng Thông tin điện tử Chính phủ", "url": "https://chinhphu.vn/", "image": None},
    {
        "title": "Hệ thống tiếp nhận, trả lời phản ánh, kiến nghị của người dân và doanh nghiệp",
        "url": "https://pakn.dichvucong.gov.vn/",
        "image": None,
    },
    {
        "title": "Cơ sở dữ liệu quốc gia về văn bản pháp luật",
        "url": "https://vbpl.vn/",
        "image": None,
    },
]


def _services(portal, count):
    """Procedures the board puts forward until page views say which are used most."""
    procedures = ProcedurePage.objects.live().filter(locale=Locale.get_default())
    if not portal.is_main:
        procedures = procedures.descendant_of(portal.site.root_page)
    return list(procedures.order_by("title").values_list("pk", flat=True)[:count])


def _category(portal, kind):
    page = (
        CategoryPage.objects.live().descendant_of(portal.site.root_page).filter(kind=kind).first()
    )
    return page.pk if page else None


def _main_blocks(portal):
    return [
        ("featured_stories", {"title": "", "stories": [], "count": 4}),
        ("hot_news", {"title": "", "count": 4}),
        ("work_schedule", {"title": "Lịch công tác của Lãnh đạo UBND tỉnh", "show": "today"}),
        (
            "popular_services",
            {
                "title": "",
                "procedures": _services(portal, 6),
                "count": 6,
                "national_portal_title": "Cổng Dịch vụ công quốc gia",
                "national_portal_url": "https://dichvucong.gov.vn/",
            },
        ),
        ("news_list", {"title": "", "category": _category(portal, Kind.DIRECTION), "count": 5}),
        ("latest_documents", {"title": "", "count": 5}),
        ("latest_answers", {"title": "", "count": 5}),
        ("open_consultations", {"title": "", "count": 3}),
        ("news_list", {"title": "Tin tức các sở, ngành, địa phương", "category": None, "count": 6}),
        ("dossier_statistics", {"title": ""}),
        ("banner_links", {"title": "Liên kết", "links": BANNERS}),
    ]


def _component_blocks(portal):
    return [
        ("featured_stories", {"title": "", "stories": [], "count": 3}),
        ("hot_news", {"title": "", "count": 3}),
        ("work_schedule", {"title": "", "show": "today"}),
        ("news_list", {"title": "", "category": None, "count": 5}),
        (
            "popular_services",
            {
                "title": "",
                "procedures": _services(portal, 5),
                "count": 5,
                "national_portal_title": "Cổng Dịch vụ công quốc gia",
                "national_portal_url": "https://dichvucong.gov.vn/",
            },
        ),
        ("latest_documents", {"title": "", "count": 4}),
        ("latest_answers", {"title": "", "count": 4}),
        ("open_consultations", {"title": "", "count": 3}),
        ("banner_links", {"title": "Liên kết", "links": [BANNERS[0], BANNERS[2]]}),
    ]


def load(report):
    admin = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
    for portal in Portal.objects.select_related("site"):
        home = portal.site.root_page.specific
        # The demo composes a home once (its banners name the legal database).
        if any(
            link["url"] == BANNERS[-1]["url"]
            for block in home.body
            if block.block_type == "banner_links"
            for link in block.value["links"]
        ):
            report.count(created=False)
            continue
        blocks = _main_blocks(portal) if portal.is_main else _component_blocks(portal)
        services.compose_home(portal, blocks, by=admin)
        report.count(created=True)
