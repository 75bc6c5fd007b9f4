"""Read API of the legal-documents database: /api/v1/legal-documents."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404
from ninja import Field, Query, Router, Schema

from eportal.api.pagination import PageMeta, PageQuery, page_of
from eportal.legal import search
from eportal.legal.models import LegalDocumentFile, LegalDocumentPage, LegalRelation

PREFIX = "legal-documents"
router = Router(tags=["Văn bản pháp luật"])


class FileOut(Schema):
    title: str
    url: str
    extension: str


class RelationOut(Schema):
    type: str
    number: str | None = None
    text: str
    url: str | None = None


class DocumentOut(Schema):
    id: int
    number: str
    form: str
    form_name: str
    issuer: str
    issued: date
    effective: date | None = None
    signer: str
    summary: str
    field: str | None = None
    status: str
    status_changed_on: date | None = None
    portal: str | None = None
    url: str
    files: list[FileOut]
    relations: list[RelationOut]


class DocumentDetailOut(DocumentOut):
    effective_rule: str
    place: str
    expired_by: str | None = None
    incoming: list[RelationOut]
    body: str


LIMIT_TEXT = f"{search.COUNT_LIMIT:,}".replace(",", ".")


class PageOut(PageMeta):
    count: int = Field(
        description=f"số văn bản phù hợp, chính xác đến {LIMIT_TEXT}; nhiều hơn thì "
        f"count = {LIMIT_TEXT} và count_exact = false (“hơn {LIMIT_TEXT} văn bản”)"
    )
    count_exact: bool = Field(
        True, description="true nếu count là số chính xác, false nếu chỉ là “hơn count”"
    )
    sorted_by: str = Field(
        "date", description="thứ tự thật của kết quả: `date` (mới nhất trước) hoặc `relevance`"
    )
    note: str = Field("", description="vì sao thứ tự khác với `sort` đã yêu cầu, nếu có")
    corrected: str = Field(
        "",
        description="từ khóa đã sửa (gõ sai, gõ thiếu) khi từ khóa gõ vào tìm được rất ít "
        "văn bản; kết quả gồm cả văn bản có từ khóa đã sửa",
    )
    items: list[DocumentOut]


class Filters(PageQuery):
    q: str = ""
    form: str = ""
    issuer: str = ""
    field: str = ""
    year: str = ""
    status: str = ""
    issued_from: str = ""
    issued_to: str = ""
    sort: str = ""


def _url(request, page) -> str:
    return page.get_full_url(request) or ""


def _relation(request, relation: LegalRelation) -> dict:
    target = relation.target if relation.target_id and relation.target.live else None
    return {
        "type": relation.kind,
        "number": target.number if target else None,
        "text": target.title if target else relation.target_text,
        "url": _url(request, target) if target else None,
    }


def _item(request, page: LegalDocumentPage) -> dict:
    return {
        "id": page.pk,
        "number": page.number,
        "form": page.form,
        "form_name": page.form_name,
        "issuer": page.issuer,
        "issued": page.issued,
        "effective": page.effective,
        "signer": page.signer,
        "summary": page.summary,
        "field": page.sector.name if page.sector_id else None,
        "status": page.status,
        "status_changed_on": page.status_changed_on,
        "portal": page.portal.slug if page.portal_id else None,
        "url": _url(request, page),
        "files": [
            {
                "title": f.label or f.document.title,
                "url": request.build_absolute_uri(f.document.url),
                "extension": f.document.file_extension,
            }
            for f in page.files.all()
        ],
        "relations": [_relation(request, r) for r in page.relations.all()],
    }


def _prefetched(documents):
    return documents.prefetch_related(
        Prefetch("files", queryset=LegalDocumentFile.objects.select_related("document")),
        Prefetch("relations", queryset=LegalRelation.objects.select_related("target")),
    )


@router.get("", response=PageOut, summary="Tra cứu văn bản")
def list_documents(request, filters: Query[Filters]):
    """Search documents by full text and filters; 20 per page, newest first.

    `form` is a form code (`quyet-dinh`, `nghi-dinh`…), `issuer` an issuer key
    (slug of its name), `field` a field slug, `status` one of `not_yet`,
    `in_force`, `partly_expired`, `expired`. Invalid values give 422; a page
    past the end gives an empty list.

    `count` is exact up to 1,000 matches; beyond, it is 1,000 with
    `count_exact: false` ("more than 1,000"), and `pages` counts the pages
    of those 1,000 — later pages still answer. `sort=relevance` ranks at
    most 1,000 matches: with more, `sorted_by` is `date` and `note` says why.
    """
    params = filters.dict(exclude={"page", "page_size"})
    form = search.LegalSearchForm({k: v for k, v in params.items() if v})
    if not form.is_valid():
        raise ValidationError({k: list(v) for k, v in form.errors.items()})
    found = search.find(search.scope(getattr(request, "portal", None)), form.cleaned_data)
    page = page_of(
        _prefetched(search.for_listing(found.documents)),
        filters,
        lambda page: _item(request, page),
        count_limit=search.COUNT_LIMIT,
        counted=found.counted,
    )
    return page | {"sorted_by": found.sorted_by, "note": found.note, "corrected": found.corrected}


@router.get("/{int:document_id}", response=DocumentDetailOut, summary="Một văn bản")
def get_document(request, document_id: int):
    page = (
        _prefetched(
            LegalDocumentPage.objects.live().select_related("portal", "sector", "expired_by")
        )
        .filter(pk=document_id)
        .first()
    )
    if page is None:
        raise Http404("Không có văn bản này.")
    incoming = LegalRelation.objects.filter(target=page, source__live=True).select_related("source")
    return _item(request, page) | {
        "effective_rule": page.effective_rule,
        "place": page.place,
        "expired_by": page.expired_by.number if page.expired_by_id else None,
        "incoming": [
            {
                "type": f"{r.kind}_by",
                "number": r.source.number,
                "text": r.source.title,
                "url": _url(request, r.source),
            }
            for r in incoming
        ],
        "body": page.body,
    }
