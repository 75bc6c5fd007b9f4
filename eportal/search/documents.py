"""Wagtail documents in search: their titles and the text of PDF and DOCX files.

PDF text comes from ``pypdf`` (pure Python); DOCX text is read from the
file's ``word/document.xml`` with ``zipfile`` and ``defusedxml``. Documents in a
collection that has a view restriction (or below one) are not indexed.
"""

from __future__ import annotations

import logging
import zipfile

from defusedxml import ElementTree

from eportal.search import registry

logger = logging.getLogger(__name__)

MAX_PDF_PAGES = 50
MAX_TEXT = 60_000
MAX_DOCX_XML = 30 * 1024 * 1024
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def extract_text(file, extension: str) -> str:
    """Return the text of a PDF or DOCX file object ("" for other types or on error)."""
    extension = extension.lower().lstrip(".")
    try:
        file.seek(0)
        if extension == "pdf":
            return _pdf_text(file)
        if extension == "docx":
            return _docx_text(file)
    except Exception as error:  # a damaged or encrypted file is indexed by its title only
        logger.warning("Could not read the text of %s: %s", getattr(file, "name", file), error)
    return ""


def _pdf_text(file) -> str:
    from pypdf import PdfReader

    reader = PdfReader(file)
    parts, size = [], 0
    for page in reader.pages[:MAX_PDF_PAGES]:
        text = page.extract_text() or ""
        parts.append(text)
        size += len(text)
        if size > MAX_TEXT:
            break
    return " ".join(parts)[:MAX_TEXT]


def _docx_text(file) -> str:
    with zipfile.ZipFile(file) as archive:
        if archive.getinfo("word/document.xml").file_size > MAX_DOCX_XML:
            return ""  # a zip bomb or a huge file: indexed by its title only
        xml = archive.read("word/document.xml")
    root = ElementTree.fromstring(xml)  # defusedxml: no entity expansion, no DTD tricks
    paragraphs = []
    for paragraph in root.iter(f"{_W}p"):
        paragraphs.append("".join(node.text or "" for node in paragraph.iter(f"{_W}t")))
    return "\n".join(p for p in paragraphs if p)[:MAX_TEXT]


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
