"""Give every new portal its procedure catalogue at /thu-tuc/."""

from django.utils.translation import gettext_lazy as _

from eportal.core.pages import ensure_child_page

INDEX_SLUG = "thu-tuc"


def ensure_index(portal, by=None):
    """Return (the portal's ProcedureIndexPage, created), publishing it if missing."""
    from eportal.procedures.models import ProcedureIndexPage

    return ensure_child_page(
        portal.home_page,
        ProcedureIndexPage,
        slug=INDEX_SLUG,
        by=by,
        title=str(_("Thủ tục hành chính")),
        intro=(
            "<p>Danh mục thủ tục hành chính, nộp hồ sơ trực tuyến và theo dõi "
            "kết quả giải quyết.</p>"
        ),
        guide=DEFAULT_GUIDE,
    )


def give_portal_catalogue(sender=None, portal=None, by=None, **kwargs):
    ensure_index(portal, by=by)


DEFAULT_GUIDE = """
<h2>1. Đăng ký tài khoản</h2>
<p>Chọn “Đăng ký tài khoản”, nhập họ tên, thư điện tử và mật khẩu. Mở liên kết trong thư
xác thực để kích hoạt tài khoản.</p>
<h2>2. Chọn thủ tục và nộp hồ sơ</h2>
<p>Tìm thủ tục trong danh mục (lọc theo lĩnh vực, cơ quan, cấp thực hiện hoặc dịch vụ
trực tuyến). Ở trang thủ tục có dịch vụ trực tuyến, chọn “Nộp hồ sơ trực tuyến”, điền tờ
khai, tải lên từng thành phần hồ sơ (PDF, Word hoặc ảnh), kiểm tra lại và gửi.</p>
<h2>3. Nhận mã hồ sơ và giấy hẹn</h2>
<p>Hồ sơ được cấp mã theo dạng &lt;mã cơ quan&gt;-&lt;năm tháng ngày&gt;-&lt;số thứ tự&gt;. Tải
giấy tiếp nhận hồ sơ và hẹn trả kết quả (mẫu 01) ở trang hồ sơ.</p>
<h2>4. Theo dõi và bổ sung</h2>
<p>Trang “Hồ sơ của tôi” cho biết trạng thái và toàn bộ quá trình xử lý. Khi cơ quan yêu
cầu bổ sung, tải giấy tờ bổ sung ngay trên trang hồ sơ; thời hạn giải quyết tạm dừng trong
thời gian chờ bổ sung hoặc chờ thực hiện nghĩa vụ tài chính.</p>
<h2>5. Nhận kết quả</h2>
<p>Khi hồ sơ giải quyết xong, bạn nhận thư thông báo và nhận kết quả theo hình thức đã đăng ký.</p>
"""
