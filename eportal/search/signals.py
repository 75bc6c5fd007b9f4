"""Keep the index in step with what is published.

Every handler runs inside its own savepoint and logs a failure instead of
raising it: a broken index must never stop an approver from publishing.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from eportal.search import services


def _on_published(sender, instance, **kwargs):
    services.safely(services.index_page, instance)


def _on_unpublished(sender, instance, **kwargs):
    services.safely(services.remove_pages, [instance.pk])


def _on_page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        services.safely(services.remove_pages, [instance.pk])


def _on_subtree_changed(sender, instance, **kwargs):
    # A move, a new slug or a view restriction changes the URL or visibility of
    # every page below; the pages themselves are unchanged.
    page = instance.page if isinstance(instance, PageViewRestriction) else instance
    services.safely(services.index_subtree, page)


def _on_moved(sender, instance, **kwargs):
    services.safely(services.index_subtree, instance)


def _on_registered_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        services.safely(services.index_object, instance)


def _on_registered_deleted(sender, instance, **kwargs):
    services.safely(services.remove_object, instance)


def _on_synonyms_changed(sender, **kwargs):
    from django.db import transaction

    from eportal.search import ranking

    transaction.on_commit(ranking.forget_synonyms)


def connect() -> None:
    from eportal.search.models import Synonym

    for signal, uid in ((post_save, "saved"), (post_delete, "deleted")):
        signal.connect(_on_synonyms_changed, sender=Synonym, dispatch_uid=f"search-synonym-{uid}")
    page_published.connect(_on_published, dispatch_uid="search-page-published")
    page_unpublished.connect(_on_unpublished, dispatch_uid="search-page-unpublished")
    page_slug_changed.connect(_on_subtree_changed, dispatch_uid="search-page-slug")
    post_page_move.connect(_on_moved, dispatch_uid="search-page-moved")
    post_delete.connect(_on_page_deleted, dispatch_uid="search-page-deleted")
    for signal, uid in ((post_save, "saved"), (post_delete, "deleted")):
        signal.connect(
            _on_subtree_changed, sender=PageViewRestriction, dispatch_uid=f"search-restr-{uid}"
        )


def connect_registered(model) -> None:
    post_save.connect(_on_registered_saved, sender=model, dispatch_uid=f"search-saved-{model}")
    post_delete.connect(
        _on_registered_deleted, sender=model, dispatch_uid=f"search-deleted-{model}"
    )


def disconnect_registered(model) -> None:
    post_save.disconnect(sender=model, dispatch_uid=f"search-saved-{model}")
    post_delete.disconnect(sender=model, dispatch_uid=f"search-deleted-{model}")
