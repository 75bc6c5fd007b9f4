"""The translation workflow: a published change of a Vietnamese page marks its
translations outdated and opens an Art. 12 item; publishing a translation
clears it. Built on Wagtail's own ``translation_key``/``locale`` (the pages
that ``wagtail.contrib.simple_translation`` creates), see docs/architecture.md.
"""

import logging

from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.models import Locale, PageLogEntry

from eportal.core import frontend_cache
from eportal.translations.models import TranslationUpdate
from eportal.workdays.rules import RuleCode

logger = logging.getLogger(__name__)

RULE = RuleCode.ENGLISH_UPDATE

# Revision keys that record where and when a page is, not what it says: a
# change of these alone leaves the translation as good as it was.
NOT_CONTENT = frozenset(
    {
        "pk",
        "id",
        "page_ptr",
        "path",
        "depth",
        "numchild",
        "url_path",
        "live",
        "has_unpublished_changes",
        "first_published_at",
        "last_published_at",
        "latest_revision_created_at",
        "live_revision",
        "latest_revision",
        "draft_title",
        "owner",
        "locked",
        "locked_at",
        "locked_by",
        "go_live_at",
        "expire_at",
        "expired",
        "content_type",
        "translation_key",
        "locale",
        "alias_of",
        "show_in_menus",
        "view_count",
        "views",
    }
)


def _content(revision) -> dict:
    if revision is None:
        return {}
    return {k: v for k, v in revision.content.items() if k not in NOT_CONTENT}


def previous_published_revision(page, revision):
    """The revision that was live before ``revision`` was published (None the first time)."""
    entry = (
        PageLogEntry.objects.filter(page=page, action="wagtail.publish", revision__isnull=False)
        .exclude(revision=revision)
        .order_by("-timestamp", "-pk")
        .select_related("revision")
        .first()
    )
    return entry.revision if entry is not None else None


def content_changed(page, revision) -> bool:
    """Return True if ``revision`` says something the previously published one did not."""
    previous = previous_published_revision(page, revision)
    return previous is None or _content(previous) != _content(revision)


def mark_outdated(translation, source, revision=None, when=None) -> TranslationUpdate:
    """Record that ``translation`` is behind ``source`` and start its Art. 12 clock.

    Idempotent while an update is open: a second change of the source before
    the translation catches up keeps the first date and due date.
    """
    from eportal.portals import access
    from eportal.workdays.services import open_deadline

    when = when or timezone.now()
    update = TranslationUpdate.objects.filter(translation=translation, synced_at=None).first()
    if update is None:
        try:
            with transaction.atomic():
                update = TranslationUpdate.objects.create(
                    translation=translation,
                    source=source,
                    source_revision=revision,
                    portal=access.portal_of(translation),
                    opened_at=when,
                )
        except IntegrityError:  # another process opened it first
            update = TranslationUpdate.objects.get(translation=translation, synced_at=None)
        else:
            # The translation's cached copies lack the "older than" notice.
            frontend_cache.purge_pages([translation])
    open_deadline(update, RULE, update.opened_at, portal=update.portal)
    return update


def mark_synced(translation, when=None) -> list[TranslationUpdate]:
    """The translation was published: close its open update and meet the deadline."""
    from eportal.workdays.models import Deadline
    from eportal.workdays.services import complete_deadline

    when = when or timezone.now()
    closed = list(TranslationUpdate.objects.filter(translation=translation, synced_at=None))
    for update in closed:
        update.synced_at = when
        update.save(update_fields=["synced_at"])
        try:
            complete_deadline(update, RULE, when)
        except Deadline.DoesNotExist:  # the rule was switched off when it opened
            pass
    return closed


def page_published(page, revision) -> None:
    """Follow one publication: a source marks its translations, a translation clears itself."""
    default = Locale.get_default()
    if page.locale_id != default.pk:
        mark_synced(page)
        return
    # An alias is the source itself, shown in another tree: never behind it.
    translations = [t for t in page.get_translations() if t.live and t.alias_of_id is None]
    if not translations or not content_changed(page, revision):
        return
    for translation in translations:
        mark_outdated(translation, page, revision)
