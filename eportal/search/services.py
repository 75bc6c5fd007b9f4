"""Writes to the search index: index, remove, reindex.

Pages are indexed when they are published and removed when they are
unpublished, deleted, moved under a restriction or made private (see
``signals.py``); registered models when they are saved or deleted
(``registry.py``). ``reindex()`` rebuilds everything.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable, Iterable

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone, translation
from wagtail.models import Page

from eportal.core import clock
from eportal.search import bulk, registry
from eportal.search.backends import get_backend
from eportal.search.models import Kind, SearchEntry
from eportal.search.text import MAX_BODY_LENGTH, fold_word, padded, plain_text, terms

logger = logging.getLogger(__name__)

# The kind of a page by the app that defines it, unless the page class says
# otherwise with a ``search_kind`` attribute.
APP_KINDS = {
    "news": Kind.ARTICLE,
    "legal": Kind.LEGAL,
    "procedures": Kind.PROCEDURE,
    "qa": Kind.QA,
    "consultations": Kind.CONSULTATION,
}
# Text fields read from every page even when its class leaves them out of
# ``search_fields`` (the foundation's ContentPage and SectionPage do).
COMMON_PAGE_TEXT_FIELDS = ("search_description", "summary", "intro", "body")


def entry_fields(*, title: str, text: str) -> dict:
    """The text columns of an index row for a title and a body."""
    title = plain_text(title)
    body = plain_text(text)[:MAX_BODY_LENGTH]
    title_words, body_words = terms(title), terms(body)
    return {
        "title": title,
        "body": body,
        "title_terms": padded(title_words),
        "title_folded": padded([fold_word(w) for w in title_words]),
        "body_terms": padded(body_words),
        "body_folded": padded([fold_word(w) for w in body_words]),
    }


def _as_date(value) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return timezone.localdate(value) if timezone.is_aware(value) else value.date()
    if isinstance(value, datetime.date):
        return value
    return None


def _save(content_type: ContentType, object_id, fields: dict) -> SearchEntry:
    entry, _created = SearchEntry.objects.update_or_create(
        content_type=content_type, object_id=str(object_id), defaults=fields
    )
    bulk.add_words(bulk.vocabulary([entry]))
    get_backend().entries_changed([entry])
    return entry


def _delete(content_type: ContentType, object_ids: Iterable) -> None:
    ids = [str(i) for i in object_ids]
    if not ids:
        return
    deleted, _ = SearchEntry.objects.filter(content_type=content_type, object_id__in=ids).delete()
    if deleted:
        get_backend().entries_removed(content_type, ids)


def index_item(
    content_type: ContentType,
    object_id,
    *,
    kind: str,
    title: str,
    text: str,
    url: str,
    portal=None,
    date=None,
    sector: str = "",
    url_is_global: bool = False,
    expires_at=None,
    language: str = "vi",
) -> SearchEntry:
    """Index one item given its parts (importers, fixtures and benchmarks)."""
    fields = entry_fields(title=title, text=text)
    fields.update(
        kind=kind,
        url=url,
        portal=portal,
        date=_as_date(date),
        sector=sector[:255],
        url_is_global=url_is_global,
        expires_at=expires_at,
        language=language,
    )
    return _save(content_type, object_id, fields)


# --- Pages -----------------------------------------------------------------


def _page_content_type() -> ContentType:
    return ContentType.objects.get_for_model(Page)


def _portal_by_site() -> dict:
    from eportal.portals.models import Portal

    return {p.site_id: p for p in Portal.objects.all()}


def is_searchable_page(page: Page) -> bool:
    """True for a live, public page of a portal below its home page."""
    from eportal.core.models import BasePage

    page = page.specific
    if not isinstance(page, BasePage) or page.depth <= 2 or not page.live:
        return False
    if getattr(page, "search_exclude", False):
        return False
    if page.expire_at and page.expire_at <= clock.now():
        return False
    return not page.get_view_restrictions().exists()


def _field_texts(obj, fields) -> list[str]:
    """The values of an object's search fields, as strings (related fields followed)."""
    from django.db.models import Manager
    from modelsearch import index

    texts: list[str] = []
    for field in fields:
        if isinstance(field, index.RelatedFields):
            value = field.get_value(obj)
            if value is None:
                continue
            related = value.all() if isinstance(value, Manager) else [value]
            for item in related:
                texts.extend(_field_texts(item, field.fields))
        elif isinstance(field, index.SearchField | index.AutocompleteField):
            if field.field_name == "title" and obj.__class__.__name__.endswith("Page"):
                continue
            texts.append(_flatten(field.get_value(obj)))
    return [t for t in texts if t]


def _flatten(value) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return " ".join(_flatten(v) for v in value.values())
    if isinstance(value, list | tuple | set):
        return " ".join(_flatten(v) for v in value)
    return str(value)


def page_language(page: Page) -> str:
    """The language of a page's text: that of its locale ("vi", "en")."""
    code = page.locale.language_code if page.locale_id else ""
    return (code or "vi").split("-")[0]


