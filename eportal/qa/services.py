"""The one door for writes to questions: submit, route, refuse, answer, approve, publish.

Each function checks who may act and from which status, saves in one
transaction, records a `QuestionEvent` (the citizen-visible history) and a
Wagtail audit-log entry, then queues the e-mails. Mail is sent after the
transaction commits and never undoes a stored step: a mail failure is logged
and the question stays where it is (see `eportal.qa.notifications`).
"""

from __future__ import annotations

import logging
from datetime import date, datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from wagtail.log_actions import log

from eportal.core import clock, mail
from eportal.portals import access
from eportal.portals.models import Agency, Portal
from eportal.qa.models import (
    QASettings,
    Question,
    QuestionAttachment,
    QuestionEvent,
    Topic,
)
from eportal.workdays import services as workdays

logger = logging.getLogger(__name__)

RULE = "qa-answer"
Status = Question.Status
Kind = QuestionEvent.Kind

ACTIONS = {
    "qa.receive": (_lazy("Tiếp nhận câu hỏi"), _lazy("Câu hỏi được tiếp nhận")),
    "qa.route": (_lazy("Chuyển câu hỏi"), _lazy("Câu hỏi được chuyển cơ quan trả lời")),
    "qa.refuse_complaint": (
        _lazy("Từ chối câu hỏi là khiếu nại"),
        _lazy("Câu hỏi bị từ chối vì là khiếu nại, tố cáo"),
    ),
    "qa.out_of_scope": (
        _lazy("Từ chối câu hỏi ngoài phạm vi"),
        _lazy("Câu hỏi không thuộc phạm vi hỏi đáp"),
    ),
    "qa.return": (
        _lazy("Trả lại câu hỏi"),
        _lazy("Cơ quan trả lại câu hỏi không thuộc thẩm quyền"),
    ),
    "qa.progress": (_lazy("Thông báo tiến độ"), _lazy("Cơ quan gửi thông báo tiến độ trả lời")),
    "qa.draft": (_lazy("Soạn câu trả lời"), _lazy("Câu trả lời được soạn và trình duyệt")),
    "qa.reject_draft": (_lazy("Trả lại dự thảo"), _lazy("Dự thảo câu trả lời bị trả lại")),
    "qa.approve": (_lazy("Duyệt câu trả lời"), _lazy("Câu trả lời được duyệt và gửi người hỏi")),
    "qa.publish": (_lazy("Công khai câu trả lời"), _lazy("Câu trả lời được công khai")),
    "qa.unpublish": (_lazy("Gỡ công khai câu trả lời"), _lazy("Câu trả lời được gỡ công khai")),
}


# --- Who may do what -------------------------------------------------------


def is_handler(user) -> bool:
    """Whether ``user`` works on questions on any portal's board."""
    return access.may(user, "qa.handle")


def visible_questions(user):
    """Questions the user may see in the admin: the main board all, others those
    received by their portal or routed to its agency."""
    return access.scope(Question.objects.all(), user, "qa.handle", "portal", "agency__portal")


def can_classify(user, question) -> bool:
    """The board of the portal that received it (or the main portal's board)."""
    return access.may(user, "qa.handle", question.portal_id)


def can_answer(user, question) -> bool:
    """The board of the agency it was routed to."""
    return question.agency_id is not None and access.may(user, "qa.answer", question.agency_portal)


def can_approve(user, question) -> bool:
    """The agency portal's approvers, never the author of the draft."""
    if question.agency_id is None or question.answer_drafted_by_id == user.pk:
        return False
    return access.may(user, "qa.approve", question.agency_portal)


def _require(allowed: bool):
    if not allowed:
        raise PermissionDenied(_("Bạn không có quyền thực hiện thao tác này với câu hỏi."))


def _require_status(question, *statuses):
    if question.status not in statuses:
        raise ValidationError(
            _("Không thực hiện được khi câu hỏi đang ở trạng thái “%(status)s”.")
            % {"status": question.get_status_display()}
        )


