"""Consultations API: list, read with articles and approved comments, and comment."""

from datetime import datetime
from typing import Literal

from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.responses import Status

from eportal.api.pagination import PageQuery
from eportal.consultations import queries, services
from eportal.consultations.forms import COMMENT_SCOPE
from eportal.consultations.models import ConsultationPage
from eportal.core.abuse import api_guard, idempotency_key, recall_response, remember_response
from eportal.portals.models import Portal

PREFIX = "consultations"
router = Router(tags=["consultations"])

StatusName = Literal["upcoming", "open", "closed", "concluded"]


class Error(Schema):
    detail: str
    errors: dict | None = None
    retry_after: int | None = None
    challenge: dict | None = None


class CommentOut(Schema):
    id: int
    article: str | None
    name: str
    organization: str
    body: str
    created_at: datetime
    response: str | None
    response_label: str | None
    response_explanation: str


class ArticleOut(Schema):
    key: str
    number: str
    heading: str
    chapter: str
    text: str
    comment_count: int
    comments: list[CommentOut]


class ConsultationOut(Schema):
    id: int
    title: str
    url: str
    portal: str | None
    drafting_agency: str
    status: StatusName
    opens_at: datetime
    closes_at: datetime
    comment_count: int
    summary: str


class ConsultationDetail(ConsultationOut):
    receiving_address: str
    receiving_phone: str
    receiving_email: str
    articles: list[ArticleOut]
    general_comments: list[CommentOut]
    conclusion: str | None
    synthesis_xlsx: str | None
    synthesis_pdf: str | None


class ListFilters(PageQuery):
    status: StatusName | None = None
    portal: str | None = Field(None, max_length=63, description="nhãn cổng, ví dụ sotttt")


class CommentIn(Schema):
    article: str | None = Field(None, max_length=30, description="khóa điều, ví dụ dieu-5")
    name: str = Field(..., max_length=1000)
    email: str = Field(..., max_length=1000)
    organization: str = Field("", max_length=1000)
    body: str = Field(..., max_length=100_000)
    notify: bool = False
    website: str = Field("", max_length=1000, description="để trống (chống spam)")


class CommentCreated(Schema):
    id: int
    status: str
    message: str


def _comment(c) -> dict:
    return {
        "id": c.pk,
        "article": c.article_key or None,
        "name": c.name,
        "organization": c.organization,
        "body": c.body,
        "created_at": c.created_at,
        "response": c.response or None,
        "response_label": c.get_response_display() if c.response else None,
        "response_explanation": c.response_explanation,
    }


def _summary(item) -> dict:
    page = item.page
    return {
        "id": page.pk,
        "title": page.title,
        "url": page.full_url or "",
        "portal": item.portal.slug if item.portal else None,
        "drafting_agency": page.drafting_agency.name,
        "status": item.status,
        "opens_at": page.opens_at,
        "closes_at": page.effective_closes_at,
        "comment_count": item.comment_count,
        "summary": page.summary,
    }


@router.get("", response=list[ConsultationOut], summary="Danh sách dự thảo lấy ý kiến")
def list_consultations(request, filters: Query[ListFilters]):
    portal = None
    if filters.portal:
        portal = (
            Portal.objects.select_related("site__root_page").filter(slug=filters.portal).first()
        )
        if portal is None:
            return []
        if portal.is_main:
            # The main portal's own consultations only, not the whole province's.
            pages = queries.consultations(None, status=filters.status).descendant_of(
                portal.site.root_page
            )
        else:
            pages = queries.consultations(portal, status=filters.status)
    else:
        pages = queries.consultations(None, status=filters.status)
    start = (filters.page - 1) * filters.page_size
    page_slice = pages[start : start + filters.page_size]
    return [_summary(item) for item in queries.items(page_slice)]


def _live(consultation_id: int) -> ConsultationPage:
    return get_object_or_404(
        ConsultationPage.objects.live().public().select_related("drafting_agency", "outcome"),
        pk=consultation_id,
    )


@router.get(
    "/{int:consultation_id}",
    response={200: ConsultationDetail, 404: Error},
    summary="Dự thảo, các điều và ý kiến đã duyệt",
)
def get_consultation(request, consultation_id: int):
    page = _live(consultation_id)
    item = queries.items([page])[0]
    articles, general = page.articles_with_comments()
    receiving = page.receiving
    concluded = item.status == "concluded"
    base = page.full_url or ""
    return _summary(item) | {
        "receiving_address": receiving["address"],
        "receiving_phone": receiving["phone"],
        "receiving_email": receiving["email"],
        "articles": [
            {
                "key": a.key,
                "number": a.number,
                "heading": a.heading,
                "chapter": a.chapter,
                "text": a.text,
                "comment_count": len(comments),
                "comments": [_comment(c) for c in comments],
            }
            for a, comments in articles
        ],
        "general_comments": [_comment(c) for c in general],
        "conclusion": page.conclusion.explanation if concluded else None,
        "synthesis_xlsx": base + "tong-hop/xlsx/" if concluded else None,
        "synthesis_pdf": base + "tong-hop/pdf/" if concluded else None,
    }


@router.post(
    "/{int:consultation_id}/comments",
    response={201: CommentCreated, 404: Error, 409: Error, 422: Error, 428: Error, 429: Error},
    summary="Gửi góp ý (toàn bộ dự thảo hoặc một điều)",
)
def post_comment(request, consultation_id: int, payload: CommentIn):
    page = _live(consultation_id)
    if (replay := recall_response(request, COMMENT_SCOPE)) is not None:
        return Status(*replay)
    if not page.is_open():
        return Status(409, {"detail": services.not_open_message(page)})
    if (
        refusal := api_guard(request, COMMENT_SCOPE, email=payload.email, honeypot=payload.website)
    ) is not None:
        return Status(*refusal)
    key = idempotency_key(request)
    try:
        comment, _created = services.submit_comment(
            page,
            name=payload.name,
            email=payload.email,
            organization=payload.organization,
            body=payload.body,
            article_key=payload.article or "",
            notify=payload.notify,
            submission_key=f"api:{page.pk}:{services.key_digest(payload.email, key)}"
            if key
            else None,
        )
    except services.NotOpen as refusal:
        return Status(409, {"detail": str(refusal)})
    return Status(
        *remember_response(
            request,
            COMMENT_SCOPE,
            201,
            {
                "id": comment.pk,
                "status": comment.status,
                "message": services.received_message(),
            },
        )
    )
