"""The one door for every write of dossiers: submission, drafts, the staff's
steps and payments. Each function checks the rules, saves in one transaction,
records the step in the dossier's history and queues its e-mail with it.
"""

from __future__ import annotations

import logging
import re
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log as audit_log

from eportal.citizens.queries import is_citizen
from eportal.core import clock, mail
from eportal.core.forms import check_text
from eportal.core.uploads import DOCUMENTS, IMAGES, check_upload
from eportal.dossiers.models import (
    Channel,
    Dossier,
    DossierCounter,
    DossierDraft,
    DossierDraftFile,
    DossierEvent,
    DossierFile,
    Payment,
    Status,
)
from eportal.portals import access
from eportal.procedures.models import ProcedurePage
from eportal.procedures.queries import procedure_portal, source_procedure
from eportal.workdays.services import calendar

logger = logging.getLogger(__name__)

ALLOWED_KINDS = DOCUMENTS + IMAGES

# Which status may follow which (the national portal's flow). Anything else is
# refused by ``_move``; the admin offers only these.
TRANSITIONS: dict[str, frozenset[str]] = {
    Status.NEW: frozenset(
        {Status.ACCEPTED, Status.NOT_ACCEPTED, Status.SUPPLEMENT_REQUESTED, Status.WITHDRAWN}
    ),
    Status.ACCEPTED: frozenset(
        {
            Status.PROCESSING,
            Status.SUPPLEMENT_REQUESTED,
            Status.PAYMENT_REQUESTED,
            Status.DONE,
            Status.STOPPED,
            Status.WITHDRAWN,
        }
    ),
    Status.PROCESSING: frozenset(
        {
            Status.SUPPLEMENT_REQUESTED,
            Status.PAYMENT_REQUESTED,
            Status.DONE,
            Status.STOPPED,
            Status.WITHDRAWN,
        }
    ),
    Status.SUPPLEMENT_REQUESTED: frozenset(
        {Status.NEW, Status.PROCESSING, Status.NOT_ACCEPTED, Status.STOPPED, Status.WITHDRAWN}
    ),
    Status.PAYMENT_REQUESTED: frozenset({Status.PROCESSING, Status.STOPPED, Status.WITHDRAWN}),
    Status.DONE: frozenset({Status.RETURNED}),
    Status.NOT_ACCEPTED: frozenset(),
    Status.WITHDRAWN: frozenset(),
    Status.STOPPED: frozenset(),
    Status.RETURNED: frozenset(),
}
PAUSED_STATUSES = frozenset({Status.SUPPLEMENT_REQUESTED, Status.PAYMENT_REQUESTED})
CLOSING_STATUSES = frozenset({Status.NOT_ACCEPTED, Status.WITHDRAWN, Status.STOPPED, Status.DONE})

ID_NUMBER_RE = re.compile(r"^\d{12}$")


def max_upload_bytes() -> int:
    return getattr(settings, "EPORTAL_DOSSIER_MAX_BYTES", 10 * 1024 * 1024)


# --- Dossier codes ------------------------------------------------------------


def agency_code(agency, portal=None) -> str:
    code = (agency.code or "").strip()
    if code:
        return code
    if portal is None:
        portal = getattr(agency, "portal", None)
    return (portal.slug if portal else f"CQ{agency.pk}").upper()


def next_dossier_code(agency, day: date, portal=None) -> str:
    """Return the next ``<agency code>-<YYMMDD>-<NNNN>``; call inside a transaction.

    The per-agency-per-day counter row is locked (select_for_update) so two
    submissions at the same moment never get the same number.
    """
    try:
        with transaction.atomic():
            DossierCounter.objects.get_or_create(agency=agency, day=day)
    except IntegrityError:
        pass  # created by a concurrent submission: lock it below
    counter = DossierCounter.objects.select_for_update().get(agency=agency, day=day)
    counter.last = F("last") + 1
    counter.save(update_fields=["last"])
    counter.refresh_from_db(fields=["last"])
    return f"{agency_code(agency, portal)}-{day:%y%m%d}-{counter.last:04d}"


# --- Submission ---------------------------------------------------------------


