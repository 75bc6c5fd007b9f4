"""Demo data: a province (Thái Bình, the regulation's own) with its main portal,
two departments, one district and one other organisation, each with a board
of demo users (one per role) and a few pages.

Each feature's part is a module beside this one (``eportal/demo/news.py`` …),
composed from that app's own services; ``load_demo`` runs them in order and
every part is idempotent.
"""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.utils.text import capfirst

from eportal.core import mail
from eportal.core.models import ContentPage, SectionPage
from eportal.portals import services
from eportal.portals.models import Agency, BoardMember, Portal, Role

# For local use only; printed by `eportal demo` and listed in README.md.
DEMO_PASSWORD = "Demo@eportal2026"  # noqa: S105

AGENCIES = [
    {
        "name": "Ủy ban nhân dân tỉnh Thái Bình",
        "short_name": "UBND tỉnh",
        "kind": Agency.Kind.MAIN,
        "code": "000.00.00.H56",
        "address": "Số 76 đường Lê Lợi, thành phố Thái Bình, tỉnh Thái Bình",
        "phone": "0227 3731 555",
        "email": "ubnd@thaibinh.gov.vn",
        "portal_name": "Cổng thông tin điện tử tỉnh Thái Bình",
    },
    {
        "name": "Sở Thông tin và Truyền thông",
        "short_name": "Sở TT&TT",
        "kind": Agency.Kind.DEPARTMENT,
        "code": "000.00.10.H56",
        "address": "Số 8 đường Lê Lợi, thành phố Thái Bình, tỉnh Thái Bình",
        "phone": "0227 3646 946",
        "email": "sotttt@thaibinh.gov.vn",
    },
    {
        "name": "Sở Kế hoạch và Đầu tư",
        "short_name": "Sở KH&ĐT",
        "kind": Agency.Kind.DEPARTMENT,
        "code": "000.00.07.H56",
        "address": "Số 144 đường Lý Thường Kiệt, thành phố Thái Bình, tỉnh Thái Bình",
        "phone": "0227 3731 862",
        "email": "sokhdt@thaibinh.gov.vn",
    },
    {
        "name": "Huyện Quỳnh Phụ",
        "short_name": "UBND huyện Quỳnh Phụ",
        "kind": Agency.Kind.DISTRICT,
        "code": "000.20.30.H56",
        "address": "Thị trấn Quỳnh Côi, huyện Quỳnh Phụ, tỉnh Thái Bình",
        "phone": "0227 3863 212",
        "email": "quynhphu@thaibinh.gov.vn",
        "portal_name": "Cổng thông tin điện tử huyện Quỳnh Phụ",
    },
    {
        "name": "Liên minh Hợp tác xã tỉnh",
        "short_name": "Liên minh HTX",
        "kind": Agency.Kind.OTHER,
        "code": "",
        "address": "Số 10 đường Trần Hưng Đạo, thành phố Thái Bình, tỉnh Thái Bình",
        "phone": "0227 3831 496",
        "email": "lmhtx@thaibinh.gov.vn",
    },
]

# One demo user per role on every portal: (username suffix, role, position, name).
BOARD = [
    ("ctv", Role.CONTRIBUTOR, BoardMember.Position.MEMBER, "Nguyễn Thị Hoa"),
    ("btv", Role.EDITOR, BoardMember.Position.SECRETARY, "Trần Văn Minh"),
    ("kiemduyet", Role.APPROVER, BoardMember.Position.HEAD, "Phạm Quốc Hùng"),
    ("quantri", Role.ADMINISTRATOR, BoardMember.Position.MEMBER, "Lê Thanh Tùng"),
    # Receives and handles the agency's online dossiers (the only role that may).
    ("motcua", Role.ONE_STOP_OFFICER, BoardMember.Position.MEMBER, "Đỗ Thị Lan"),
]

# The foundation's own sections: (title, slug, description). News and events,
# direction and administration, policy dissemination (Art. 9.3–9.5) are the
# newsroom's categories under /tin-tuc/; documents, procedures, Q&A and
# consultations have their own index pages.
SECTIONS = [
    ("Giới thiệu", "gioi-thieu", "Cơ cấu tổ chức, chức năng, nhiệm vụ và lãnh đạo của cơ quan."),
]


@dataclass
class DemoReport:
    created: int = 0
    kept: int = 0
    portals: list = field(default_factory=list)
    usernames: list = field(default_factory=list)

    def count(self, created: bool) -> None:
        if created:
            self.created += 1
        else:
            self.kept += 1


def _superuser(report: DemoReport):
    User = get_user_model()
    user = User.objects.filter(username="admin").first()
    report.count(created=user is None)
    if user is None:
        user = User.objects.create_superuser(
            "admin",
            "admin@thaibinh.gov.vn",
            DEMO_PASSWORD,
            first_name="Quản trị",
            last_name="cấp tỉnh",
        )
    return user


