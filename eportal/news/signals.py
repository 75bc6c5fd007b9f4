"""Receivers: a new portal gets its newsroom; saving and publishing an article
drive its deadline and royalty (see services)."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Revision
from wagtail.signals import page_published, post_page_move

from eportal.core import fragments
from eportal.news import queries, services
from eportal.news.models import ArticlePage, SiteAlert
from eportal.portals.signals import portal_created


@receiver(portal_created)
def give_portal_a_newsroom(sender, portal, by=None, **kwargs):
    services.ensure_newsroom(portal, by=by)


@receiver(post_save, sender=Revision)
def start_clock_on_draft(sender, instance, created, **kwargs):
    # Drafts live in revisions, not in the page row: read the date from the revision.
    if not created or instance.content_type.model_class() is not ArticlePage:
        return
    article = instance.as_object()
    services.article_saved(article)


@receiver(page_published, sender=ArticlePage)
def on_article_published(sender, instance, revision, **kwargs):
    services.article_published(instance, revision)


@receiver(post_page_move)
def on_page_moved(sender, instance, **kwargs):
    services.articles_moved(instance)


@receiver(post_save, sender=SiteAlert)
@receiver(post_delete, sender=SiteAlert)
@receiver(m2m_changed, sender=SiteAlert.portals.through)
def forget_cached_alerts(sender, **kwargs):
    fragments.invalidate(queries.ALERTS)
