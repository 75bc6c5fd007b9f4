"""Demo leaders and work schedules: this week and next week for every portal,
with one item of this week adjusted after publication (điều chỉnh), as boards
do when a meeting moves. The leaders are fictitious."""

import datetime

from django.contrib.auth import get_user_model

from eportal.core import clock
from eportal.organisation import services, weeks
from eportal.organisation.models import Leader, WorkSchedulePage
from eportal.portals.models import Agency, Portal

# Leaders by the kind of agency: (full name, position, duties).
MAIN_LEADERS = [
    (
        "Nguyễn Quang Minh",
        "Chủ tịch UBND tỉnh",
        "Lãnh đạo, điều hành chung; quốc phòng, an ninh; nội vụ; thanh tra.",
    ),
    (
        "Lê Thị Thu Hà",
        "Phó Chủ tịch Thường trực UBND tỉnh",
        "Kế hoạch, đầu tư, tài chính, ngân sách; xây dựng, giao thông.",
    ),
    (
        "Phạm Văn Thành",
        "Phó Chủ tịch UBND tỉnh",
        "Nông nghiệp, phòng chống thiên tai, tài nguyên và môi trường.",
    ),
    (
        "Đặng Thị Hồng",
        "Phó Chủ tịch UBND tỉnh",
        "Văn hóa, xã hội, giáo dục, y tế, thông tin và truyền thông.",
    ),
]
DEPARTMENT_LEADERS = [
    ("Trần Đức Hải", "Giám đốc Sở", "Phụ trách chung; tổ chức cán bộ; tài chính."),
    ("Vũ Thị Mai", "Phó Giám đốc Sở", "Chuyên môn, nghiệp vụ; cải cách hành chính."),
]
DISTRICT_LEADERS = [
    ("Hoàng Văn Nam", "Chủ tịch UBND huyện", "Phụ trách chung; quốc phòng, an ninh."),
    ("Bùi Thị Lan", "Phó Chủ tịch UBND huyện", "Kinh tế, nông nghiệp, xây dựng nông thôn mới."),
]
OTHER_LEADERS = [
    ("Ngô Văn Tuấn", "Chủ tịch", "Phụ trách chung."),
    ("Đỗ Thị Hạnh", "Phó Chủ tịch", "Tuyên truyền, hỗ trợ hợp tác xã."),
]
LEADERS = {
    Agency.Kind.MAIN: MAIN_LEADERS,
    Agency.Kind.DEPARTMENT: DEPARTMENT_LEADERS,
    Agency.Kind.DISTRICT: DISTRICT_LEADERS,
}

# A week's items: (weekday 0–6, start, end or None, content, place, leader index,
# participants, preparing unit). "{agency}" is the portal's agency.
MAIN_WEEK = [
    (
        0,
        "08:00",
        "11:00",
        "Giao ban lãnh đạo UBND tỉnh",
        "Phòng họp số 1, UBND tỉnh",
        0,
        "Các Phó Chủ tịch UBND tỉnh; Chánh Văn phòng UBND tỉnh",
        "Văn phòng UBND tỉnh",
    ),
    (
        0,
        "14:00",
        "17:00",
        "Làm việc với Sở Kế hoạch và Đầu tư về kế hoạch đầu tư công năm sau",
        "Phòng họp số 2, UBND tỉnh",
        1,
        "Lãnh đạo các Sở: Kế hoạch và Đầu tư, Tài chính",
        "Sở Kế hoạch và Đầu tư",
    ),
    (
        1,
        "07:30",
        None,
        "Kiểm tra công tác phòng, chống lụt bão tại huyện Thái Thụy",
        "Huyện Thái Thụy",
        2,
        "Sở Nông nghiệp và Phát triển nông thôn; UBND huyện Thái Thụy",
        "Sở Nông nghiệp và Phát triển nông thôn",
    ),
    (
        2,
        "08:00",
        "11:30",
        "Tiếp công dân định kỳ",
        "Trụ sở Tiếp công dân tỉnh",
        0,
        "Thanh tra tỉnh; Ban Tiếp công dân tỉnh",
        "Ban Tiếp công dân tỉnh",
    ),
    (
        3,
        "14:00",
        "16:30",
        "Hội nghị trực tuyến chuyển đổi số cấp tỉnh",
        "Hội trường UBND tỉnh và điểm cầu các huyện",
        3,
        "Sở Thông tin và Truyền thông; UBND các huyện, thành phố",
        "Sở Thông tin và Truyền thông",
    ),
    (
        4,
        "08:00",
        "11:00",
        "Phiên họp UBND tỉnh thường kỳ",
        "Phòng họp số 1, UBND tỉnh",
        0,
        "Thành viên UBND tỉnh",
        "Văn phòng UBND tỉnh",
    ),
]
UNIT_WEEK = [
    (
        0,
        "07:30",
        "09:00",
        "Giao ban lãnh đạo {agency}",
        "Phòng họp cơ quan",
        0,
        "Ban lãnh đạo; trưởng các phòng, đơn vị",
        "Văn phòng",
    ),
    (
        1,
        "14:00",
        "16:30",
        "Kiểm tra tiến độ giải quyết thủ tục hành chính",
        "Bộ phận Một cửa",
        1,
        "Trưởng các phòng chuyên môn",
        "Văn phòng",
    ),
    (2, "08:00", "11:00", "Dự họp UBND tỉnh", "Phòng họp số 1, UBND tỉnh", 0, "", ""),
    (
        3,
        "08:00",
        "11:30",
        "Làm việc với đoàn kiểm tra của tỉnh về cải cách hành chính",
        "Phòng họp cơ quan",
        0,
        "Ban lãnh đạo; các phòng liên quan",
        "Văn phòng",
    ),
    (4, "14:00", "16:00", "Họp chi bộ định kỳ", "Phòng họp cơ quan", 1, "Đảng viên chi bộ", ""),
]
NEXT_MAIN_WEEK = [
    (
        0,
        "08:00",
        "11:00",
        "Giao ban lãnh đạo UBND tỉnh",
        "Phòng họp số 1, UBND tỉnh",
        0,
        "Các Phó Chủ tịch UBND tỉnh",
        "Văn phòng UBND tỉnh",
    ),
    (
        1,
        "08:30",
        "11:30",
        "Hội nghị xúc tiến đầu tư vào khu kinh tế Thái Bình",
        "Trung tâm Hội nghị tỉnh",
        1,
        "Các nhà đầu tư; Ban Quản lý Khu kinh tế",
        "Sở Kế hoạch và Đầu tư",
    ),
    (
        3,
        "14:00",
        "17:00",
        "Kiểm tra xây dựng nông thôn mới tại huyện Quỳnh Phụ",
        "Huyện Quỳnh Phụ",
        2,
        "Văn phòng Điều phối nông thôn mới tỉnh",
        "UBND huyện Quỳnh Phụ",
    ),
]


