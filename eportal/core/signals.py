"""Base data that must always exist, restored after every migrate or flush.

Migrations seed it on a new database; this receiver puts it back where a
database was emptied without migrating (a test server's flush), and is a
no-op otherwise.
"""

from django.apps import apps
from django.conf import settings
from django.db.models.signals import post_delete, post_migrate, post_save
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import post_page_move

from eportal.core import pages


@receiver(post_migrate)
def ensure_base_data(sender, using="default", **kwargs):
    # post_migrate is sent once per app with models, in INSTALLED_APPS order;
    # act once, after the last, when every content type exists again.
    last = [config for config in apps.get_app_configs() if config.models_module][-1]
    if sender is not last:
        return
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Collection, Locale, Page

    ContentType.objects.clear_cache()

    for code, _name in settings.LANGUAGES:
        Locale.objects.using(using).get_or_create(language_code=code)
    if not Page.objects.using(using).filter(depth=1).exists():
        Page.add_root(
            instance=Page(title="Root", slug="root", locale=Locale.get_default(), live=True)
        )
    if not Collection.objects.using(using).filter(depth=1).exists():
        Collection.add_root(name="Root")


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
