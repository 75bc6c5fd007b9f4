"""Sign-in events in the audit log (SPEC §11: every staff action is logged)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import Signal, receiver
from wagtail.log_actions import log

from eportal.core.abuse import client_ip


@receiver(user_logged_in)
def log_login(sender, request, user, **kwargs):
    # Staff sign-ins belong in the audit log next to what they did (SPEC §11).
    log(user, "eportal.login", user=user, data={"ip": client_ip(request)})


@receiver(user_logged_out)
def log_logout(sender, request, user, **kwargs):
    if user is not None:
        log(user, "eportal.logout", user=user, data={"ip": client_ip(request)})


@receiver(user_login_failed)
def log_login_failure(sender, credentials, request=None, **kwargs):
    username = (credentials or {}).get("username")
    if not username:
        return
    user = get_user_model().objects.filter(username=username).first()
    if user is not None:
        log(user, "eportal.login_failed", user=None, data={"ip": client_ip(request)})


# Sent by services.create_portal once a portal exists, inside its transaction,
# with ``portal`` and ``by``. Feature apps connect to it to give the new portal
# their index page (e.g. /van-ban/, /hoi-dap/); their receivers are idempotent.
portal_created = Signal()