def check_files(
    procedure: ProcedurePage, files: dict[str, list], *, supplement=False, present=frozenset()
) -> dict:
    """Validate uploads per component name; return {component: [(file, kind)]}.

    ``present`` names components already provided (kept from a draft), which
    a required component does not need again. Raises a ValidationError keyed
    by component with Vietnamese messages.
    """
    errors: dict[str, list[str]] = {}
    checked: dict[str, list] = {}
    components = {c.name: c for c in procedure.components.all()}
    for name, uploads in files.items():
        if name not in components:
            errors.setdefault("__all__", []).append(
                _("Thành phần hồ sơ “%(name)s” không có trong thủ tục.") % {"name": name}
            )
            continue
        for upload in uploads:
            try:
                kind = check_upload(
                    upload, allowed=ALLOWED_KINDS, max_bytes=max_upload_bytes(), field_label=name
                )
            except ValidationError as error:
                errors.setdefault(name, []).extend(error.messages)
                continue
            checked.setdefault(name, []).append((upload, kind))
    if not supplement:
        for name, component in components.items():
            missing = not files.get(name) and name not in present
            if component.required and missing and name not in errors:
                errors.setdefault(name, []).append(
                    _("Thiếu thành phần hồ sơ bắt buộc: %(name)s.") % {"name": name}
                )
    elif not files:
        errors.setdefault("__all__", []).append(_("Vui lòng tải lên ít nhất một tệp."))
    if errors:
        raise ValidationError(errors)
    return checked


def _store_files(dossier: Dossier, checked: dict, *, supplement=False) -> None:
    _store_uploads(
        checked,
        lambda **fields: DossierFile(dossier=dossier, supplement=supplement, **fields),
        dossier.code,
    )


def _store_uploads(checked: dict, make_row, stem: str) -> None:
    """Save each checked upload as a row of ``make_row`` (a dossier's or a
    draft's file) in private storage, under ``stem`` and its own extension."""
    for component, uploads in checked.items():
        for upload, kind in uploads:
            upload.seek(0)
            item = make_row(
                component=component,
                original_name=(upload.name or "tep")[-255:],
                kind=kind,
                size=upload.size,
            )
            extension = upload.name.rsplit(".", 1)[-1].lower()
            item.file.save(f"{stem}.{extension}", upload, save=False)
            item.save()


def submit_dossier(
    procedure: ProcedurePage,
    *,
    user,
    answers: list[tuple[str, str]],
    files: dict[str, list],
    submission_key: str = "",
    channel: str = Channel.ONLINE,
    applicant: dict | None = None,
    received_by=None,
) -> tuple[Dossier, bool]:
    """Receive a dossier; return (dossier, created).

    Online dossiers come from a signed-in citizen (``user``); staff record
    dossiers received in person or by post with ``received_by`` and the
    applicant's details. A repeated ``submission_key`` returns the dossier it
    created the first time instead of a duplicate.
    """
    procedure = source_procedure(procedure)
    if submission_key:
        existing = Dossier.objects.filter(submission_key=submission_key).first()
        if existing is not None:
            if existing.applicant_id != getattr(user, "pk", None) and received_by is None:
                raise ValidationError(_("Mã gửi hồ sơ không hợp lệ."))
            return existing, False
    if channel == Channel.ONLINE:
        if not is_citizen(user):
            raise PermissionDenied(_("Vui lòng đăng nhập bằng tài khoản công dân."))
        if not procedure.is_online:
            raise ValidationError(_("Thủ tục này chưa cung cấp dịch vụ nộp hồ sơ trực tuyến."))
        profile = user.citizen_profile
        applicant = {
            "name": profile.full_name,
            "email": user.email,
            "phone": profile.phone,
            "id_number": profile.id_number,
            "address": profile.address,
        } | {k: v for k, v in (applicant or {}).items() if v}
    else:
        if received_by is None or not access.may(
            received_by, "dossiers.handle", procedure_portal(procedure)
        ):
            raise PermissionDenied(_("Chỉ cán bộ của cơ quan được ghi nhận hồ sơ nộp trực tiếp."))
        applicant = applicant or {}
        if not applicant.get("name"):
            raise ValidationError({"applicant_name": _("Vui lòng nhập tên người nộp.")})
    for label, value in answers:
        check_text(value, label)
    for key in ("name", "address", "phone"):
        check_text(applicant.get(key, ""), _("Thông tin người nộp"))
    checked = check_files(procedure, files) if channel == Channel.ONLINE else {}
    portal = procedure_portal(procedure)
    moment = clock.now()
    day = timezone.localdate(moment)
    try:
        with transaction.atomic():
            code = next_dossier_code(procedure.agency, day, portal)
            dossier = Dossier.objects.create(
                code=code,
                procedure=procedure,
                procedure_code=procedure.code,
                procedure_title=procedure.title,
                processing_days=procedure.processing_days,
                portal=portal,
                agency=procedure.agency,
                applicant=user if channel == Channel.ONLINE else None,
                applicant_name=applicant.get("name", ""),
                applicant_email=applicant.get("email", ""),
                applicant_phone=applicant.get("phone", ""),
                applicant_id_number=applicant.get("id_number", ""),
                applicant_address=applicant.get("address", ""),
                channel=channel,
                status=Status.NEW,
                answers=[[label, value] for label, value in answers],
                submission_key=submission_key or None,
                submitted_at=moment,
                received_on=day,
                fee_amount=procedure.fee_amount,
            )
            _store_files(dossier, checked)
            _event(dossier, received_by or user, "submitted", "", Status.NEW, "")
    except IntegrityError:
        # The same submission_key committed by a concurrent request.
        existing = Dossier.objects.filter(submission_key=submission_key).first()
        if submission_key and existing is not None:
            return existing, False
        raise
    _mail_after_commit(
        dossier,
        _("Hồ sơ %(code)s đã được gửi") % {"code": dossier.code},
        "dossiers/email/submitted.txt",
    )
    return dossier, True


