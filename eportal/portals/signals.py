"""Portal lifecycle signals and the receivers that keep cached portal state
fresh. (Sign-in events are logged by eportal/watch/audit.py.)"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal, receiver
from wagtail.models import Locale, Page
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from eportal.core import frontend_cache
from eportal.portals import caching

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


# A translation of a portal home (Wagtail's "Translate", or copy_parents) is
# the root of that portal's tree in another language: its board works there too.
@receiver(post_save)
def cover_translated_home(sender, instance, created, raw=False, **kwargs):
    if not created or raw or not isinstance(instance, Page) or instance.depth != 2:
        return
    if instance.locale_id == Locale.get_default().pk:
        return
    from eportal.portals import services

    services.cover_translated_home(instance)