def _time(text):
    return datetime.time.fromisoformat(text) if text else None


def _items(rows, monday, people, agency):
    return [
        {
            "date": monday + datetime.timedelta(days=day),
            "start_time": _time(start),
            "end_time": _time(end),
            "content": content.format(agency=agency.name),
            "place": place,
            "chair": people[who] if who < len(people) else None,
            "participants": participants,
            "preparing_unit": unit,
        }
        for day, start, end, content, place, who, participants, unit in rows
    ]


def _leaders(portal, report):
    existing = list(Leader.objects.filter(portal=portal).order_by("order", "pk"))
    if existing:
        report.count(created=False)
        return existing
    rows = LEADERS.get(portal.agency.kind, OTHER_LEADERS)
    report.count(created=True)
    return [
        services.add_leader(
            portal,
            full_name=name,
            position=position,
            duties=duties,
            biography="Trình độ chuyên môn: Thạc sĩ Quản lý công. "
            "Trình độ lý luận chính trị: Cao cấp.",
            order=n,
            term_start=datetime.date(2021, 7, 1),
        )
        for n, (name, position, duties) in enumerate(rows, start=1)
    ]


def _week(index, monday, rows, people, agency, admin, report):
    if WorkSchedulePage.objects.child_of(index).filter(week_start=monday).exists():
        report.count(created=False)
        return None
    page = services.new_week(index, monday, _items(rows, monday, people, agency), by=admin)
    page.get_latest_revision().publish(user=admin)
    report.count(created=True)
    return WorkSchedulePage.objects.get(pk=page.pk)


def _adjust(page, admin):
    """Move one item after publication, as a board does when a meeting moves."""
    draft = page.get_latest_revision_as_object()
    items = list(draft.items.all())
    moved = next((i for i in items if i.date.weekday() == 3), items[-1])
    moved.start_time = datetime.time(15, 0)
    moved.place = f"{moved.place} (đổi địa điểm)" if moved.place else "Phòng họp số 2"
    draft.items = items
    draft.save_revision(user=admin, log_action=True).publish(user=admin)


def load(report) -> None:
    admin = get_user_model().objects.get(username="admin")
    monday = weeks.monday_of(clock.today())
    for portal in Portal.objects.select_related("site__root_page", "agency").order_by("pk"):
        index, created = services.ensure_index_page(portal, by=admin)
        report.count(created=created)
        report.count(created=services.ensure_leader_page(portal, by=admin)[1])
        people = _leaders(portal, report)
        agency = portal.agency
        main = portal.is_main
        this_week = _week(
            index, monday, MAIN_WEEK if main else UNIT_WEEK, people, agency, admin, report
        )
        if this_week is not None:
            _adjust(this_week, admin)
        _week(
            index,
            weeks.shift(monday, 1),
            NEXT_MAIN_WEEK if main else UNIT_WEEK[:3],
            people,
            agency,
            admin,
            report,
        )
