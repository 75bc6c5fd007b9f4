"""Demo Q&A: topics, published answers, pending questions (one near its due
date, one overdue), a refused complaint and a progress notice. Idempotent: a
question is made once (found by its title) and never changed afterwards."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from eportal.portals.models import Portal
from eportal.qa import services
from eportal.qa.models import Question, Topic
from eportal.qa.pages import ensure_index_page
from eportal.workdays.services import calendar

TOPICS = {
    "www": ["Đất đai", "Đầu tư", "Lao động – việc làm", "Giáo dục", "Y tế"],
    "sotttt": ["Bưu chính", "Viễn thông – Internet", "Báo chí – xuất bản", "Chuyển đổi số"],
    "sokhdt": ["Đăng ký doanh nghiệp", "Đầu tư công", "Đấu thầu"],
    "quynhphu": ["Đất đai", "Hộ tịch", "Chính sách xã hội"],
    "lmhtxt": ["Hợp tác xã"],
}

ASKER = {
    "name": "Nguyễn Văn An",
    "email": "nguyenvanan@example.com",
    "phone": "0912 345 678",
    "address": "Xã An Khê, huyện Quỳnh Phụ",
}

# (key, portal, topic, agency portal, title, body, answer, fate, working days ago)
QUESTIONS = [
    (
        "published-1",
        "www",
        "Đầu tư",
        "sokhdt",
        "Thời hạn cấp giấy chứng nhận đăng ký đầu tư là bao lâu?",
        "Tôi muốn đầu tư xây dựng xưởng may tại huyện Quỳnh Phụ. Xin hỏi hồ sơ nộp ở đâu và bao lâu thì được cấp giấy chứng nhận đăng ký đầu tư?",
        "Theo Luật Đầu tư, Sở Kế hoạch và Đầu tư cấp Giấy chứng nhận đăng ký đầu tư trong 15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ. Hồ sơ nộp tại Trung tâm Phục vụ hành chính công tỉnh hoặc trực tuyến trên Cổng Dịch vụ công.",
        "published",
        30,
    ),
    (
        "published-2",
        "sotttt",
        "Viễn thông – Internet",
        "sotttt",
        "Thủ tục cấp phép thiết lập trang thông tin điện tử tổng hợp",
        "Doanh nghiệp chúng tôi muốn lập trang thông tin điện tử tổng hợp. Xin hỏi cần những giấy tờ gì?",
        "Hồ sơ gồm đơn đề nghị, bản sao giấy chứng nhận đăng ký doanh nghiệp, đề án hoạt động và các giấy tờ theo Nghị định 147/2024/NĐ-CP. Sở Thông tin và Truyền thông giải quyết trong 10 ngày làm việc.",
        "published",
        25,
    ),
    (
        "published-3",
        "quynhphu",
        "Hộ tịch",
        "quynhphu",
        "Đăng ký khai sinh cho con khi bố mẹ chưa đăng ký kết hôn",
        "Con tôi mới sinh, vợ chồng tôi chưa đăng ký kết hôn. Xin hỏi đăng ký khai sinh cho cháu thế nào?",
        "Ông/Bà đến UBND xã nơi cư trú để đăng ký khai sinh; nếu người cha muốn nhận con thì làm thủ tục đăng ký khai sinh kết hợp nhận cha, con theo Luật Hộ tịch.",
        "published",
        20,
    ),
    (
        "answered",
        "www",
        "Lao động – việc làm",
        "sotttt",
        "Hỗ trợ đào tạo kỹ năng số cho lao động nông thôn",
        "Xin hỏi tỉnh có chương trình hỗ trợ học kỹ năng số cho lao động nông thôn không?",
        "Năm 2026, Sở Thông tin và Truyền thông phối hợp với các huyện mở các lớp kỹ năng số miễn phí; đăng ký tại UBND xã.",
        "answered",
        12,
    ),
    (
        "routed-near-due",
        "www",
        "Đất đai",
        "quynhphu",
        "Cấp giấy chứng nhận quyền sử dụng đất lần đầu",
        "Gia đình tôi sử dụng đất ổn định từ năm 1995, chưa có giấy chứng nhận. Xin hỏi thủ tục cấp lần đầu?",
        "",
        "routed",
        13,
    ),
    (
        "overdue",
        "www",
        "Y tế",
        "sotttt",
        "Ứng dụng sổ sức khỏe điện tử",
        "Xin hỏi cách cài đặt và kích hoạt sổ sức khỏe điện tử trên điện thoại?",
        "",
        "routed",
        18,
    ),
    (
        "progress",
        "sokhdt",
        "Đấu thầu",
        "sokhdt",
        "Đăng tải thông tin đấu thầu trên Hệ thống mạng đấu thầu quốc gia",
        "Xin hỏi nhà thầu nhỏ cần đăng ký gì để tham dự đấu thầu qua mạng?",
        "",
        "progress",
        8,
    ),
    (
        "received",
        "www",
        "Giáo dục",
        None,
        "Tuyển sinh lớp 10 năm học 2026–2027",
        "Xin hỏi lịch thi tuyển sinh lớp 10 năm nay và chỉ tiêu từng trường?",
        "",
        "received",
        1,
    ),
]
COMPLAINT = (
    "www",
    "Đề nghị xem xét lại quyết định thu hồi đất của gia đình tôi",
    "Gia đình tôi không đồng ý với quyết định thu hồi đất và đề nghị cơ quan có thẩm quyền giải quyết.",
)


def _user(username):
    return get_user_model().objects.filter(username=username).first()


def load(report):
    portals = {p.slug: p for p in Portal.objects.select_related("site", "agency")}
    if "www" not in portals:
        return
    for portal in portals.values():
        _page, created = ensure_index_page(portal, by=_user("admin"))
        report.count(created=created)
        for order, name in enumerate(TOPICS.get(portal.slug, [])):
            _topic, created = Topic.objects.get_or_create(
                portal=portal, name=name, defaults={"sort_order": order}
            )
            report.count(created=created)
    work_calendar = calendar()
    today = timezone.localdate()
    for _key, slug, topic_name, agency_slug, title, body, answer, fate, ago in QUESTIONS:
        if slug not in portals or Question.objects.filter(title=title).exists():
            report.count(created=False)
            continue
        portal = portals[slug]
        received_on = today
        for _ in range(ago):
            received_on -= timedelta(days=1)
            while not work_calendar.is_working_day(received_on):
                received_on -= timedelta(days=1)
        received_at = timezone.make_aware(
            timezone.datetime.combine(received_on, timezone.datetime.min.time()).replace(hour=9)
        )
        question, _created = services.submit_question(
            portal,
            title=title,
            body=body,
            topic=Topic.objects.filter(portal=portal, name=topic_name).first(),
            now=received_at,
            **ASKER,
        )
        report.count(created=True)
        if fate == "received":
            continue
        board = _user(f"{slug}-btv")
        agency_portal = portals[agency_slug]
        services.route_question(question, agency_portal.agency, by=board)
        if fate == "progress":
            services.send_progress_notice(
                question,
                by=_user(f"{agency_slug}-ctv"),
                promised_date=work_calendar.add_working_days(question.due_date, 5),
                note="Câu hỏi cần ý kiến của Sở Tài chính; cơ quan sẽ trả lời trong thời hạn đã hẹn.",
                today=today,
            )
        if not answer:
            continue
        services.draft_answer(question, answer, by=_user(f"{agency_slug}-btv"))
        answered_at = min(received_at + timedelta(days=10), timezone.now())
        services.approve_answer(question, by=_user(f"{agency_slug}-kiemduyet"), now=answered_at)
        if fate == "published":
            services.set_published(question, True, by=_user(f"{slug}-kiemduyet"))
    portal, title, body = COMPLAINT
    if Question.objects.filter(title=title).exists():
        report.count(created=False)
    else:
        question, _created = services.submit_question(
            portals[portal], title=title, body=body, **ASKER
        )
        services.refuse_as_complaint(question, by=_user(f"{portal}-btv"))
        report.count(created=True)