def _step(question, kind, by, *, note="", agency=None, promised_date=None, action=None, fields=()):
    """Save the changed fields, add the history event and write the audit log."""
    if fields:
        question.save(update_fields=list(fields))
    event = QuestionEvent.objects.create(
        question=question,
        kind=kind,
        by=by,
        note=note,
        agency=agency,
        promised_date=promised_date,
        public=kind not in QuestionEvent.INTERNAL,
    )
    if action:
        log(
            instance=question,
            action=action,
            user=by,
            data={"code": question.code, "status": question.status, "note": note[:500]},
        )
    return event


def _after_commit(question, kind, **extra):
    from eportal.qa.notifications import notify

    notify(question.pk, kind, **extra)


# --- Citizen submission ----------------------------------------------------


class ComplaintRefused(Exception):
    """A submission marked as a complaint or denunciation: not accepted (Art. 8.3)."""

    def __init__(self, portal):
        self.message = QASettings.complaint_message_for(portal)
        super().__init__(self.message)


def submit_question(
    portal: Portal,
    *,
    name: str,
    email: str,
    title: str,
    body: str,
    phone: str = "",
    address: str = "",
    topic: Topic | None = None,
    is_complaint: bool = False,
    attachments=(),
    submission_key: str | None = None,
    now: datetime | None = None,
) -> tuple[Question, bool]:
    """Store a citizen's question and start its 15-working-day clock.

    Return (question, created). A repeated submission key returns the first
    question unchanged. A complaint raises ``ComplaintRefused`` and stores
    nothing. ``attachments`` must already have passed ``check_upload``: a list
    of (uploaded file, kind) pairs.
    """
    if is_complaint:
        raise ComplaintRefused(portal)
    if topic is not None and topic.portal_id != portal.pk:
        raise ValidationError({"topic": [_("Lĩnh vực không thuộc cổng này.")]})
    if submission_key:
        existing = Question.objects.filter(submission_key=submission_key).first()
        if existing is not None:
            return existing, False
    now = now or clock.now()
    try:
        with transaction.atomic():
            question = Question.objects.create(
                portal=portal,
                name=name,
                email=email,
                phone=phone,
                address=address,
                topic=topic,
                title=title,
                body=body,
                received_at=now,
                submission_key=submission_key or None,
                language=mail.recipient_language(),
            )
            for upload, kind in attachments:
                attachment = QuestionAttachment(
                    question=question, original_name=upload.name[:255], kind=kind, size=upload.size
                )
                attachment.file.save(upload.name[-100:], upload, save=False)
                attachment.save()
            deadline = workdays.open_deadline(question, RULE, now, portal=portal)
            question.due_date = deadline.due_date if deadline else None
            _step(question, Kind.RECEIVED, None, action="qa.receive", fields=["due_date"])
    except IntegrityError:
        # Two simultaneous requests with one key: the other one stored it.
        existing = Question.objects.filter(submission_key=submission_key).first()
        if submission_key and existing is not None:
            return existing, False
        raise
    _after_commit(question, "received")
    return question, True


# --- The board -------------------------------------------------------------


def route_question(question, agency: Agency, *, by, topic: Topic | None = None, note: str = ""):
    """Accept the question and send it to the competent agency (which must have a portal)."""
    _require(can_classify(by, question))
    _require_status(question, Status.RECEIVED, Status.RETURNED, Status.ROUTED)
    if not Portal.objects.filter(agency=agency).exists():
        raise ValidationError(
            {"agency": [_("Cơ quan này chưa có cổng thông tin để nhận câu hỏi.")]}
        )
    if topic is not None and topic.portal_id != question.portal_id:
        raise ValidationError({"topic": [_("Lĩnh vực không thuộc cổng đã nhận câu hỏi.")]})
    with transaction.atomic():
        question.agency = agency
        question.__dict__.pop("agency_portal", None)
        if topic is not None:
            question.topic = topic
        question.status = Status.ROUTED
        _step(
            question,
            Kind.ROUTED,
            by,
            note=note,
            agency=agency,
            action="qa.route",
            fields=["agency", "topic", "status"],
        )
    _after_commit(question, "routed")
    _after_commit(question, "assigned")
    return question