def _portal(data: dict, admin, report: DemoReport) -> Portal:
    agency = Agency.objects.filter(name=data["name"]).first()
    if agency is not None and hasattr(agency, "portal"):
        report.count(created=False)
        return agency.portal
    if agency is None:
        agency = Agency(**{k: v for k, v in data.items() if k != "portal_name"})
    portal = services.create_portal(
        services.PortalSpec(
            agency=agency,
            name=data.get("portal_name", ""),
            is_main=data["kind"] == Agency.Kind.MAIN,
        ),
        by=admin,
    )
    report.count(created=True)
    return portal


def _board(portal: Portal, admin, report: DemoReport) -> None:
    User = get_user_model()
    for suffix, role, position, full_name in BOARD:
        username = f"{portal.slug}-{suffix}"
        report.usernames.append(username)
        user = User.objects.filter(username=username).first()
        if user is not None:
            report.count(created=False)
            continue
        last, first = full_name.rsplit(" ", 1)
        user = User.objects.create_user(
            username,
            f"{username}@{portal.hostname.split('.', 1)[1]}",
            DEMO_PASSWORD,
            first_name=first,
            last_name=last,
        )
        services.set_board_member(
            portal,
            user,
            position=position,
            roles=[role],
            job_title=capfirst(str(role.label)),
            by=admin,
        )
        report.count(created=True)


def _publish(parent, page, admin):
    parent.add_child(instance=page)
    page.save_revision(user=admin, log_action=True).publish(user=admin)
    return page


def _pages(portal: Portal, admin, report: DemoReport) -> None:
    home = portal.site.root_page.specific
    if not home.intro:
        home.intro = (
            f"<p>Chào mừng bạn đến với {portal.name}. Nơi cung cấp thông tin chính thức "
            f"của {portal.agency.name}: tin tức, văn bản, thủ tục hành chính và hỏi đáp.</p>"
        )
        home.save_revision(user=admin).publish(user=admin)
    existing = set(home.get_children().values_list("slug", flat=True))
    for title, slug, description in SECTIONS:
        if slug in existing:
            report.count(created=False)
            continue
        _publish(
            home,
            SectionPage(title=title, slug=slug, show_in_menus=True, search_description=description),
            admin,
        )
        report.count(created=True)
    about = home.get_children().get(slug="gioi-thieu")
    if not about.get_children().filter(slug="chuc-nang-nhiem-vu").exists():
        _publish(
            about,
            ContentPage(
                title="Chức năng, nhiệm vụ",
                slug="chuc-nang-nhiem-vu",
                summary=f"Vị trí, chức năng, nhiệm vụ và quyền hạn của {portal.agency.name}.",
                body=(
                    f"<p>{portal.agency.name} là cơ quan thuộc hệ thống hành chính nhà nước "
                    "tỉnh Thái Bình, thực hiện chức năng tham mưu, giúp Ủy ban nhân dân tỉnh "
                    "quản lý nhà nước trong lĩnh vực được giao.</p>"
                ),
            ),
            admin,
        )
        report.count(created=True)
    if "lien-he" not in existing:
        agency = portal.agency
        _publish(
            home,
            ContentPage(
                title="Liên hệ",
                slug="lien-he",
                show_in_menus=True,
                summary="Địa chỉ, điện thoại và thư điện tử của cơ quan.",
                body=(
                    f"<p><b>{agency.name}</b></p><p>Địa chỉ: {agency.address}<br>"
                    f"Điện thoại: {agency.phone}<br>Thư điện tử: {agency.email}</p>"
                ),
            ),
            admin,
        )
        report.count(created=True)


def load_demo() -> DemoReport:
    # The demo's citizens and officials are fictitious: nobody is written to.
    with mail.muted():
        return _load_demo()


def _load_demo() -> DemoReport:
    report = DemoReport()
    admin = _superuser(report)
    for data in AGENCIES:
        portal = _portal(data, admin, report)
        report.portals.append(portal)
        _board(portal, admin, report)
        _pages(portal, admin, report)
    # Each part composes its app's own services; later parts build on earlier
    # ones (news links legal documents; search indexes what every part published).
    from eportal.demo import (
        consultations,
        english,
        homes,
        legal,
        news,
        online_services,
        qa,
        schedules,
        search,
        traffic,
        two_factor,
    )

    parts = (
        news,
        legal,
        online_services,
        qa,
        consultations,
        schedules,
        homes,
        english,
        search,
        traffic,
        two_factor,
    )
    for part in parts:
        part.load(report)
    return report
