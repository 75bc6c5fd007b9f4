"""Read helpers for other apps (e.g. procedures linking their legal bases)."""

from __future__ import annotations

from eportal.legal.numbers import number_key


def find_by_number(number: str):
    """Return the live document page with this number and symbol, or None.

    Accents, case, spacing and leading zeros do not matter: "05/2014/QĐ-UBND"
    and "5/2014/QD-UBND" find the same document. When two issuers used the
    same number, the most recently issued document is returned.
    """
    from eportal.legal.models import LegalDocumentPage

    key = number_key(number or "")
    if "/" not in key:
        return None
    return LegalDocumentPage.objects.live().filter(number_key=key).order_by("-issued", "pk").first()
