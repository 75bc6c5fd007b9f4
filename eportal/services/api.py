"""JSON API: the procedure catalogue, its statistics and citizens' dossiers.

Mounted at ``/api/v1/`` (``PREFIX`` is empty): ``/api/v1/procedures…`` and
``/api/v1/dossiers…``.
"""

from __future__ import annotations

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.security import django_auth
from wagtail.models import Locale

from eportal.core import clock
from eportal.services import forms, statistics
from eportal.services import services as procedure_services
from eportal.services.models import Dossier, Level, ProcedurePage

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


class ProcedurePageOut(Schema):
    count: int
    items: list[ProcedureOut]


class StatisticsOut(Schema):
    code: str
    start: date
    end: date
    as_of: date
    totals: dict
    months: list[dict]


class DossierCreated(Schema):
    code: str
    status: str
    due_date: date | None


class EventOut(Schema):
    at: datetime
    status: str
    status_label: str
    note: str


class DossierOut(Schema):
    code: str
    status: str
    status_label: str
    procedure_code: str
    procedure_title: str
    agency: str
    channel: str
    submitted_at: datetime
    accepted_on: date | None
    due_date: date | None
    promised_date: date | None
    finished_on: date | None
    history: list[EventOut]


def _vi_procedures():
    return (
        ProcedurePage.objects.live()
        .public()
        .filter(locale=Locale.get_default())
        .select_related("agency")
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
def list_procedures(
    request,
    q: str = "",
    sector: str = "",
    agency: str = "",
    level: str = "",
    online: str = "",
    limit: int = 50,
    offset: int = 0,
):
    """Filter by sector (exact), agency (id or name), level (province, district,
    commune), online (true/false, toan-trinh, mot-phan) and words of q (accents optional)."""
    qs = _vi_procedures()
    if sector:
        qs = qs.filter(sector=sector)
    if agency:
        qs = (
            qs.filter(agency_id=int(agency)) if agency.isdigit() else qs.filter(agency__name=agency)
        )
    if level:
        if level not in Level.values:
            raise ValidationError({"level": [_("Cấp thực hiện không hợp lệ.")]})
        qs = qs.filter(level=level)
    if online:
        value = online.lower()
        if value in ("true", "1", "co"):
            qs = qs.exclude(online_level="")
        elif value in ("false", "0", "khong"):
            qs = qs.filter(online_level="")
        elif value in ("toan-trinh", "mot-phan"):
            qs = qs.filter(online_level=value)
        else:
            raise ValidationError({"online": [_("Giá trị không hợp lệ.")]})
    from eportal.vntext import fold

    for word in fold(q[:200]).split():
        qs = qs.filter(search_text__contains=word)
    limit = max(1, min(limit, 100))
    offset = max(0, offset)
    qs = qs.order_by("sector", "title")
    return {"count": qs.count(), "items": [_summary(p) for p in qs[offset : offset + limit]]}


def _procedure(code: str) -> ProcedurePage:
    page = _vi_procedures().filter(code=code).first()
    if page is None:
        raise Http404
    return page


@router.get("procedures/{code}", response=ProcedureDetail, summary="Chi tiết thủ tục")
def get_procedure(request, code: str):
    page = _procedure(code)
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


@router.get(
    "procedures/{code}/statistics", response=StatisticsOut, summary="Thống kê giải quyết hồ sơ"
)
def procedure_statistics(request, code: str, from_: str = Query("", alias="from"), to: str = ""):
    """``from`` and ``to`` are months (YYYY-MM) or days (YYYY-MM-DD); default: this year."""
    page = _procedure(code)
    raw_from = from_
    start = statistics.parse_month(raw_from) if raw_from else None
    end = statistics.parse_month(to) if to else None
    errors = {}
    if raw_from and start is None:
        errors["from"] = [_("Ngày không hợp lệ (NNNN-TT hoặc NNNN-TT-NN).")]
    if to and end is None:
        errors["to"] = [_("Ngày không hợp lệ (NNNN-TT hoặc NNNN-TT-NN).")]
    if errors:
        raise ValidationError(errors)
    today = clock.today()
    start = start or date(today.year, 1, 1)
    if end is None:
        end = today
    elif to and len(to.strip()) <= 7:
        end = statistics.month_end(end)
    report = statistics.build_report(start=start, end=end, procedure_code=page.code)
    return {
        "code": page.code,
        "start": report.start,
        "end": report.end,
        "as_of": report.as_of,
        "totals": report.totals,
        "months": [
            {
                "month": f"{m['month']:%Y-%m}",
                "received": m["received"],
                "on_time": m["on_time"],
                "late": m["late"],
            }
            for m in report.months
        ],
    }


@router.post(
    "dossiers",
    response={201: DossierCreated},
    auth=django_auth,
    summary="Nộp hồ sơ trực tuyến (multipart)",
)
def create_dossier(request):
    """Fields: ``procedure`` (code), ``field_N`` as listed by the procedure's
    ``form_fields``, ``component_N`` files in the order of its ``components``,
    and optionally ``submission_key`` (or the Idempotency-Key header) so that
    a retry does not create a second dossier."""
    if not procedure_services.is_citizen(request.user):
        raise HttpError(403, _("Vui lòng đăng nhập bằng tài khoản công dân."))
    code = (request.POST.get("procedure") or "").strip()
    page = _vi_procedures().filter(code=code).first() if code else None
    if page is None:
        raise ValidationError({"procedure": [_("Không có thủ tục với mã này.")]})
    form_class = forms.procedure_form_class(page)
    form = form_class(request.POST, request.FILES)
    if not form.is_valid():
        raise ValidationError({k: list(v) for k, v in form.errors.items()})
    key = form.cleaned_data.get("submission_key") or request.headers.get("Idempotency-Key", "")
    dossier, _created = procedure_services.submit_dossier(
        page,
        user=request.user,
        answers=form.answers(),
        files=form.files_by_component(),
        submission_key=key[:64],
    )
    return Status(
        201, {"code": dossier.code, "status": dossier.status, "due_date": dossier.due_date}
    )


@router.get("dossiers/{code}", response=DossierOut, auth=django_auth, summary="Tra cứu hồ sơ")
def get_dossier(request, code: str):
    dossier = Dossier.objects.select_related("agency", "portal").filter(code=code).first()
    if dossier is None or not procedure_services.can_see_dossier(request.user, dossier):
        raise Http404
    return {
        "code": dossier.code,
        "status": dossier.status,
        "status_label": dossier.get_status_display(),
        "procedure_code": dossier.procedure_code,
        "procedure_title": dossier.procedure_title,
        "agency": dossier.agency.name,
        "channel": dossier.channel,
        "submitted_at": dossier.submitted_at,
        "accepted_on": dossier.accepted_on,
        "due_date": dossier.due_date,
        "promised_date": dossier.promised_date,
        "finished_on": dossier.finished_on,
        "history": [
            {
                "at": e.at,
                "status": e.to_status,
                "status_label": e.get_to_status_display(),
                "note": e.note,
            }
            for e in dossier.events.all()
        ],
    }
