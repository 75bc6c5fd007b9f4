"""The one door for writes to consultations: comments, moderation, responses,
closing and the conclusion. Each function checks the rules, saves in one
transaction and writes Wagtail's audit log."""

import hashlib
import logging
import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.log_actions import log

from eportal.consultations import queries
from eportal.consultations.models import (
    Comment,
    ConsultationConclusion,
    ConsultationIndexPage,
    ConsultationPage,
    Status,
)
from eportal.core import clock, frontend_cache, mail
from eportal.core.pages import ensure_child_page
from eportal.core.uploads import DOCUMENTS, check_upload
from eportal.portals import access

logger = logging.getLogger(__name__)

INDEX_SLUG = "gop-y"
MAX_BODY = 5000
MAX_NAME = 200
MAX_ORGANIZATION = 255
MAX_REASON = 500
MAX_REPORT_BYTES = 20 * 1024 * 1024
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class NotOpen(Exception):
    """A comment was sent while the consultation is not open."""

    def __init__(self, consultation: ConsultationPage):
        self.consultation = consultation
        super().__init__(not_open_message(consultation))


def not_open_message(consultation: ConsultationPage) -> str:
    status = consultation.status()
    if status == Status.UPCOMING:
        return _("Dự thảo chưa đến thời gian lấy ý kiến (bắt đầu lúc %(when)s).") % {
            "when": timezone.localtime(consultation.opens_at).strftime("%H:%M ngày %d/%m/%Y")
        }
    return _("Đã hết thời gian lấy ý kiến đối với dự thảo này (kết thúc lúc %(when)s).") % {
        "when": timezone.localtime(consultation.effective_closes_at).strftime("%H:%M ngày %d/%m/%Y")
    }


def received_message() -> str:
    return _(
        "Cảm ơn bạn đã góp ý. Ý kiến đã được lưu và sẽ được hiển thị công khai sau khi "
        "cơ quan soạn thảo kiểm duyệt."
    )


def key_digest(email: str, key: str) -> str:
    """Return a short digest of an API client's Idempotency-Key, scoped by e-mail."""
    raw = f"{(email or '').strip().lower()}\n{key}"
    return hashlib.sha256(raw.encode()).hexdigest()[:40]


# --- Index pages -------------------------------------------------------------


def ensure_index_page(portal, by=None) -> tuple[ConsultationIndexPage, bool]:
    """Give a portal its live ``/gop-y/`` page if it has none; return (page, created)."""
    return ensure_child_page(
        portal.home_page,
        ConsultationIndexPage,
        slug=INDEX_SLUG,
        by=by,
        title=_("Lấy ý kiến dự thảo"),
        intro=_(
            "<p>Các dự thảo văn bản đang được lấy ý kiến góp ý của tổ chức, cá nhân. "
            "Bạn có thể góp ý cho toàn bộ dự thảo hoặc cho từng điều.</p>"
        ),
    )


def on_portal_created(sender, portal, by=None, **kwargs):
    ensure_index_page(portal, by=by)


# --- Comments ----------------------------------------------------------------


def _clean_text(value) -> str:
    return _CONTROL_CHARS.sub("", str(value or "")).strip()


def validate_comment(consultation, *, name, email, organization, body, article_key) -> dict:
    """Return the cleaned fields of a comment, or raise ValidationError (Vietnamese)."""
    data = {
        "name": _clean_text(name),
        "email": _clean_text(email),
        "organization": _clean_text(organization),
        "body": _clean_text(body),
        "article_key": _clean_text(article_key).lower(),
    }
    errors = {}
    if not data["name"]:
        errors["name"] = [_("Vui lòng nhập họ và tên.")]
    elif len(data["name"]) > MAX_NAME:
        errors["name"] = [_("Họ và tên tối đa %(n)d ký tự.") % {"n": MAX_NAME}]
    try:
        validate_email(data["email"])
        if len(data["email"]) > 254:
            raise ValidationError("")
    except ValidationError:
        errors["email"] = [_("Địa chỉ thư điện tử không hợp lệ.")]
    if len(data["organization"]) > MAX_ORGANIZATION:
        errors["organization"] = [
            _("Tên cơ quan, tổ chức tối đa %(n)d ký tự.") % {"n": MAX_ORGANIZATION}
        ]
    if not data["body"]:
        errors["body"] = [_("Vui lòng nhập nội dung góp ý.")]
    elif len(data["body"]) > MAX_BODY:
        errors["body"] = [
            _("Nội dung góp ý tối đa %(n)s ký tự (bạn đã nhập %(len)s).")
            % {
                "n": f"{MAX_BODY:,}".replace(",", "."),
                "len": f"{len(data['body']):,}".replace(",", "."),
            }
        ]
    if data["article_key"] and consultation.draft.article(data["article_key"]) is None:
        errors["article"] = [_("Điều được chọn không có trong dự thảo.")]
    if errors:
        raise ValidationError(errors)
    return data


