"""Readable page slugs: "Sở TT&TT tổ chức tập huấn" → "so-tt-tt-to-chuc-tap-huan".

One slug function serves everywhere: ``eportal.vntext.slugify``. Wagtail's own
slugs drop every accented letter ("s-tttt-t-chc-tp-hun"): Django's
``slugify`` on save keeps only what NFKD leaves in ASCII (no "đ"), and the
editor's script deletes any letter outside A–Z. So:

- on save, a page whose slug is empty, or is the lossy form Wagtail made of
  its title and was never published, gets ``vntext.slugify(title)``
  (``readable_slug``);
- in the editor, Wagtail's slug field (its ``w-slug`` Stimulus controller)
  runs ``formatters`` before it cleans the title; ``editor_formatters`` gives
  it, for every letter with a diacritic, the ASCII that ``vntext.fold`` makes
  of it, so the slug shown as the editor types is vntext's.
"""

import re
import unicodedata
from functools import cache

from django.utils.text import slugify as django_slugify

from eportal import vntext

# Latin letters with diacritics (Latin-1 to Latin Extended Additional, where
# Vietnamese's precomposed letters are) and the combining marks of decomposed text.
_LETTER_RANGES = [(0x00C0, 0x024F), (0x1E00, 0x1EFF)]
_COMBINING = "[\u0300-\u036f]"


def lossy_slugs(title: str) -> set[str]:
    """The slugs Wagtail itself makes of ``title``: Django's ``slugify`` (on
    save) and its editor script's (letters outside A–Z deleted)."""
    script = re.sub(r"[^A-Za-z0-9_-]", "", re.sub(r"\s+", "-", title.strip())).lower()
    return {django_slugify(title), re.sub(r"-{2,}", "-", script).strip("-")}


def readable_slug(page) -> str | None:
    """The slug ``page`` should be given before it is saved, or None to keep its own."""
    if not page.title:
        return None
    # The title of a page saved by an importer may still be in a legacy
    # encoding (VNI, TCVN3): vntext's signal makes it Unicode only after this.
    title = vntext.to_unicode(page.title)
    slug = vntext.slugify(title)
    if not slug or slug == page.slug:
        return None
    if not page.slug:
        return slug
    # A published page's slug is its public address: never changed behind its back.
    lossy = lossy_slugs(page.title) | lossy_slugs(title)
    if page.first_published_at is None and page.slug in lossy - {slug}:
        return slug
    return None


@cache
def editor_formatters() -> list[tuple[str, str]]:
    """Regex replacements for Wagtail's ``SlugInput(formatters=…)``: each accented
    letter becomes what ``vntext.fold`` makes of it (upper and lower case alike),
    combining marks go, and any other character that is neither a letter, a
    digit nor a space becomes a space (as ``vntext.slugify`` treats "&", "/")."""
    by_ascii: dict[str, list[str]] = {}
    for start, end in _LETTER_RANGES:
        for code in range(start, end + 1):
            char = chr(code)
            if not unicodedata.category(char).startswith("L"):
                continue
            folded = vntext.fold(char)
            if folded and folded.isascii() and folded.isalpha() and folded != char:
                by_ascii.setdefault(folded, []).append(char)
    formatters = [
        (f"[{''.join(sorted(chars))}]", ascii_form)
        for ascii_form, chars in sorted(by_ascii.items())
    ]
    formatters.append((_COMBINING, ""))
    formatters.append((r"[^A-Za-z0-9\s_-]", " "))
    return formatters