# --- Drafts: review before sending ---------------------------------------------

DRAFT_LIFETIME = timedelta(days=1)


def save_draft(
    procedure: ProcedurePage,
    *,
    user,
    key: str,
    answers: list[tuple[str, str]],
    files: dict[str, list],
) -> DossierDraft:
    """Keep a checked online form for its owner to review before sending.

    Saving again under the same key (the citizen went back to correct it)
    replaces the answers and, component by component, the files uploaded
    anew; the other files are kept.
    """
    procedure = source_procedure(procedure)
    if not is_citizen(user):
        raise PermissionDenied(_("Vui lòng đăng nhập bằng tài khoản công dân."))
    if not procedure.is_online:
        raise ValidationError(_("Thủ tục này chưa cung cấp dịch vụ nộp hồ sơ trực tuyến."))
    for label, value in answers:
        check_text(value, label)
    purge_drafts()
    draft = DossierDraft.objects.filter(key=key).first()
    if draft is not None and (draft.user_id != user.pk or draft.procedure_id != procedure.pk):
        raise ValidationError(_("Mã gửi hồ sơ không hợp lệ."))
    kept = set(draft.files.values_list("component", flat=True)) if draft else set()
    checked = check_files(procedure, files, present=kept - set(files))
    with transaction.atomic():
        if draft is None:
            draft = DossierDraft.objects.create(
                key=key, user=user, procedure=procedure, answers=[list(a) for a in answers]
            )
        else:
            draft.answers = [list(a) for a in answers]
            draft.save(update_fields=["answers"])
            _delete_files(draft.files.filter(component__in=list(checked)))
        _store_uploads(checked, lambda **fields: DossierDraftFile(draft=draft, **fields), key)
    return draft


def submit_draft(draft: DossierDraft) -> tuple[Dossier, bool]:
    """Send a reviewed draft: the dossier is made as from the form, then the
    draft and its temporary files are removed."""
    opened = []
    files: dict[str, list] = {}
    try:
        for item in draft.files.all():
            handle = File(item.file.open("rb"), name=item.original_name)
            opened.append(handle)
            files.setdefault(item.component, []).append(handle)
        result = submit_dossier(
            draft.procedure,
            user=draft.user,
            answers=[tuple(answer) for answer in draft.answers],
            files=files,
            submission_key=draft.key,
        )
    finally:
        for handle in opened:
            handle.close()
    delete_draft(draft)
    return result