def submit_comment(
    consultation: ConsultationPage,
    *,
    name,
    email,
    body,
    organization="",
    article_key="",
    notify=False,
    submission_key=None,
) -> tuple[Comment, bool]:
    """Store a citizen's comment (pending moderation); return (comment, created).

    A repeated submit with the same ``submission_key`` returns the first comment.
    Raises NotOpen outside the consultation period, ValidationError on bad input.
    """
    if submission_key:
        existing = Comment.objects.filter(submission_key=submission_key).first()
        if existing is not None:
            return existing, False
    consultation = ConsultationPage.objects.select_related("drafting_agency", "outcome").get(
        pk=consultation.pk
    )
    if not consultation.is_open():
        raise NotOpen(consultation)
    data = validate_comment(
        consultation,
        name=name,
        email=email,
        organization=organization,
        body=body,
        article_key=article_key,
    )
    article = consultation.draft.article(data["article_key"]) if data["article_key"] else None
    try:
        with transaction.atomic():
            comment = Comment.objects.create(
                consultation=consultation,
                article_key=data["article_key"],
                article_label=article.label[:300] if article else "",
                name=data["name"],
                email=data["email"],
                organization=data["organization"],
                body=data["body"],
                notify=bool(notify),
                submission_key=submission_key or None,
            )
            log(comment, "consultations.comment_submitted", user=None)
    except IntegrityError:
        # Two simultaneous submits with one key: the other one won.
        existing = Comment.objects.filter(submission_key=submission_key).first()
        if existing is None:
            raise
        return existing, False
    return comment, True


# --- Moderation and responses --------------------------------------------------


def _require(user, consultation, *, conclude=False):
    allowed = (queries.can_conclude if conclude else queries.can_moderate)(user, consultation)
    if not allowed:
        raise PermissionDenied(_("Bạn không thuộc Ban Biên tập của cổng đăng dự thảo này."))


@transaction.atomic
def approve(comment: Comment, *, by) -> Comment:
    """Show a comment publicly."""
    _require(by, comment.consultation)
    comment.status = Comment.Moderation.APPROVED
    comment.hidden_reason = ""
    comment.moderated_at, comment.moderated_by = clock.now(), by
    comment.save(update_fields=["status", "hidden_reason", "moderated_at", "moderated_by"])
    log(comment, "consultations.comment_approved", user=by)
    frontend_cache.purge_pages([comment.consultation])  # its public comments
    return comment


@transaction.atomic
def hide(comment: Comment, *, reason: str, by) -> Comment:
    """Hide a comment from the public, with a reason kept for the record."""
    _require(by, comment.consultation)
    reason = _clean_text(reason)
    if not reason:
        raise ValidationError({"reason": [_("Vui lòng nêu lý do ẩn ý kiến.")]})
    if len(reason) > MAX_REASON:
        raise ValidationError({"reason": [_("Lý do tối đa %(n)d ký tự.") % {"n": MAX_REASON}]})
    comment.status = Comment.Moderation.HIDDEN
    comment.hidden_reason = reason
    comment.moderated_at, comment.moderated_by = clock.now(), by
    comment.save(update_fields=["status", "hidden_reason", "moderated_at", "moderated_by"])
    log(comment, "consultations.comment_hidden", user=by, data={"reason": reason})
    frontend_cache.purge_pages([comment.consultation])  # its public comments
    return comment


@transaction.atomic
def respond(comment: Comment, *, response: str, explanation: str, by) -> Comment:
    """Record the agency's response (accepted, partly, not accepted) and its explanation."""
    _require(by, comment.consultation)
    explanation = _clean_text(explanation)
    errors = {}
    if response not in Comment.Response.values:
        errors["response"] = [_("Vui lòng chọn tiếp thu, tiếp thu một phần hoặc không tiếp thu.")]
    if response in (Comment.Response.PARTLY, Comment.Response.NOT_ACCEPTED) and not explanation:
        errors["explanation"] = [
            _("Vui lòng giải trình khi không tiếp thu hoặc tiếp thu một phần.")
        ]
    if len(explanation) > MAX_BODY:
        errors["explanation"] = [_("Giải trình tối đa %(n)d ký tự.") % {"n": MAX_BODY}]
    if comment.consultation.status() == Status.CONCLUDED:
        errors["__all__"] = [_("Đã công bố tổng hợp ý kiến, không sửa được giải trình.")]
    if errors:
        raise ValidationError(errors)
    comment.response, comment.response_explanation = response, explanation
    comment.responded_at, comment.responded_by = clock.now(), by
    comment.save(update_fields=["response", "response_explanation", "responded_at", "responded_by"])
    log(comment, "consultations.comment_responded", user=by, data={"response": response})
    frontend_cache.purge_pages([comment.consultation])  # its public comments
    return comment


