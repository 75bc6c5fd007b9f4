"""E-mails about questions, through the one mail path (core/mail.py).

``notify`` never raises: a step already stored must not be undone or hidden
because a mail server is down. A failed send is logged and retried by the
mail worker; the question stays stored and visible to the board.
"""

import logging

from django.conf import settings
from django.urls import reverse

from eportal.core import mail
from eportal.core.models import OutgoingMail
from eportal.portals import routing

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
    return f"{routing.portal_root_url(question.portal)}/hoi-dap/tra-cuu/?ma={question.code}"


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


def notify(question_id: int, kind: str, **extra) -> bool:
    """Mail the people a step concerns; return False (and log) if it could not be
    sent now (the mail worker retries it)."""
    from eportal.qa.models import Question

    try:
        question = Question.objects.select_related("portal__site", "agency", "topic").get(
            pk=question_id
        )
        message = mail.send(
            recipients(question, kind),
            template=f"qa/mail/{kind}.txt",
            context={
                "question": question,
                "extra": extra,
                "tracking_url": tracking_url(question),
                "admin_url": admin_url(question),
            },
            language=question.language if kind in CITIZEN_KINDS else None,
        )
    except Exception:
        logger.exception("Could not queue the %s mail for question %s", kind, question_id)
        return False
    return message is None or message.status != OutgoingMail.Status.FAILED