def delete_draft(draft: DossierDraft) -> None:
    _delete_files(draft.files.all())
    draft.delete()


def purge_drafts() -> int:
    """Remove drafts nobody sent within a day, with their files."""
    stale = list(DossierDraft.objects.filter(created_at__lt=clock.now() - DRAFT_LIFETIME))
    for draft in stale:
        delete_draft(draft)
    return len(stale)


def _delete_files(items) -> None:
    for item in list(items):
        item.file.delete(save=False)
        item.delete()


# --- Steps --------------------------------------------------------------------


def _event(dossier, actor, action, from_status, to_status, note, *, form="", data=None):
    # Staff steps also go to the one audit trail (SPEC §11; the watch app
    # labels the action and shows it by portal).
    if getattr(actor, "pk", None):
        audit_log(
            dossier,
            "watch.dossier_step",
            user=actor,
            data={
                "portal": dossier.portal_id,
                "code": getattr(dossier, "code", ""),
                "step": action,
                "from": from_status,
                "to": to_status,
            },
        )
    return DossierEvent.objects.create(
        dossier=dossier,
        at=clock.now(),
        actor=actor if getattr(actor, "pk", None) else None,
        action=action,
        from_status=from_status,
        to_status=to_status,
        note=note,
        form=form,
        data=data or {},
    )


def _locked(dossier: Dossier) -> Dossier:
    return Dossier.objects.select_for_update().select_related("portal", "agency").get(pk=dossier.pk)


def _check_staff(user, dossier: Dossier) -> None:
    access.require(
        user, "dossiers.handle", dossier.portal_id, _("Bạn không xử lý hồ sơ của cơ quan này.")
    )


def _move(dossier: Dossier, to_status: str, by, action: str, note: str, **event_kwargs):
    if to_status not in TRANSITIONS[dossier.status]:
        raise ValidationError(
            _("Không thể chuyển hồ sơ từ “%(a)s” sang “%(b)s”.")
            % {"a": Status(dossier.status).label, "b": Status(to_status).label},
            code="bad_transition",
        )
    from_status = dossier.status
    dossier.status = to_status
    on = clock.today()
    if to_status in PAUSED_STATUSES:
        dossier.resume_status = Status.PROCESSING if dossier.accepted_on else Status.NEW
        if dossier.accepted_on and dossier.paused_since is None:
            dossier.paused_since = on
    elif from_status in PAUSED_STATUSES:
        _resume_clock(dossier, on)
    if to_status in CLOSING_STATUSES and dossier.closed_on is None:
        dossier.closed_on = on
    dossier.save()
    return _event(dossier, by, action, from_status, to_status, note, **event_kwargs)


def _resume_clock(dossier: Dossier, on: date) -> None:
    """Push the due date back by the working days the clock was stopped."""
    if dossier.paused_since is not None and dossier.due_date is not None:
        lost = calendar().working_days_between(dossier.paused_since, on)
        if lost > 0:
            dossier.due_date = calendar().add_working_days(dossier.due_date, lost)
    dossier.paused_since = None
    dossier.resume_status = ""


def accept(dossier: Dossier, *, by, note: str = "") -> Dossier:
    """Accept a complete dossier: the clock starts and the due date is stored."""
    with transaction.atomic():
        dossier = _locked(dossier)
        _check_staff(by, dossier)
        on = clock.today()
        if dossier.status == Status.NEW:
            dossier.accepted_on = on
            dossier.due_date = calendar().add_working_days(on, dossier.processing_days)
        _move(dossier, Status.ACCEPTED, by, "accepted", note)
    _mail_after_commit(
        dossier,
        _("Hồ sơ %(code)s đã được tiếp nhận") % {"code": dossier.code},
        "dossiers/email/status.txt",
        form="01",
    )
    return dossier


def start_processing(dossier: Dossier, *, by, note: str = "") -> Dossier:
    with transaction.atomic():
        dossier = _locked(dossier)
        _check_staff(by, dossier)
        _move(dossier, Status.PROCESSING, by, "processing", note)
    return dossier


