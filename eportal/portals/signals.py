"""Sign-in events in the audit log (SPEC §11: every staff action is logged)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal, receiver
from wagtail.log_actions import log
from wagtail.models import Page
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from eportal.core import frontend_cache
from eportal.core.abuse import client_ip
from eportal.portals import caching


@receiver(user_logged_in)
def log_login(sender, request, user, **kwargs):
    # Staff sign-ins belong in the audit log next to what they did (SPEC §11).
    log(user, "eportal.login", user=user, data={"ip": client_ip(request)})


@receiver(user_logged_out)
def log_logout(sender, request, user, **kwargs):
    if user is not None:
        # request.user is a lazy proxy under django-otp's middleware, which
        # Wagtail's log drops silently: log against the real row.
        user = get_user_model()._default_manager.get(pk=user.pk)
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


# --- Cached portal state (portals/caching.py) --------------------------------
# A portal, its agency or its site changed: names, footer, host, home page.
@receiver(post_save, sender="portals.Portal")
@receiver(post_delete, sender="portals.Portal")
@receiver(post_save, sender="portals.Agency")
@receiver(post_save, sender="wagtailcore.Site")
@receiver(post_delete, sender="wagtailcore.Site")
def forget_portal_directory(sender, **kwargs):
    caching.invalidate_directory()


# A page of a portal's menu (or its home) was published, unpublished, renamed,
# moved or deleted: the menu and the home's sections change.
@receiver(page_published)
@receiver(page_unpublished)
@receiver(page_slug_changed)
def forget_menu_of_page(sender, instance, **kwargs):
    caching.invalidate_for_page(instance)


# What anonymous visitors see of pages changed (published, unpublished, moved,
# deleted, or listed differently; core/frontend_cache.py): the rendered lists.
@receiver(frontend_cache.content_changed)
def forget_content_lists(sender, pages, moved=False, **kwargs):
    if moved:  # the portal it left is no longer known
        caching.invalidate_all_content()
    else:
        caching.invalidate_content(pages)


# An image's file or focal point changed: lists show its renditions.
@receiver(post_save, sender="wagtailimages.Image")
@receiver(post_delete, sender="wagtailimages.Image")
def forget_lists_showing_image(sender, **kwargs):
    caching.invalidate_all_content()


@receiver(post_page_move)
def forget_menus_of_moved_page(sender, instance, **kwargs):
    # Both the portal it left and the one it joined, whatever the depths.
    caching.invalidate_directory()


@receiver(post_delete)
def forget_menu_of_deleted_page(sender, instance, **kwargs):
    if isinstance(instance, Page):
        caching.invalidate_for_page(instance)
