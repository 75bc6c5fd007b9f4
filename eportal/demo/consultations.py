"""Demo consultations: open drafts with comments on the main portal and on a
department's portal, an upcoming one, and a concluded one with its synthesis."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from eportal.consultations import services
from eportal.consultations.models import Comment, ConsultationPage
from eportal.portals.models import Portal

PORTAL_RULES_DRAFT = """ỦY BAN NHÂN DÂN TỈNH THÁI BÌNH
QUY CHẾ
Quản lý, vận hành Cổng thông tin điện tử tỉnh Thái Bình
(Kèm theo Quyết định số …/2026/QĐ-UBND)

Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng
1. Quy chế này quy định việc quản lý, vận hành, cung cấp và cập nhật thông tin trên Cổng thông tin điện tử tỉnh và các trang thông tin điện tử thành phần.
2. Quy chế áp dụng đối với các sở, ban, ngành, Ủy ban nhân dân các huyện, thành phố và tổ chức, cá nhân có liên quan.
Điều 2. Giải thích từ ngữ
Trong Quy chế này, các từ ngữ dưới đây được hiểu như sau:
1. Cổng thông tin điện tử tỉnh là hệ thống thông tin tích hợp trên môi trường mạng của Ủy ban nhân dân tỉnh.
2. Cổng thông tin thành phần là trang thông tin điện tử của cơ quan, đơn vị được tích hợp vào Cổng.
Chương II
CUNG CẤP VÀ CẬP NHẬT THÔNG TIN
Điều 3. Thông tin phải cung cấp
1. Thông tin giới thiệu về cơ quan, tổ chức bộ máy, chức năng, nhiệm vụ.
2. Văn bản quy phạm pháp luật, văn bản chỉ đạo, điều hành.
3. Danh mục dịch vụ công trực tuyến.
Điều 4. Thời hạn cập nhật thông tin
1. Văn bản quy phạm pháp luật được cập nhật chậm nhất 02 ngày làm việc kể từ ngày ban hành.
2. Thông tin về dự án, hạng mục đầu tư, đấu thầu được cập nhật chậm nhất 10 ngày làm việc.
Điều 5. Lấy ý kiến góp ý dự thảo văn bản
1. Dự thảo văn bản quy phạm pháp luật được đăng toàn văn để lấy ý kiến.
2. Cơ quan chủ trì soạn thảo có trách nhiệm:
a) tiếp nhận, tổng hợp ý kiến góp ý;
b) công khai bảng tổng hợp, giải trình, tiếp thu ý kiến.
Chương III
TỔ CHỨC THỰC HIỆN
Điều 6. Trách nhiệm thi hành
Thủ trưởng các sở, ban, ngành, Chủ tịch Ủy ban nhân dân các huyện, thành phố chịu trách nhiệm thi hành Quy chế này.
"""

DIGITAL_DRAFT = """Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Kế hoạch này quy định mục tiêu, nhiệm vụ chuyển đổi số của tỉnh giai đoạn 2026–2030.
Điều 2. Mục tiêu
1. 100% thủ tục hành chính đủ điều kiện được cung cấp trực tuyến toàn trình.
2. 80% hồ sơ công việc cấp tỉnh được xử lý trên môi trường mạng.
Chương II
NHIỆM VỤ VÀ GIẢI PHÁP
Điều 3. Hạ tầng số
1. Nâng cấp Trung tâm dữ liệu tỉnh.
2. Phủ sóng di động 5G tại các khu công nghiệp.
Điều 4. Nhân lực số
Tổ chức bồi dưỡng kỹ năng số cho cán bộ, công chức cấp xã.
"""

INVESTMENT_DRAFT = """Điều 1. Đối tượng áp dụng
Doanh nghiệp, hợp tác xã đầu tư vào nông nghiệp công nghệ cao trên địa bàn tỉnh.
Điều 2. Mức hỗ trợ
1. Hỗ trợ 50% lãi suất vốn vay trong 3 năm đầu.
2. Hỗ trợ tối đa 500 triệu đồng cho mỗi dự án.
Điều 3. Hồ sơ đề nghị hỗ trợ
Hồ sơ gồm đơn đề nghị, dự án đầu tư và giấy chứng nhận đăng ký doanh nghiệp.
"""

FEE_DRAFT = """Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Nghị quyết quy định mức thu phí tham quan khu di tích Đền Trần Thái Bình.
Điều 2. Mức thu
1. Người lớn: 20.000 đồng/lượt.
2. Trẻ em dưới 16 tuổi: 10.000 đồng/lượt.
Điều 3. Miễn, giảm phí
1. Miễn phí cho người có công với cách mạng.
2. Giảm 50% cho người cao tuổi.
"""


def _admin():
    return get_user_model().objects.get(username="admin")


def _consultation(portal, admin, report, *, slug, title, summary, text, opens, closes):
    index, created = services.ensure_index_page(portal, by=admin)
    report.count(created=created)
    existing = index.get_children().filter(slug=slug).first()
    if existing is not None:
        report.count(created=False)
        return None
    agency = portal.agency
    page = ConsultationPage(
        title=title,
        slug=slug,
        drafting_agency=agency,
        summary=summary,
        draft_text=text,
        opens_at=opens,
        closes_at=closes,
        receiving_address=agency.address,
        receiving_phone=agency.phone,
        receiving_email=agency.email,
    )
    index.add_child(instance=page)
    page.save_revision(user=admin, log_action=True).publish(user=admin)
    report.count(created=True)
    return page


def _comment(page, n, **fields):
    comment, _created = services.submit_comment(
        page, submission_key=f"demo:{page.slug}:{n}", **fields
    )
    return comment


def load(report) -> None:
    admin = _admin()
    now = timezone.now()
    portals = {p.slug: p for p in Portal.objects.select_related("site__root_page", "agency")}
    for portal in portals.values():
        _page, created = services.ensure_index_page(portal, by=admin)
        report.count(created=created)

    main = next((p for p in portals.values() if p.is_main), None)
    if main is not None:
        page = _consultation(
            main,
            admin,
            report,
            slug="quy-che-cong-thong-tin-dien-tu",
            title="Dự thảo Quy chế quản lý, vận hành Cổng thông tin điện tử tỉnh",
            summary="Lấy ý kiến nhân dân về dự thảo Quy chế quản lý, vận hành Cổng thông tin "
            "điện tử tỉnh và các cổng thông tin thành phần.",
            text=PORTAL_RULES_DRAFT,
            opens=now - timedelta(days=5),
            closes=now + timedelta(days=25),
        )
        if page is not None:
            approved = _comment(
                page,
                1,
                name="Nguyễn Văn An",
                email="nguyenvanan@example.com",
                body="Đề nghị quy định rõ thời hạn cập nhật thông tin về dịch vụ công "
                "trực tuyến, vì người dân rất cần thông tin này.",
                article_key="dieu-4",
            )
            services.approve(approved, by=admin)
            services.respond(
                approved,
                response=Comment.Response.ACCEPTED,
                explanation="Tiếp thu, bổ sung khoản 3 Điều 4.",
                by=admin,
            )
            org = _comment(
                page,
                2,
                name="Trần Thị Bình",
                email="phaply@hiephoidn.example.com",
                organization="Hiệp hội Doanh nghiệp tỉnh Thái Bình",
                body="Đề nghị bổ sung quy định công khai bảng tổng hợp ý kiến trong thời hạn "
                "10 ngày làm việc kể từ ngày kết thúc lấy ý kiến.",
                article_key="dieu-5",
            )
            services.approve(org, by=admin)
            general = _comment(
                page,
                3,
                name="Lê Minh Châu",
                email="leminhchau@example.com",
                body="Dự thảo cần có điều khoản về bảo đảm an toàn thông tin cho Cổng.",
            )
            services.approve(general, by=admin)
            _comment(
                page,
                4,
                name="Phạm Đức Dũng",
                email="phamducdung@example.com",
                body="Nên cho phép góp ý bằng tệp đính kèm.",
                article_key="dieu-5",
            )
            spam = _comment(
                page,
                5,
                name="Quảng cáo",
                email="spam@example.com",
                body="Mua bán tên miền giá rẻ, liên hệ ngay!",
            )
            services.hide(spam, reason="Quảng cáo, không liên quan đến dự thảo.", by=admin)

    if "sotttt" in portals:
        page = _consultation(
            portals["sotttt"],
            admin,
            report,
            slug="ke-hoach-chuyen-doi-so-2026-2030",
            title="Dự thảo Kế hoạch chuyển đổi số tỉnh Thái Bình giai đoạn 2026–2030",
            summary="Sở Thông tin và Truyền thông lấy ý kiến về dự thảo Kế hoạch chuyển đổi số.",
            text=DIGITAL_DRAFT,
            opens=now - timedelta(days=2),
            closes=now + timedelta(days=28),
        )
        if page is not None:
            comment = _comment(
                page,
                1,
                name="Vũ Thị Hạnh",
                email="vuthihanh@example.com",
                body="Đề nghị bổ sung mục tiêu về tỷ lệ người dân có danh tính số.",
                article_key="dieu-2",
            )
            services.approve(comment, by=admin)
            _comment(
                page,
                2,
                name="Đỗ Văn Khoa",
                email="dovankhoa@example.com",
                body="Cần nêu rõ nguồn kinh phí thực hiện.",
            )

    if "sokhdt" in portals:
        _consultation(
            portals["sokhdt"],
            admin,
            report,
            slug="chinh-sach-ho-tro-nong-nghiep-cong-nghe-cao",
            title="Dự thảo Nghị quyết về chính sách hỗ trợ đầu tư nông nghiệp công nghệ cao",
            summary="Lấy ý kiến doanh nghiệp, hợp tác xã về dự thảo chính sách hỗ trợ đầu tư.",
            text=INVESTMENT_DRAFT,
            opens=now + timedelta(days=7),
            closes=now + timedelta(days=37),
        )

    if "quynhphu" in portals or main is not None:
        host = portals.get("quynhphu") or main
        page = _consultation(
            host,
            admin,
            report,
            slug="muc-thu-phi-tham-quan-den-tran",
            title="Dự thảo Nghị quyết quy định mức thu phí tham quan khu di tích Đền Trần",
            summary="Lấy ý kiến về mức thu phí tham quan và các trường hợp miễn, giảm phí.",
            text=FEE_DRAFT,
            opens=now - timedelta(days=40),
            closes=now + timedelta(days=1),
        )
        if page is not None:
            first = _comment(
                page,
                1,
                name="Ngô Thị Lan",
                email="ngothilan@example.com",
                body="Mức thu 20.000 đồng là hợp lý, đề nghị giữ nguyên.",
                article_key="dieu-2",
                notify=True,
            )
            second = _comment(
                page,
                2,
                name="Hoàng Văn Nam",
                email="hoangvannam@example.com",
                organization="Hội Người cao tuổi huyện Quỳnh Phụ",
                body="Đề nghị miễn phí hoàn toàn cho người từ 70 tuổi trở lên.",
                article_key="dieu-3",
            )
            for comment, response, explanation in (
                (first, Comment.Response.ACCEPTED, "Giữ nguyên mức thu như dự thảo."),
                (
                    second,
                    Comment.Response.PARTLY,
                    "Giảm 50% cho người cao tuổi theo Luật Người cao tuổi; chưa miễn hoàn "
                    "toàn để bảo đảm kinh phí tu bổ di tích.",
                ),
            ):
                services.approve(comment, by=admin)
                services.respond(comment, response=response, explanation=explanation, by=admin)
            services.close(page, by=admin)
            services.conclude(
                page,
                explanation="Cơ quan soạn thảo đã nhận 2 ý kiến, tiếp thu 1 ý kiến và tiếp "
                "thu một phần 1 ý kiến; dự thảo đã được chỉnh lý trình Hội đồng nhân dân.",
                by=admin,
            )