def refuse(dossier: Dossier, *, by, reason: str) -> Dossier:
    """Refuse to accept a dossier (form 03), with the reason."""
    if not reason.strip():
        raise ValidationError({"note": _("Vui lòng nêu lý do từ chối.")})
    with transaction.atomic():
        dossier = _locked(dossier)
        _check_staff(by, dossier)
        _move(dossier, Status.NOT_ACCEPTED, by, "refused", reason, form="03")
    _mail_after_commit(
        dossier,
        _("Hồ sơ %(code)s bị từ chối tiếp nhận") % {"code": dossier.code},
        "dossiers/email/status.txt",
        form="03",
    )
    return dossier


def request_supplement(dossier: Dossier, *, by, items: str, note: str = "") -> Dossier:
    """Ask for more documents (form 02); the clock stops until they arrive."""
    if not items.strip():
        raise ValidationError({"items": _("Vui lòng liệt kê giấy tờ cần bổ sung.")})
    with transaction.atomic():
        dossier = _locked(dossier)
        _check_staff(by, dossier)
        _move(
            dossier,
            Status.SUPPLEMENT_REQUESTED,
            by,
            "supplement_requested",
            note,
            form="02",
            data={"documents": items},
        )
    _mail_after_commit(
        dossier,
        _("Hồ sơ %(code)s cần bổ sung giấy tờ") % {"code": dossier.code},
        "dossiers/email/status.txt",
        form="02",
    )
    return dossier


def supply(dossier: Dossier, *, by, files: dict[str, list], note: str = "") -> Dossier:
    """The owner adds the requested documents; the clock resumes."""
    if dossier.applicant_id is None or dossier.applicant_id != getattr(by, "pk", None):
        raise PermissionDenied(_("Chỉ người nộp được bổ sung hồ sơ."))
    check_text(note, _("Ghi chú"))
    procedure = dossier.procedure
    if procedure is None:
        raise ValidationError(_("Thủ tục của hồ sơ không còn trên cổng."))
    checked = check_files(procedure, files, supplement=True)
    with transaction.atomic():
        dossier = _locked(dossier)
        if dossier.status != Status.SUPPLEMENT_REQUESTED:
            raise ValidationError(_("Hồ sơ không ở trạng thái chờ bổ sung."))
        _store_files(dossier, checked, supplement=True)
        _move(dossier, dossier.resume_status or Status.PROCESSING, by, "supplied", note)
    return dossier


def request_payment(dossier: Dossier, *, by, amount: int, note: str = "") -> Payment:
    """Ask for the fee (financial obligation); the clock stops until it is paid."""
    if amount is None or amount <= 0:
        raise ValidationError({"amount": _("Số tiền phải lớn hơn 0.")})
    with transaction.atomic():
        dossier = _locked(dossier)
        _check_staff(by, dossier)
        _move(
            dossier,
            Status.PAYMENT_REQUESTED,
            by,
            "payment_requested",
            note,
            data={"amount": amount},
        )
        payment = Payment.objects.create(dossier=dossier, amount=amount)
    _mail_after_commit(
        dossier,
        _("Hồ sơ %(code)s: đề nghị thực hiện nghĩa vụ tài chính") % {"code": dossier.code},
        "dossiers/email/status.txt",
    )
    return payment


def record_payment(payment: Payment, *, by, provider: str, reference: str = "") -> Payment:
    """Mark a payment paid (by a provider's confirmation); the dossier resumes."""
    with transaction.atomic():
        payment = Payment.objects.select_for_update().get(pk=payment.pk)
        if payment.status == Payment.State.PAID:
            return payment
        if payment.status != Payment.State.PENDING:
            raise ValidationError(_("Khoản thanh toán này đã bị hủy."))
        payment.status = Payment.State.PAID
        payment.provider = provider
        payment.reference = reference or payment.reference
        payment.paid_at = clock.now()
        payment.confirmed_by = by if getattr(by, "pk", None) else None
        payment.save()
        dossier = _locked(payment.dossier)
        if dossier.status == Status.PAYMENT_REQUESTED:
            _move(
                dossier,
                Status.PROCESSING,
                by,
                "paid",
                _("Đã thanh toán %(amount)s đồng (%(ref)s).")
                % {"amount": f"{payment.amount:,}".replace(",", "."), "ref": payment.reference},
            )
    return payment