def page_entry_fields(page: Page, portals_by_site: dict) -> dict | None:
    """The index row of a page, or None when it has no URL on a portal."""
    parts = page.get_url_parts()
    if parts is None or parts[2] is None:
        return None
    site_id, _root_url, path = parts
    kind = getattr(page, "search_kind", None) or APP_KINDS.get(page._meta.app_label, Kind.PAGE)
    if hasattr(page, "get_search_date"):
        date = page.get_search_date()
    else:
        date = page.first_published_at or page.last_published_at
    if hasattr(page, "get_search_sector"):
        sector = page.get_search_sector() or ""
    else:
        sector = getattr(page, "sector", "")
        sector = sector if isinstance(sector, str) else str(sector or "")
    if hasattr(page, "search_body"):
        # The page writes its own readable text (a procedure's fields as sentences).
        with translation.override(page_language(page)):
            texts = [page.search_body()]
    else:
        search_fields = page.get_search_fields()
        texts = _field_texts(page, search_fields)
        declared = {getattr(f, "field_name", None) for f in search_fields}
        for name in COMMON_PAGE_TEXT_FIELDS:
            if name not in declared and hasattr(page, name):
                texts.append(_flatten(getattr(page, name)))
    fields = entry_fields(title=page.title, text=" ".join(t for t in texts if t))
    fields.update(
        portal=portals_by_site.get(site_id),
        kind=kind,
        url=path,
        url_is_global=False,
        date=_as_date(date),
        sector=sector[:255],
        expires_at=page.expire_at,
        language=page_language(page),
    )
    return fields


def index_page(page: Page, portals_by_site: dict | None = None) -> SearchEntry | None:
    """Index a page if the public may find it, else remove it from the index."""
    page = page.specific
    if not is_searchable_page(page):
        remove_pages([page.pk])
        return None
    fields = page_entry_fields(page, portals_by_site or _portal_by_site())
    if fields is None:
        remove_pages([page.pk])
        return None
    return _save(_page_content_type(), page.pk, fields)


def index_pages(pages: Iterable[Page]) -> None:
    """Index many pages (a bulk load): ``index_page`` for each, the portals read once."""
    portals_by_site = _portal_by_site()
    for page in pages:
        index_page(page, portals_by_site)


def index_subtree(page: Page) -> None:
    """Index a page and every page below it again (after a move or a restriction)."""
    portals_by_site = _portal_by_site()
    subtree = Page.objects.descendant_of(page, inclusive=True).specific()
    for item in subtree:
        index_page(item, portals_by_site)


def remove_pages(page_ids: Iterable[int]) -> None:
    _delete(_page_content_type(), page_ids)


# --- Registered models -----------------------------------------------------


def registered_entry_fields(reg: registry.Registration, obj) -> dict:
    portal = reg.portal_fn(obj)
    fields = entry_fields(title=reg.title_fn(obj) or "", text=reg.text_fn(obj) or "")
    fields.update(
        portal=portal,
        kind=reg.kind,
        url=reg.url_fn(obj),
        url_is_global=reg.url_is_global,
        date=_as_date(reg.date_fn(obj)),
        sector=((reg.sector_fn(obj) if reg.sector_fn else "") or "")[:255],
        expires_at=None,
    )
    return fields


def index_object(obj) -> SearchEntry | None:
    """Index a registered object if its registration's queryset holds it, else remove it."""
    reg = registry.registration_for(type(obj))
    if reg is None:
        return None
    content_type = ContentType.objects.get_for_model(obj)
    if not reg.queryset_fn().filter(pk=obj.pk).exists():
        _delete(content_type, [obj.pk])
        return None
    return _save(content_type, obj.pk, registered_entry_fields(reg, obj))


def remove_object(obj) -> None:
    _delete(ContentType.objects.get_for_model(obj), [obj.pk])


def safely(action: Callable, *args) -> None:
    """Run an index write without ever breaking the publishing that triggered it."""
    try:
        with transaction.atomic():
            action(*args)
    except Exception:
        logger.exception("Search index update failed: %s%r", action.__name__, args)


# --- Rebuild ---------------------------------------------------------------


def reindex(progress: Callable[[int, int], None] | None = None) -> int:
    """Rebuild the whole index; return the number of items indexed.

    Rows are written in batches (``bulk.index_rows``); ``progress(done,
    total)`` is called as items are read.
    """
    from eportal.core.models import BasePage

    portals_by_site = _portal_by_site()
    pages = Page.objects.live().public().filter(depth__gt=2)
    regs = registry.registrations()
    total = pages.count() + sum(r.queryset_fn().count() for r in regs)
    seen: dict[int, set[str]] = {}

    def rows():
        done = 0
        page_ct = _page_content_type()
        for page in pages.specific().iterator(chunk_size=200):
            done += 1
            if isinstance(page, BasePage) and is_searchable_page(page):
                fields = page_entry_fields(page, portals_by_site)
                if fields is not None:
                    seen.setdefault(page_ct.pk, set()).add(str(page.pk))
                    yield page_ct.pk, str(page.pk), fields
            if progress:
                progress(done, total)
        for reg in regs:
            content_type = ContentType.objects.get_for_model(reg.model)
            for obj in reg.queryset_fn().iterator(chunk_size=200):
                done += 1
                seen.setdefault(content_type.pk, set()).add(str(obj.pk))
                yield content_type.pk, str(obj.pk), registered_entry_fields(reg, obj)
                if progress:
                    progress(done, total)

    bulk.index_rows(rows(), fresh=not SearchEntry.objects.exists())

    # Whatever was not seen is no longer public.
    stale = SearchEntry.objects.all()
    for content_type_id, ids in seen.items():
        stale = stale.exclude(content_type_id=content_type_id, object_id__in=ids)
    stale_rows = list(stale.values_list("content_type_id", "object_id"))
    stale.delete()
    for content_type_id, object_id in stale_rows:
        get_backend().entries_removed(ContentType.objects.get_for_id(content_type_id), [object_id])
    return sum(len(ids) for ids in seen.values())
