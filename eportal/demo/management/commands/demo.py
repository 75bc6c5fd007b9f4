"""`eportal demo`: load the demo province so a newcomer sees a living portal.

Idempotent: what exists is found by its natural key and left as it is, so a
second run changes nothing and an edit made in between is never lost.
Each feature's part is in eportal/demo/<feature>.py.
"""

import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from eportal.demo.province import DEMO_PASSWORD, load_demo
from eportal.portals.two_factor import demo_otpauth_url, demo_secret_b32


class Command(BaseCommand):
    help = "Load the demo data: the main portal, four component portals, their boards and pages."

    def handle(self, *args, **options):
        with transaction.atomic():
            report = load_demo()
        out = self.stdout
        base = settings.EPORTAL_LOCAL_URL or f"http://127.0.0.1:{os.environ.get('PORT') or '8000'}"
        from eportal.watch import integrity

        # The integrity watch starts from what the demo deployed (SPEC §11).
        files = integrity.accept_files()
        out.write(self.style.SUCCESS("Dữ liệu mẫu đã sẵn sàng."))
        out.write(f"  Tạo mới: {report.created} · Đã có sẵn, giữ nguyên: {report.kept}")
        out.write(
            f"Giám sát toàn vẹn: đã lấy mốc {files} tệp giao diện; {base}/admin/watch/alerts/"
        )
        if settings.EMAIL_BACKEND == "django.core.mail.backends.filebased.EmailBackend":
            out.write(
                f"Thư điện tử không gửi đi mà được ghi thành tệp trong {settings.EMAIL_FILE_PATH}/"
            )
        out.write("")
        out.write(
            "Đăng nhập hai lớp: mỗi tài khoản mẫu có khóa TOTP cố định (chỉ dùng cho dữ liệu mẫu)."
        )
        out.write("  Mã hiện tại: `eportal totp TÊN_TÀI_KHOẢN` hoặc `oathtool --totp -b KHÓA`;")
        out.write("  hoặc thêm đường dẫn otpauth:// vào ứng dụng xác thực.")
        for username in ["admin", *sorted(report.usernames)]:
            secret = demo_secret_b32(username)
            out.write(f"  {username:<24} {secret}  {demo_otpauth_url(username)}")
        # What a newcomer needs next comes last, where the console leaves it.
        out.write("")
        out.write(f"Tài khoản mẫu – chỉ dùng trên máy cá nhân, mật khẩu chung: {DEMO_PASSWORD}")
        out.write("  admin  (quản trị cấp tỉnh, toàn quyền)")
        users = get_user_model().objects.filter(username__in=report.usernames).order_by("username")
        for user in users:
            # Vietnamese names read family name first.
            out.write(f"  {user.username:<24} {user.last_name} {user.first_name}".rstrip())
        out.write("")
        out.write("Cổng thông tin (chạy `make run`, mở trong trình duyệt):")
        for portal in report.portals:
            out.write(f"  {base}/p/{portal.slug}/  {portal.name}  (https://{portal.hostname}/)")
        out.write(f"Trang quản trị: {base}/admin/")