# --- Closing and conclusion ------------------------------------------------------


@transaction.atomic
def close(consultation: ConsultationPage, *, by) -> ConsultationConclusion:
    """Close the consultation now (before its planned end)."""
    _require(by, consultation, conclude=True)
    if consultation.status() != Status.OPEN:
        raise ValidationError(_("Chỉ đóng được dự thảo đang lấy ý kiến."))
    outcome, _created = ConsultationConclusion.objects.get_or_create(consultation=consultation)
    outcome.closed_at, outcome.closed_by = clock.now(), by
    outcome.save()
    consultation.outcome = outcome
    log(consultation, "consultations.closed", user=by)
    frontend_cache.purge_pages([consultation])  # its status, on its page and lists
    return outcome


def conclude(
    consultation: ConsultationPage, *, explanation: str, report=None, by
) -> ConsultationConclusion:
    """Publish the synthesis of comments with the agency's explanation (and report file).

    The consultation must be closed. Subscribers are told by e-mail once the
    conclusion is committed (see ``notify_subscribers``).
    """
    _require(by, consultation, conclude=True)
    status = consultation.status()
    if status == Status.CONCLUDED:
        raise ValidationError(_("Đã công bố tổng hợp ý kiến của dự thảo này."))
    if status != Status.CLOSED:
        raise ValidationError(_("Chỉ công bố tổng hợp sau khi đã kết thúc lấy ý kiến."))
    explanation = _clean_text(explanation)
    if not explanation and report is None:
        raise ValidationError(
            {"explanation": [_("Vui lòng nhập giải trình chung hoặc tải lên báo cáo giải trình.")]}
        )
    if report is not None:
        check_upload(
            report,
            allowed=DOCUMENTS,
            max_bytes=MAX_REPORT_BYTES,
            field_label=_("Báo cáo giải trình"),
        )
    with transaction.atomic():
        outcome, _created = ConsultationConclusion.objects.get_or_create(consultation=consultation)
        if report is not None:
            portal = access.portal_of(consultation)
            document = get_document_model()(
                title=_("Báo cáo giải trình, tiếp thu – %(title)s") % {"title": consultation.title},
                file=report,
                collection=portal.collection,
                uploaded_by_user=by,
            )
            document.save()
            outcome.report = document
        outcome.explanation = explanation
        outcome.concluded_at, outcome.concluded_by = clock.now(), by
        outcome.save()
        consultation.outcome = outcome
        log(consultation, "consultations.concluded", user=by)
        frontend_cache.purge_pages([consultation])  # its synthesis, on its page and lists
        # Recorded in the outbox with the conclusion: the worker sends after commit,
        # and a bulk load under mail.muted() sends nothing.
        notify_subscribers(consultation.pk)
    return outcome


@transaction.atomic
def notify_subscribers(consultation_id: int) -> int:
    """E-mail every commenter who asked to be told of the synthesis, once; return the count."""
    consultation = (
        ConsultationPage.objects.select_related("outcome").filter(pk=consultation_id).first()
    )
    if consultation is None or consultation.status() != Status.CONCLUDED:
        return 0
    sent = 0
    pending = Comment.objects.filter(
        consultation=consultation, notify=True, notified_at__isnull=True
    )
    by_address = {}
    for comment in pending:
        by_address.setdefault(comment.email.lower(), []).append(comment)
    url = consultation.full_url or ""
    for comments in by_address.values():
        # Claim the rows first, so a second run (or a parallel one) sends nothing.
        claimed = Comment.objects.filter(
            pk__in=[c.pk for c in comments], notified_at__isnull=True
        ).update(notified_at=clock.now())
        if not claimed:
            continue
        # Queued with the claim in one transaction: the mail worker retries a failure.
        mail.send(
            [comments[0].email],
            template="consultations/email/synthesis_published.txt",
            context={"consultation": consultation, "name": comments[0].name, "url": url},
            subject=_("Đã công bố tổng hợp ý kiến: %(title)s") % {"title": consultation.title},
        )
        sent += 1
    return sent
