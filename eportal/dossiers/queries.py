"""Reads of dossiers: who may see one."""

from __future__ import annotations

from eportal.dossiers.models import Dossier
from eportal.portals import access


def can_see_dossier(user, dossier: Dossier) -> bool:
    """The owner and the agency's staff see a dossier; nobody else learns it exists."""
    if not getattr(user, "is_authenticated", False):
        return False
    if dossier.applicant_id is not None and dossier.applicant_id == user.pk:
        return True
    return access.may(user, "dossiers.handle", dossier.portal_id)
