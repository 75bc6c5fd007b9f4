"""`eportal totp USERNAME`: the current two-factor code of a demo account.

Only for a device the demo made (its key is derived from the username, so
the code is no secret anyway); a real device's key is never read out.
"""

import time

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from eportal.portals.two_factor import is_demo_device


class Command(BaseCommand):
    help = "Print the current TOTP code of a demo account (demo devices only)."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"Không có tài khoản {username}.")
        device = next(
            (d for d in TOTPDevice.objects.filter(user=user, confirmed=True) if is_demo_device(d)),
            None,
        )
        if device is None:
            raise CommandError(
                f"Tài khoản {username} không có thiết bị xác thực mẫu: "
                "lệnh này chỉ đọc mã của tài khoản mẫu (`eportal demo`)."
            )
        totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
        totp.time = time.time()
        self.stdout.write(f"{totp.token():0{device.digits}d}")
