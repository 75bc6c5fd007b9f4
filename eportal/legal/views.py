"""Public pages of the legal-documents database: search tool, document, Gazette."""

from __future__ import annotations

import functools
import json

from django.db.models import Prefetch
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from eportal.core import printing
from eportal.core.pagination import Pager, shared_page_number
from eportal.legal import search
from eportal.legal.models import (
    REVERSE_LABELS,
    GazetteEntry,
    GazetteIssue,
    LegalDocumentPage,
    LegalRelation,
    Status,
)
from eportal.vntext import slugify

LEGAL_FORCE = {
    Status.IN_FORCE: "https://schema.org/InForce",
    Status.PARTLY_EXPIRED: "https://schema.org/PartiallyInForce",
    Status.EXPIRED: "https://schema.org/NotInForce",
    Status.NOT_YET: "https://schema.org/NotInForce",
}


def _portal(request):
    return getattr(request, "portal", None)


def search_page(request, index_page):
    """The search tool: filters, full text, sorting and pages.

    The plain list (no filter, one of the first pages) is the same for every
    visitor and kept rendered with the portal's content (the template's
    ``portal_cache``): its form, results and latest Gazette issue are handed
    over lazily, and read only when it has to be rendered again."""
    portal = _portal(request)
    shared_page = shared_page_number(request.GET)
    searched = functools.cache(lambda: _search(request, portal))

    def given(read):
        return SimpleLazyObject(read) if shared_page is not None else read()

    context = {
        "page": index_page,
        "self": index_page,
        "form": given(lambda: searched()["form"]),
        "results": given(lambda: searched()["results"]),
        "errors": given(lambda: searched()["errors"]),
        "sort_note": given(lambda: searched()["note"]),
        "corrected": given(lambda: searched()["corrected"]),
        "show_portal": portal is None or portal.is_main,
        "latest_issue": given(
            lambda: GazetteIssue.objects.filter(search.gazette_scope(portal)).first()
        ),
        "shared_page": shared_page,
        "feed_query": search.filter_query(request.GET),
    }
    return TemplateResponse(request, "legal/legal_document_index_page.html", context)


def _search(request, portal) -> dict:
    form = search.LegalSearchForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        errors = [
            f"{form.fields[name].label}: {' '.join(messages)}"
            if name in form.fields
            else " ".join(messages)
            for name, messages in form.errors.items()
        ]
        return {"form": form, "results": None, "errors": errors, "note": "", "corrected": ""}
    data = form.cleaned_data if form.is_bound else {}
    found = search.find(search.scope(portal), data)
    results = Pager.for_request(
        request,
        search.for_listing(found.documents),
        search.PAGE_SIZE,
        count_limit=search.COUNT_LIMIT,
        counted=found.counted,
    )
    return {
        "form": form,
        "results": results,
        "errors": [],
        "note": found.note,
        "corrected": found.corrected,
    }


def gazette_list(request, index_page):
    """The Official Gazette's issues, newest first."""
    issues = GazetteIssue.objects.filter(search.gazette_scope(_portal(request))).prefetch_related(
        Prefetch("entries", queryset=GazetteEntry.objects.select_related("document"))
    )
    results = Pager.for_request(request, issues, 10)
    context = {"page": index_page, "self": index_page, "results": results}
    return TemplateResponse(request, "legal/gazette_list.html", context)


def _gazette_issue_context(request, index_page, issue_id) -> dict:
    issue = (
        GazetteIssue.objects.filter(search.gazette_scope(_portal(request)), pk=issue_id)
        .select_related("portal")
        .first()
    )
    if issue is None:
        raise Http404(_("Không có số Công báo này."))
    entries = issue.entries.select_related("document")
    return {"page": index_page, "self": index_page, "issue": issue, "entries": entries}


def gazette_issue(request, index_page, issue_id):
    context = _gazette_issue_context(request, index_page, issue_id)
    return TemplateResponse(request, "legal/gazette_issue.html", context)


