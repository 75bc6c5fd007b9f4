"""Demo newsroom: articles in every category on several portals (some of the
component portals' featured or hidden on the main portal), each illustrated
article with its own picture (demo/pictures.py), a hot-news alert on
the main portal, royalty scales with last month's entries, and articles whose
Art. 12 deadlines are due soon or overdue. Idempotent."""

import io
from datetime import timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.rich_text import RichText

from eportal.demo import pictures
from eportal.editorial import services as editorial_services
from eportal.editorial.models import RoyaltyRate
from eportal.editorial.services import record_royalty
from eportal.news import services
from eportal.news.models import ArticlePage, CategoryPage, Kind, SiteAlert
from eportal.portals.models import Portal
from eportal.workdays.services import calendar

PORTALS_WITH_NEWS = ["www", "sotttt", "sokhdt", "quynhphu"]

# (category kind, slug, title, summary, royalty kind, points, days ago)
ARTICLES = [
    (
        Kind.NEWS,
        "hoi-nghi-tong-ket-cong-tac-nam",
        "Hội nghị tổng kết công tác năm và triển khai nhiệm vụ năm mới",
        "Sáng nay, {agency} tổ chức hội nghị tổng kết công tác năm, đánh giá kết quả "
        "đạt được và triển khai nhiệm vụ trọng tâm năm tới.",
        "article",
        Decimal("8"),
        35,
    ),
    (
        Kind.NEWS,
        "chuyen-doi-so-tai-co-so",
        "Đẩy mạnh chuyển đổi số trong giải quyết thủ tục hành chính",
        "{agency} triển khai tiếp nhận hồ sơ trực tuyến toàn trình, rút ngắn thời gian "
        "giải quyết cho người dân và doanh nghiệp.",
        "news",
        Decimal("4"),
        3,
    ),
    (
        Kind.DIRECTION,
        "chi-dao-phong-chong-bao-lu",
        "Chỉ đạo chủ động ứng phó với mưa lớn, nguy cơ ngập úng",
        "Lãnh đạo {agency} yêu cầu các đơn vị trực ban 24/24 giờ, chủ động phương án "
        "bảo đảm an toàn cho người dân.",
        "news",
        Decimal("3"),
        33,
    ),
    (
        Kind.POLICY,
        "huong-dan-thuc-hien-nghi-dinh-42",
        "Hướng dẫn thực hiện Nghị định 42/2022/NĐ-CP về cung cấp thông tin trên môi trường mạng",
        "Tuyên truyền, phổ biến các quy định mới về cung cấp thông tin và dịch vụ công "
        "trực tuyến của cơ quan nhà nước.",
        "article",
        Decimal("10"),
        40,
    ),
    (
        Kind.ANNOUNCEMENT,
        "thong-bao-lich-tiep-cong-dan",
        "Thông báo lịch tiếp công dân định kỳ",
        "{agency} thông báo lịch tiếp công dân định kỳ của lãnh đạo cơ quan.",
        "repost",
        Decimal("2"),
        36,
    ),
    (
        Kind.HOT,
        "ban-tin-an-toan-giao-thong-tuan",
        "Bản tin vi phạm trật tự an toàn giao thông trong tuần",
        "Tổng hợp các trường hợp vi phạm trật tự an toàn giao thông được phát hiện, xử lý trong tuần.",
        "news",
        Decimal("3"),
        1,
    ),
]

# The district story the main board features (its home shows it once: a
# story of the same title is the same story, eportal/portals/home.py).
REPOSTED_ON_MAIN = ("quynhphu", "chuyen-doi-so-tai-co-so")

# Scene of each article's picture (eportal/demo/pictures.py).
SCENE = {
    "hoi-nghi-tong-ket-cong-tac-nam": "town",
    "chuyen-doi-so-tai-co-so": "town",
    "chi-dao-phong-chong-bao-lu": "coast",
    "ban-tin-an-toan-giao-thong-tuan": "bridge",
}

BODY = (
    "<p>{agency} cho biết, trong thời gian qua, các phòng, đơn vị trực thuộc đã bám sát "
    "chỉ đạo của Ủy ban nhân dân tỉnh, hoàn thành tốt các nhiệm vụ được giao.</p>"
    "<p>Thời gian tới, cơ quan tiếp tục đẩy mạnh cải cách hành chính, nâng cao chất lượng "
    "phục vụ người dân và doanh nghiệp.</p>"
)

SCALE = [
    ("news", RoyaltyRate.Unit.POINTS, Decimal(100000), Decimal(3)),
    ("article", RoyaltyRate.Unit.POINTS, Decimal(100000), Decimal(8)),
    ("photo", RoyaltyRate.Unit.POINTS, Decimal(100000), Decimal(2)),
    ("translation", RoyaltyRate.Unit.POINTS, Decimal(100000), Decimal(6)),
    ("repost", RoyaltyRate.Unit.DONG, Decimal(1), Decimal(50000)),
]


def _working_days_before(today, n):
    """The day that is ``n`` working days before ``today``."""
    work_calendar = calendar()
    day = today
    while work_calendar.working_days_between(day, today) < n:
        day -= timedelta(days=1)
    return day


def _demo_image(portal, slug, title, report):
    """The article's own picture, drawn by ``pictures.draw`` (no placeholder)."""
    Image = get_image_model()
    image_title = f"{title[:200]} – ảnh minh họa"
    image = Image.objects.filter(title=image_title, collection=portal.collection).first()
    report.count(created=image is None)
    if image is not None:
        return image
    data = pictures.draw(f"{portal.slug}/{slug}", SCENE.get(slug, "fields"))
    image = Image(
        title=image_title,
        collection=portal.collection,
        description=f"Ảnh minh họa: {title}",
        file=ImageFile(io.BytesIO(data), name=f"{portal.slug}-{slug}.jpg"),
    )
    image.save()
    return image


