"""Reads of the catalogue: which procedures a page or the API lists, and the
Vietnamese original that dossiers, views and statistics are kept against."""

from __future__ import annotations

from django.http import Http404
from wagtail.models import Locale

from eportal.portals import access
from eportal.procedures.models import ProcedurePage


def live_procedures(locale=None):
    """Published public procedures in ``locale`` (default: Vietnamese)."""
    locale = locale or Locale.get_default()
    return (
        ProcedurePage.objects.live()
        .public()
        .filter(locale_id=getattr(locale, "pk", locale))
        .select_related("agency")
    )


def procedure_or_404(code: str) -> ProcedurePage:
    """The published Vietnamese procedure with ``code`` (the API's address of it)."""
    page = live_procedures().filter(code=code).first()
    if page is None:
        raise Http404
    return page


def catalogue_scope(index_page, portal):
    """What a portal's catalogue lists: its own procedures, or every portal's on
    the main portal (Art. 13: the province's one catalogue)."""
    procedures = live_procedures(index_page.locale_id)
    if portal is None or not portal.is_main:
        procedures = procedures.descendant_of(index_page)
    return procedures


def source_procedure(procedure: ProcedurePage) -> ProcedurePage:
    """The Vietnamese (default-locale) version of a procedure: dossiers, views and
    statistics are kept against it, whichever language the citizen used."""
    default = Locale.get_default()
    if procedure.locale_id == default.pk:
        return procedure
    return procedure.get_translation_or_none(default) or procedure


def procedure_portal(procedure: ProcedurePage):
    return access.portal_of(source_procedure(procedure))