def _gazette_print_context(request, index_page, issue_id) -> dict:
    context = _gazette_issue_context(request, index_page, issue_id)
    issue_url = index_page.reverse_subpage("gazette_issue", args=[issue_id])
    return context | {
        "print_title": str(context["issue"]),
        "canonical_url": index_page.get_full_url(request) + issue_url,
    }


def gazette_issue_print(request, index_page, issue_id):
    """The print layout of a Gazette issue: the issue and its list of documents."""
    context = _gazette_print_context(request, index_page, issue_id)
    return printing.render_print(request, "legal/print_gazette_issue.html", context)


def gazette_issue_pdf(request, index_page, issue_id):
    """The PDF of a Gazette issue, made by the worker."""
    context = _gazette_print_context(request, index_page, issue_id)
    issue = context["issue"]
    filename = f"cong-bao-so-{slugify(issue.number) or issue.pk}-{issue.published_on:%Y-%m-%d}.pdf"
    return printing.serve_print_pdf(request, "legal/print_gazette_issue.html", context, filename)


def relations_of(document: LegalDocumentPage):
    """Return (outgoing, incoming) relations for display, live targets only."""
    outgoing = [
        {
            "kind": r.get_kind_display(),
            "target": r.target if r.target and r.target.live else None,
            "text": r.target_text,
        }
        for r in document.relations.select_related("target").order_by("kind", "sort_order", "pk")
    ]
    incoming = [
        {"kind": REVERSE_LABELS[r.kind], "target": r.source, "text": r.source.title}
        for r in LegalRelation.objects.filter(target=document, source__live=True)
        .select_related("source")
        .order_by("kind", "source__issued")
    ]
    return outgoing, incoming


def document_context(request, document: LegalDocumentPage) -> dict:
    outgoing, incoming = relations_of(document)
    files = list(document.files.select_related("document"))
    return {
        "outgoing": outgoing,
        "incoming": incoming,
        "attachments": files,
        "nodes": document.nodes,
        "article_outline": document.article_outline,
        "expired_by": document.expired_by if document.expired_by_id else None,
        "gazette_entries": document.gazette_entries.select_related("issue"),
        "json_ld": json_ld(request, document, outgoing),
    }


def json_ld(request, document: LegalDocumentPage, outgoing) -> str:
    """The schema.org Legislation description of a document (JSON-LD)."""
    based_on, repeals, amends = [], [], []
    for relation in document.relations.select_related("target"):
        target = relation.target if relation.target_id and relation.target.live else None
        item = (
            {
                "@type": "Legislation",
                "name": target.title,
                "legislationIdentifier": target.number,
                "url": target.get_full_url(request),
            }
            if target
            else {"@type": "Legislation", "name": relation.target_text}
        )
        {"based_on": based_on, "replaces": repeals, "repeals": repeals, "amends": amends}.get(
            relation.kind, []
        ).append(item)
    data = {
        "@context": "https://schema.org",
        "@type": "Legislation",
        "name": document.title,
        "abstract": document.summary,
        "legislationIdentifier": document.number,
        "legislationType": document.form_name,
        "legislationDate": document.issued.isoformat() if document.issued else None,
        "legislationDateOfApplicability": document.effective.isoformat()
        if document.effective
        else None,
        "legislationPassedBy": {"@type": "GovernmentOrganization", "name": document.issuer},
        "legislationLegalForce": LEGAL_FORCE.get(document.status),
        "inLanguage": "vi",
        "url": document.get_full_url(request),
    }
    if document.signer:
        data["legislationResponsible"] = {"@type": "Person", "name": document.signer}
    if based_on:
        data["isBasedOn"] = based_on
    if repeals:
        data["legislationRepeals"] = repeals
    if amends:
        data["legislationAmends"] = amends
    data = {k: v for k, v in data.items() if v is not None}
    # Escape "<" so that a summary can never close the script element.
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