def _close(question, status, kind, *, by, reason, action):
    with transaction.atomic():
        question.status = status
        question.refusal_reason = reason
        _step(question, kind, by, note=reason, action=action, fields=["status", "refusal_reason"])
        if workdays.get_deadline(question, RULE) is not None:
            workdays.complete_deadline(question, RULE, clock.now())
    _after_commit(question, status)
    return question


def refuse_as_complaint(question, *, by, note: str = ""):
    """Refuse a question that is a complaint or denunciation; tell the asker where to file it."""
    _require(can_classify(by, question))
    _require_status(question, Status.RECEIVED, Status.RETURNED)
    reason = QASettings.complaint_message_for(question.portal)
    if note:
        reason = f"{note}\n\n{reason}"
    return _close(
        question,
        Status.REFUSED_COMPLAINT,
        Kind.REFUSED_COMPLAINT,
        by=by,
        reason=reason,
        action="qa.refuse_complaint",
    )


def mark_out_of_scope(question, *, by, reason: str):
    """Refuse a question that is not for this channel, with the reason."""
    _require(can_classify(by, question))
    _require_status(question, Status.RECEIVED, Status.RETURNED)
    if not reason.strip():
        raise ValidationError({"reason": [_("Vui lòng nêu lý do.")]})
    return _close(
        question,
        Status.OUT_OF_SCOPE,
        Kind.OUT_OF_SCOPE,
        by=by,
        reason=reason.strip(),
        action="qa.out_of_scope",
    )


def set_published(question, publish: bool, *, by, general_interest: bool = True):
    """Publish an answered question of general interest (or take it down)."""
    _require(can_classify(by, question))
    if publish:
        _require_status(question, Status.ANSWERED)
        with transaction.atomic():
            question.status = Status.PUBLISHED
            question.general_interest = general_interest
            question.published_at = clock.now()
            _step(
                question,
                Kind.PUBLISHED,
                by,
                action="qa.publish",
                fields=["status", "general_interest", "published_at"],
            )
            _purge_answer_lists(question)
        _after_commit(question, "published")
    else:
        _require_status(question, Status.PUBLISHED)
        with transaction.atomic():
            question.status = Status.ANSWERED
            question.published_at = None
            _step(
                question,
                Kind.UNPUBLISHED,
                by,
                action="qa.unpublish",
                fields=["status", "published_at"],
            )
            _purge_answer_lists(question)
    return question


def _purge_answer_lists(question):
    """Purge the shared cache's copies of the Q&A lists that show ``question``
    (its portal's, its agency's portal's and, through the portals' hook, the
    main portal's) and of its answer page on each."""
    from eportal.core import frontend_cache
    from eportal.qa.models import QAIndexPage

    portals = Portal.objects.filter(
        Q(pk=question.portal_id) | Q(agency_id=question.agency_id)
    ).select_related("site__root_page")
    indexes = [
        index
        for portal in portals
        for index in QAIndexPage.objects.live().child_of(portal.site.root_page)
    ]
    frontend_cache.content_changed.send(sender=None, pages=indexes)
    if not frontend_cache.enabled():
        return
    lists = {page.pk: page for page in [*indexes, *frontend_cache.related_pages(indexes)]}
    answers = []
    for index in lists.values():
        pair = frontend_cache.page_site_path(index)
        if pair is not None:
            answer = f"{pair[1]}tra-loi/{question.code}/"
            # Its print view and PDF too: an unpublished answer leaves no printable copy.
            answers += [(pair[0], answer + tail) for tail in ("", "ban-in/", "ban-in/pdf/")]
    frontend_cache.purge_after_commit(
        frontend_cache.stale_urls(indexes) + frontend_cache.urls_for(answers)
    )


# --- The agency ------------------------------------------------------------


def return_to_board(question, *, by, reason: str):
    """The agency sends back a question outside its competence (Art. 9.13); the asker is told."""
    _require(can_answer(by, question))
    _require_status(question, Status.ROUTED, Status.DRAFTED)
    if not reason.strip():
        raise ValidationError({"reason": [_("Vui lòng nêu lý do trả lại.")]})
    agency = question.agency
    with transaction.atomic():
        question.status = Status.RETURNED
        question.agency = None
        question.answer = ""
        question.answer_drafted_by = None
        _step(
            question,
            Kind.RETURNED,
            by,
            note=reason.strip(),
            agency=agency,
            action="qa.return",
            fields=["status", "agency", "answer", "answer_drafted_by"],
        )
    _after_commit(question, "returned")
    return question


