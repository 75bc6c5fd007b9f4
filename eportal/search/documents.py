"""Wagtail documents in search: their titles and the text of PDF and DOCX files
(read by ``core.filetext``). Documents in a collection that has a view
restriction (or below one) are not indexed.
"""

from __future__ import annotations

import logging

from eportal.core import filetext
from eportal.search import registry

logger = logging.getLogger(__name__)

MAX_PDF_PAGES = 50
MAX_TEXT = 60_000


def extract_text(file, extension: str) -> str:
    """Return the text of a PDF or DOCX file object ("" for other types or on error)."""
    if extension.lower().lstrip(".") not in ("pdf", "docx"):
        return ""
    try:
        return filetext.read(file, extension, max_pages=MAX_PDF_PAGES, max_chars=MAX_TEXT)
    except filetext.UnreadableFile as error:  # indexed by its title only
        logger.warning("Could not read the text of %s: %s", getattr(file, "name", file), error)
        return ""


def _restricted_collection_ids() -> set[int]:
    from wagtail.models import Collection, CollectionViewRestriction

    restricted = set()
    for restriction in CollectionViewRestriction.objects.select_related("collection"):
        restricted.update(
            Collection.objects.descendant_of(restriction.collection, inclusive=True).values_list(
                "pk", flat=True
            )
        )
    return restricted


def public_documents():
    from wagtail.documents import get_document_model

    return get_document_model().objects.exclude(collection_id__in=_restricted_collection_ids())


def document_portal(document):
    from eportal.portals.models import Portal

    ancestors = document.collection.get_ancestors(inclusive=True)
    return Portal.objects.filter(collection__in=ancestors).order_by("-collection__depth").first()


def document_text(document) -> str:
    try:
        with document.open_file() as file:
            return extract_text(file, document.file_extension)
    except (OSError, ValueError):
        return ""


def register_documents() -> None:
    from wagtail.documents import get_document_model

    registry.register(
        get_document_model(),
        kind="document",
        queryset_fn=public_documents,
        portal_fn=document_portal,
        url_fn=lambda d: d.url,
        date_fn=lambda d: d.created_at,
        title_fn=lambda d: d.title,
        text_fn=document_text,
        url_is_global=True,
    )