def set_payment_reference(payment: Payment, *, provider: str, reference: str) -> Payment:
    Payment.objects.filter(pk=payment.pk, status=Payment.State.PENDING).update(
        provider=provider, reference=reference
    )
    payment.refresh_from_db()
    return payment


def finish(dossier: Dossier, *, by, note: str = "") -> Dossier:
    with transaction.atomic():
        dossier = _locked(dossier)
        _check_staff(by, dossier)
        dossier.finished_on = clock.today()
        _move(dossier, Status.DONE, by, "done", note)
    return dossier


def return_result(dossier: Dossier, *, by, note: str = "") -> Dossier:
    with transaction.atomic():
        dossier = _locked(dossier)
        _check_staff(by, dossier)
        dossier.returned_on = clock.today()
        _move(dossier, Status.RETURNED, by, "returned", note)
    _mail_after_commit(
        dossier,
        _("Hồ sơ %(code)s đã có kết quả") % {"code": dossier.code},
        "dossiers/email/status.txt",
    )
    return dossier


def stop(dossier: Dossier, *, by, reason: str) -> Dossier:
    if not reason.strip():
        raise ValidationError({"note": _("Vui lòng nêu lý do dừng xử lý.")})
    with transaction.atomic():
        dossier = _locked(dossier)
        _check_staff(by, dossier)
        _move(dossier, Status.STOPPED, by, "stopped", reason)
    _mail_after_commit(
        dossier,
        _("Hồ sơ %(code)s bị dừng xử lý") % {"code": dossier.code},
        "dossiers/email/status.txt",
    )
    return dossier


def withdraw(dossier: Dossier, *, by, reason: str = "") -> Dossier:
    """The owner withdraws their dossier."""
    if dossier.applicant_id is None or dossier.applicant_id != getattr(by, "pk", None):
        raise PermissionDenied(_("Chỉ người nộp được rút hồ sơ."))
    check_text(reason, _("Lý do"))
    with transaction.atomic():
        dossier = _locked(dossier)
        _move(dossier, Status.WITHDRAWN, by, "withdrawn", reason)
    return dossier


def apologize(dossier: Dossier, *, by, new_date: date, reason: str) -> Dossier:
    """Send the apology letter for a late dossier with a new date (form 04)."""
    if not reason.strip():
        raise ValidationError({"note": _("Vui lòng nêu lý do chậm trễ.")})
    with transaction.atomic():
        dossier = _locked(dossier)
        _check_staff(by, dossier)
        if dossier.due_date is None or dossier.closed_on is not None:
            raise ValidationError(_("Chỉ gửi thư xin lỗi cho hồ sơ đã tiếp nhận và đang xử lý."))
        if new_date is None or new_date <= dossier.due_date:
            raise ValidationError({"new_date": _("Ngày hẹn mới phải sau ngày hẹn trả cũ.")})
        dossier.promised_date = new_date
        dossier.save(update_fields=["promised_date"])
        _event(
            dossier,
            by,
            "apology",
            dossier.status,
            dossier.status,
            reason,
            form="04",
            data={"new_date": new_date.isoformat(), "old_date": dossier.due_date.isoformat()},
        )
    _mail_after_commit(
        dossier,
        _("Thư xin lỗi và hẹn lại ngày trả kết quả hồ sơ %(code)s") % {"code": dossier.code},
        "dossiers/email/status.txt",
        form="04",
    )
    return dossier


STAFF_ACTIONS = {
    Status.ACCEPTED: accept,
    Status.PROCESSING: start_processing,
    Status.DONE: finish,
    Status.RETURNED: return_result,
}


# --- Mail ---------------------------------------------------------------------


def _mail_after_commit(dossier: Dossier, subject: str, template: str, form: str = "") -> None:
    """Queue the citizen's notice of a step, with the step's printed form (made
    by the worker) attached."""
    if not dossier.applicant_email:
        return
    mail.send(
        [dossier.applicant_email],
        template=template,
        context={"dossier": dossier, "subject": subject},
        subject=subject,
        attachments=("eportal.dossiers.documents.form_attachments", [dossier.pk, form])
        if form
        else None,
    )
