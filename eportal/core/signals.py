"""Base data that must always exist, restored after every migrate or flush;
and the purge of the shared cache when pages change.

Migrations seed it on a new database; this receiver puts it back where a
database was emptied without migrating (a test server's flush), and is a
no-op otherwise.
"""

from django.apps import apps
from django.conf import settings
from django.db.models.signals import post_delete, post_migrate, post_save, pre_delete
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from eportal.core import frontend_cache, pages


@receiver(post_migrate)
def ensure_base_data(sender, using="default", **kwargs):
    # post_migrate is sent once per app with models, in INSTALLED_APPS order;
    # act once, after the last, when every content type exists again.
    last = [config for config in apps.get_app_configs() if config.models_module][-1]
    if sender is not last:
        return
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Collection, Locale

    ContentType.objects.clear_cache()

    for code, _name in settings.LANGUAGES:
        Locale.objects.using(using).get_or_create(language_code=code)
    if not Page.objects.using(using).filter(depth=1).exists():
        Page.add_root(
            instance=Page(title="Root", slug="root", locale=Locale.get_default(), live=True)
        )
    if not Collection.objects.using(using).filter(depth=1).exists():
        Collection.add_root(name="Root")


# --- The shared cache: purge what a publication, move or deletion makes stale ---


@receiver(page_published)
@receiver(page_unpublished)
def purge_changed_page(sender, instance, **kwargs):
    frontend_cache.purge_pages([instance])


# Page id → URLs named before its move (the move signals carry two instances).
_stale_before_move: dict[int, list[str]] = {}


@receiver(pre_page_move)
def remember_urls_before_move(sender, instance, **kwargs):
    if not frontend_cache.enabled() or not instance.live:
        return
    # After the move the old URLs (the page's, its descendants', the old
    # parent lists) can no longer be derived: name them now.
    descendants = Page.objects.descendant_of(instance).live().specific(defer=True)
    _stale_before_move[instance.pk] = frontend_cache.stale_urls([instance]) + [
        url for page in descendants for url in frontend_cache.urls_for(_own_site_paths(page))
    ]


@receiver(post_page_move)
def purge_moved_page(sender, instance, **kwargs):
    frontend_cache.content_changed.send(sender=None, pages=[instance], moved=True)
    if not frontend_cache.enabled():
        return
    before = _stale_before_move.pop(instance.pk, [])
    frontend_cache.purge_after_commit(before + frontend_cache.stale_urls([instance]))


@receiver(pre_delete, sender=Page)
def purge_deleted_page(sender, instance, **kwargs):
    if instance.live:
        frontend_cache.content_changed.send(sender=None, pages=[instance])
    if instance.live and frontend_cache.enabled():
        frontend_cache.purge_after_commit(frontend_cache.stale_urls([instance]))


def _own_site_paths(page):
    pair = frontend_cache.page_site_path(page)
    if pair is None:
        return []
    site, path = pair
    return [(site, path + sub.lstrip("/")) for sub in page.get_cached_paths()]


# --- Cached restricted and alias paths (core/pages.py) -------------------------
@receiver(post_save, sender="wagtailcore.PageViewRestriction")
@receiver(post_delete, sender="wagtailcore.PageViewRestriction")
@receiver(post_page_move)
def forget_restricted_paths(sender, **kwargs):
    pages.invalidate_restrictions()


@receiver(post_save)
@receiver(post_delete)
def forget_alias_paths(sender, instance, **kwargs):
    if isinstance(instance, Page) and instance.alias_of_id is not None:
        pages.invalidate_restrictions()
