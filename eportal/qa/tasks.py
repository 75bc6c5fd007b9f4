"""E-mails about questions, sent as background tasks (django-tasks).

``notify`` never raises: a step already stored must not be undone or hidden
because a mail server is down. A failed send is logged (and recorded by the
task backend); the question stays stored and visible to the board.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

logger = logging.getLogger(__name__)

# Who each kind of mail is for: the asker, the agency's board, its approvers, or the board.
CITIZEN_KINDS = {
    "received",
    "routed",
    "refused_complaint",
    "out_of_scope",
    "returned",
    "progress",
    "answered",
    "published",
}


def tracking_url(question) -> str:
    return f"{question.portal.site.root_url}/hoi-dap/tra-cuu/?ma={question.code}"


def admin_url(question) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "qa_admin:detail", args=[question.pk]
    )


def _emails(groups) -> list[str]:
    from django.contrib.auth import get_user_model

    return sorted(
        set(
            get_user_model()
            .objects.filter(groups__in=groups, is_active=True)
            .exclude(email="")
            .values_list("email", flat=True)
        )
    )


def recipients(question, kind: str) -> list[str]:
    """Return the addresses a mail of this kind about the question goes to."""
    if kind in CITIZEN_KINDS:
        return [question.email]
    if kind in ("assigned", "reminder"):
        portal = question.agency_portal
        if portal is None:
            return []
        extra = [question.agency.email] if question.agency.email else []
        return sorted(set(_emails([portal.contributors, portal.editors, portal.approvers]) + extra))
    if kind == "drafted":
        portal = question.agency_portal
        return _emails([portal.approvers]) if portal else []
    if kind == "overdue":
        portal = question.portal
        return _emails([portal.editors, portal.approvers])
    raise ValueError(f"unknown mail kind {kind!r}")


@task()
def send_question_mail(question_id: int, kind: str, extra: dict | None = None) -> list[str]:
    from eportal.qa.models import Question

    question = Question.objects.select_related("portal__site", "agency", "topic").get(
        pk=question_id
    )
    to = recipients(question, kind)
    if not to:
        return []
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "question": question,
            "extra": extra or {},
            "tracking_url": tracking_url(question),
            "admin_url": admin_url(question),
        }
        # The template's first line is the subject, the rest the body.
        subject, _sep, body = (
            render_to_string(f"qa/mail/{kind}.txt", context).strip().partition("\n")
        )
    send_mail(subject, body, None, to)
    return to


def notify(question_id: int, kind: str, **extra) -> bool:
    """Queue a mail; return False (and log) if it could not be queued or sent."""
    try:
        result = send_question_mail.enqueue(question_id, kind, extra or None)
    except Exception:
        logger.exception("Could not queue the %s mail for question %s", kind, question_id)
        return False
    if getattr(result, "status", None) == "FAILED":
        logger.error("The %s mail for question %s failed", kind, question_id)
        return False
    return True