def _publication_time(days_ago):
    """``days_ago`` before now; 30 and more means a day of last month (for its royalties)."""
    now = timezone.now()
    if days_ago < 30:
        return now - timedelta(days=days_ago)
    last_month = timezone.localtime(now).replace(day=1) - timedelta(days=1)
    return last_month.replace(day=min(days_ago - 25, 28), hour=9, minute=30)


def _category(portal, kind):
    return CategoryPage.objects.descendant_of(portal.site.root_page).filter(kind=kind).first()


def _article(portal, spec, admin, report):
    kind, slug, title, summary, royalty_kind, points, days_ago = spec
    category = _category(portal, kind)
    if category is None:
        return None
    existing = ArticlePage.objects.child_of(category).filter(slug=slug).first()
    report.count(created=existing is None)
    if existing is not None:
        return existing
    agency = portal.agency.name
    article = ArticlePage(
        title=title,
        slug=slug,
        summary=summary.format(agency=agency),
        body=[("paragraph", RichText(BODY.format(agency=agency)))],
        author_name="Nguyễn Thị Hoa",
        # Some articles have no picture: the home lays them out without one.
        featured_image=_demo_image(portal, slug, title, report) if slug in SCENE else None,
        royalty_kind=royalty_kind,
        royalty_points=points,
        owner=admin,
    )
    if kind == Kind.POLICY:
        article.source_date = timezone.localdate() - timedelta(days=days_ago + 10)
        article.source_name = "Cổng thông tin điện tử Chính phủ"
        article.source_url = "https://chinhphu.vn/"
    category.add_child(instance=article)
    article.save_revision(user=admin).publish(user=admin)
    # Back-date the publication so that lists, feeds and last month's royalties
    # look like a running newsroom.
    when = _publication_time(days_ago)
    ArticlePage.objects.filter(pk=article.pk).update(
        first_published_at=when, last_published_at=when, published_at=when
    )
    article.refresh_from_db()
    record_royalty(article)
    return article


def _open_deadlines(portal, admin, report):
    """Two submitted policy articles: one due in two working days, one overdue."""
    category = _category(portal, Kind.POLICY)
    author = get_user_model().objects.filter(username=f"{portal.slug}-ctv").first() or admin
    today = timezone.localdate()
    for slug, title, started in [
        (
            "pho-bien-luat-du-lieu",
            "Phổ biến Luật Dữ liệu và các văn bản hướng dẫn",
            _working_days_before(today, 13),
        ),
        (
            "huong-dan-chinh-sach-ho-tro-hop-tac-xa",
            "Hướng dẫn chính sách hỗ trợ phát triển hợp tác xã",
            _working_days_before(today, 18),
        ),
    ]:
        if ArticlePage.objects.child_of(category).filter(slug=slug).exists():
            report.count(created=False)
            continue
        article = ArticlePage(
            title=title,
            slug=slug,
            live=False,
            summary="Tuyên truyền, hướng dẫn thực hiện chính sách mới ban hành.",
            body=[("paragraph", RichText("<p>Nội dung đang được biên tập.</p>"))],
            author_name=author.get_full_name() or author.username,
            source_date=started,
            owner=author,
        )
        category.add_child(instance=article)
        article.save_revision(user=author)
        portal.workflow.start(article, author)
        report.count(created=True)


def load(report):
    admin = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
    portals = {p.slug: p for p in Portal.objects.select_related("site", "agency")}
    for portal in portals.values():
        services.ensure_newsroom(portal, by=admin)
        editorial_services.grant_board_permissions(portal)
        for kind, unit, value, default in SCALE:
            _rate, created = RoyaltyRate.objects.get_or_create(
                portal=portal,
                kind=kind,
                defaults={"unit": unit, "point_value": value, "default_points": default},
            )
            report.count(created=created)
    for slug in PORTALS_WITH_NEWS:
        portal = portals.get(slug)
        if portal is None:
            continue
        for spec in ARTICLES:
            _article(portal, spec, admin, report)
        _open_deadlines(portal, admin, report)
    main = next((p for p in portals.values() if p.is_main), None)
    if main is None:
        return
    # The main board features one district article and hides the component
    # portals' copies of the news it publishes itself: its lists show a story
    # once, not the same traffic bulletin four times.
    district, slug = REPOSTED_ON_MAIN
    featured = ArticlePage.objects.filter(portal__slug=district, slug=slug).first()
    if featured and not hasattr(featured, "syndication"):
        services.choose_syndication(featured, featured=True, hidden=False, by=admin)
        report.count(created=True)
    own = set(ArticlePage.objects.filter(portal=main).values_list("slug", flat=True))
    copies = ArticlePage.objects.live().filter(
        portal__is_main=False, slug__in=own, syndication__isnull=True
    )
    for copy in copies:
        services.choose_syndication(copy, featured=False, hidden=True, by=admin)
        report.count(created=True)
    title = "Cảnh báo mưa lớn, nguy cơ ngập úng trên địa bàn tỉnh"
    if SiteAlert.objects.filter(title=title).exists():
        report.count(created=False)
    else:
        services.switch_on_alert(
            title=title,
            message="Người dân hạn chế ra ngoài khi mưa lớn, theo dõi thông tin của chính quyền địa phương.",
            level=SiteAlert.Level.WARNING,
            ends_at=timezone.now() + timedelta(days=30),
            portals=[main],
            by=admin,
        )
        report.count(created=True)
