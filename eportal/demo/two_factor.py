"""Demo part: every demo account signs in to /admin/ with a second factor.

Each gets a confirmed TOTP device whose secret is derived from its username
(eportal/portals/two_factor.py: demo_secret), so the secret is known and the
same on every machine: `eportal totp USERNAME` prints the current code.
"""

from django.contrib.auth import get_user_model

from eportal.portals.two_factor import give_demo_device


def load(report) -> None:
    users = get_user_model().objects.filter(username__in=["admin", *report.usernames])
    for user in users:
        give_demo_device(user)
