"""JSON API of the catalogue: ``/api/v1/procedures`` and one procedure.

Mounted at ``/api/v1/`` (``PREFIX`` is empty). The list takes the same filters
as the ``/thu-tuc/`` page (one form, ``forms.ProcedureFilterForm``) and pages
like every list of the API (``?page=&page_size=``). The statistics and the
dossiers of a procedure are served by ``eportal.dossiers.api``.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from ninja import Field, Query, Router, Schema
from wagtail.models import Locale

from eportal.api.pagination import PageMeta, PageQuery, page_of
from eportal.procedures import queries
from eportal.procedures.forms import ProcedureFilterForm
from eportal.procedures.models import ProcedurePage

PREFIX = ""
router = Router(tags=["Thủ tục hành chính và dịch vụ công"])


class ProcedureOut(Schema):
    code: str
    title: str
    sector: str
    agency: str
    level: str
    online_level: str
    service_level: int
    processing_days: int
    url: str | None


class ComponentOut(Schema):
    name: str
    originals: int
    copies: int
    required: bool
    form_url: str | None


class FormFieldOut(Schema):
    name: str
    label: str
    kind: str
    required: bool
    choices: list[str]


class ProcedureDetail(ProcedureOut):
    steps: list[str]
    submit_in_person: bool
    submit_online: bool
    submit_by_post: bool
    components: list[ComponentOut]
    fees: str
    fee_amount: int
    applicant: str
    requirements: str
    legal_basis: list[str]
    result: str
    responsibilities: str
    form_fields: list[FormFieldOut]
    english_url: str | None


class ProcedurePageOut(PageMeta):
    items: list[ProcedureOut]


class ProcedureFilters(PageQuery):
    q: str = Field("", max_length=200, description="từ khóa (tên, mã, lĩnh vực), có hoặc không dấu")
    sector: str = Field("", max_length=255, description="lĩnh vực, đúng tên")
    agency: str = Field("", max_length=255, description="cơ quan thực hiện: mã số hoặc đúng tên")
    level: str = Field("", max_length=20, description="cấp thực hiện: province, district, commune")
    online: str = Field(
        "", max_length=20, description="true/false (có/không trực tuyến), toan-trinh, mot-phan"
    )


def _summary(page: ProcedurePage) -> dict:
    return {
        "code": page.code,
        "title": page.title,
        "sector": page.sector,
        "agency": page.agency.name,
        "level": page.level,
        "online_level": page.online_level,
        "service_level": page.service_level,
        "processing_days": page.processing_days,
        "url": page.full_url,
    }


@router.get("procedures", response=ProcedurePageOut, summary="Danh mục thủ tục hành chính")
def list_procedures(request, filters: Query[ProcedureFilters]):
    """Published procedures in Vietnamese, filtered like the catalogue page."""
    form = ProcedureFilterForm(filters.dict(exclude={"page", "page_size"}))
    if not form.is_valid():
        raise ValidationError({k: list(v) for k, v in form.errors.items()})
    return page_of(form.apply(queries.live_procedures()), filters, _summary)


@router.get("procedures/{code}", response=ProcedureDetail, summary="Chi tiết thủ tục")
def get_procedure(request, code: str):
    page = queries.procedure_or_404(code)
    english_locale = Locale.objects.filter(language_code="en").first()
    english = page.get_translation_or_none(english_locale) if english_locale else None
    return _summary(page) | {
        "steps": page.step_list(),
        "submit_in_person": page.submit_in_person,
        "submit_online": page.submit_online,
        "submit_by_post": page.submit_by_post,
        "components": [
            {
                "name": c.name,
                "originals": c.originals,
                "copies": c.copies,
                "required": c.required,
                "form_url": request.build_absolute_uri(c.form.url) if c.form else None,
            }
            for c in page.components.select_related("form")
        ],
        "fees": page.fees,
        "fee_amount": page.fee_amount,
        "applicant": page.applicant,
        "requirements": page.requirements,
        "legal_basis": page.legal_basis_list(),
        "result": page.result,
        "responsibilities": page.responsibilities,
        "form_fields": [
            {
                "name": f"field_{i}",
                "label": f.label,
                "kind": f.kind,
                "required": f.required,
                "choices": f.choice_list(),
            }
            for i, f in enumerate(page.form_fields.all())
        ],
        "english_url": english.full_url if english is not None and english.live else None,
    }