def send_progress_notice(
    question, *, by, promised_date: date, note: str = "", today: date | None = None
):
    """Tell the asker, before the due date, when the answer will come."""
    _require(can_answer(by, question))
    _require_status(question, Status.ROUTED, Status.DRAFTED)
    today = today or clock.today()
    due = question.effective_due_date
    if due is not None and today > due:
        raise ValidationError(
            {"promised_date": [_("Đã quá hạn trả lời: thông báo tiến độ phải gửi trước hạn.")]}
        )
    if promised_date <= today or (due is not None and promised_date <= due):
        raise ValidationError(
            {"promised_date": [_("Ngày hẹn trả lời phải sau hạn trả lời hiện tại.")]}
        )
    with transaction.atomic():
        question.promised_date = promised_date
        _step(
            question,
            Kind.PROGRESS,
            by,
            note=note,
            promised_date=promised_date,
            action="qa.progress",
            fields=["promised_date"],
        )
    _after_commit(question, "progress")
    return question


def draft_answer(question, text: str, *, by):
    """Save the agency's answer and submit it to the agency's approver."""
    _require(can_answer(by, question))
    _require_status(question, Status.ROUTED, Status.DRAFTED)
    if not text.strip():
        raise ValidationError({"answer": [_("Vui lòng nhập nội dung trả lời.")]})
    with transaction.atomic():
        question.answer = text.strip()
        question.answer_drafted_by = by
        question.status = Status.DRAFTED
        _step(
            question,
            Kind.DRAFTED,
            by,
            action="qa.draft",
            fields=["answer", "answer_drafted_by", "status"],
        )
    _after_commit(question, "drafted")
    return question


def reject_draft(question, *, by, note: str):
    """The approver sends the draft back to the agency with a note."""
    _require(can_approve(by, question))
    _require_status(question, Status.DRAFTED)
    with transaction.atomic():
        question.status = Status.ROUTED
        _step(
            question,
            Kind.DRAFT_REJECTED,
            by,
            note=note,
            action="qa.reject_draft",
            fields=["status"],
        )
    return question


def approve_answer(question, *, by, now: datetime | None = None):
    """Approve the draft: the question is answered and the asker e-mailed."""
    if question.answer_drafted_by_id == by.pk:
        raise PermissionDenied(_("Không được tự duyệt câu trả lời mình đã soạn."))
    _require(can_approve(by, question))
    _require_status(question, Status.DRAFTED)
    now = now or clock.now()
    with transaction.atomic():
        question.status = Status.ANSWERED
        question.answer_approved_by = by
        question.answered_at = now
        _step(
            question,
            Kind.ANSWERED,
            by,
            agency=question.agency,
            action="qa.approve",
            fields=["status", "answer_approved_by", "answered_at"],
        )
        if workdays.get_deadline(question, RULE) is not None:
            workdays.complete_deadline(question, RULE, now)
    _after_commit(question, "answered")
    return question


# --- Topics ----------------------------------------------------------------


def add_topic(portal, name: str, *, by) -> Topic:
    """Add a field to the portal's list (its board only)."""
    access.require(by, "qa.topics", portal)
    name = " ".join(name.split())[:200]
    if not name:
        raise ValidationError(_("Vui lòng nhập tên lĩnh vực."))
    if Topic.objects.filter(portal=portal, name__iexact=name).exists():
        raise ValidationError(_("Lĩnh vực “%(name)s” đã có.") % {"name": name})
    topic = Topic.objects.create(portal=portal, name=name, sort_order=portal.qa_topics.count())
    log(instance=topic, action="wagtail.create", user=by)
    return topic


def delete_topic(topic, *, by) -> None:
    """Remove a field; its questions keep their text and lose the label."""
    access.require(by, "qa.topics", topic.portal_id)
    log(instance=topic, action="wagtail.delete", user=by)
    topic.delete()
