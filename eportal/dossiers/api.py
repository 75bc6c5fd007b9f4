"""JSON API of dossiers: the statistics of a procedure's dossiers, submitting a
dossier and following it. Mounted at ``/api/v1/`` (``PREFIX`` is empty):
``/api/v1/procedures/{code}/statistics`` and ``/api/v1/dossiers…``.
"""

from __future__ import annotations

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.security import django_auth

from eportal.citizens.queries import is_citizen
from eportal.core import clock
from eportal.dossiers import forms, queries, services, statistics
from eportal.dossiers.models import Dossier
from eportal.procedures.queries import live_procedures, procedure_or_404

PREFIX = ""
router = Router(tags=["Hồ sơ dịch vụ công"])


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


@router.get(
    "procedures/{code}/statistics", response=StatisticsOut, summary="Thống kê giải quyết hồ sơ"
)
def procedure_statistics(request, code: str, from_: str = Query("", alias="from"), to: str = ""):
    """``from`` and ``to`` are months (YYYY-MM) or days (YYYY-MM-DD); default: this year."""
    page = procedure_or_404(code)
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
    if not is_citizen(request.user):
        raise HttpError(403, _("Vui lòng đăng nhập bằng tài khoản công dân."))
    code = (request.POST.get("procedure") or "").strip()
    page = live_procedures().filter(code=code).first() if code else None
    if page is None:
        raise ValidationError({"procedure": [_("Không có thủ tục với mã này.")]})
    form_class = forms.procedure_form_class(page)
    form = form_class(request.POST, request.FILES)
    if not form.is_valid():
        raise ValidationError({k: list(v) for k, v in form.errors.items()})
    key = form.cleaned_data.get("submission_key") or request.headers.get("Idempotency-Key", "")
    dossier, _created = services.submit_dossier(
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
    if dossier is None or not queries.can_see_dossier(request.user, dossier):
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
