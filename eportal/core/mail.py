"""One way to send mail: templated, Vietnamese by default, queued, retried, logged.

    mail.send(["a@example.org"], template="qa/mail/received.txt", context={…})

renders the message now (in ``language``: Vietnamese unless the recipient
chose English), stores it as an ``OutgoingMail`` and queues the task that sends it. With
the database task backend both rows are written in the caller's transaction,
so the worker sees the mail only if the step that caused it commits, and a
rolled-back step sends nothing. A template's first line
is the subject and the rest the body, unless ``subject`` is given (then the
whole template is the body). The request never waits for the mail server; a
failure is logged, retried with a growing delay up to
``EPORTAL_MAIL_ATTEMPTS`` times and never undoes the step that caused it.
Attachments (PDF forms) are made by the worker: pass
``attachments=("dotted.path.to.function", [json, args])``; the function
returns ``[(filename, content, mimetype)]``.

Sending is idempotent: a message already sent is never sent again, whatever
runs the task twice. ``muted()`` sends nothing inside a block (bulk loads).
"""

import logging
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.module_loading import import_string
from django_tasks import default_task_backend, task

from eportal.core import clock
from eportal.core.models import OutgoingMail

logger = logging.getLogger("eportal.mail")

_muted: ContextVar[bool] = ContextVar("eportal_mail_muted", default=False)


@contextmanager
def muted():
    """Send no mail from the code inside the block (loading data in bulk)."""
    token = _muted.set(True)
    try:
        yield
    finally:
        _muted.reset(token)


def recipient_language() -> str:
    """The language of the current request (``en`` under /en/, else Vietnamese):
    store it with a citizen's submission so that their mails speak it."""
    language = (translation.get_language() or "").split("-")[0]
    codes = {code for code, _name in settings.LANGUAGES}
    return language if language in codes else settings.LANGUAGE_CODE


def render(template: str, context: dict, language: str | None = None, subject: str | None = None):
    """Return (subject, body) of a mail template in ``language``."""
    with translation.override(language or settings.LANGUAGE_CODE):
        text = render_to_string(template, context).strip()
        if subject is not None:
            return str(subject), text
    first, _sep, rest = text.partition("\n")
    return first.strip(), rest.strip()


def send(
    to,
    *,
    template: str | None = None,
    context: dict | None = None,
    subject: str | None = None,
    body: str | None = None,
    language: str | None = None,
    attachments: tuple[str, list] | None = None,
) -> OutgoingMail | None:
    """Queue one mail to the addresses ``to``; return its record (None if muted
    or nobody to write to)."""
    addresses = sorted({a for a in ([to] if isinstance(to, str) else to) if a})
    if not addresses or _muted.get():
        return None
    language = language or settings.LANGUAGE_CODE
    if template is not None:
        subject, body = render(template, context or {}, language, subject)
    message = OutgoingMail.objects.create(
        to=addresses,
        subject=(subject or "")[:255],
        body=body or "",
        language=language,
        attachments=list(attachments) if attachments else None,
    )
    _queue(message.pk)
    message.refresh_from_db()  # the immediate backend (tests) has sent it already
    return message


def _queue(message_id: int, delay: timedelta | None = None) -> None:
    try:
        if delay is not None and default_task_backend.supports_defer:
            deliver.using(run_after=clock.now() + delay).enqueue(message_id)
        else:
            deliver.enqueue(message_id)
    except Exception:
        # Even the queue is down: the message stays queued for `eportal mail retry`.
        logger.exception("Could not queue mail %s", message_id)


@task()
def deliver(message_id: int) -> str:
    """Send one stored message (the worker runs this)."""
    with transaction.atomic():
        message = OutgoingMail.objects.select_for_update().filter(pk=message_id).first()
        if message is None or message.status == OutgoingMail.Status.SENT:
            return "skipped"
        message.attempts += 1
        try:
            email = EmailMessage(message.subject, message.body, to=message.to)
            for filename, content, mimetype in _attachments(message):
                email.attach(filename, content, mimetype)
            email.send()
        except Exception as error:
            message.error = f"{type(error).__name__}: {error}"[:2000]
            retry = message.attempts < settings.EPORTAL_MAIL_ATTEMPTS
            message.status = OutgoingMail.Status.QUEUED if retry else OutgoingMail.Status.FAILED
            message.save(update_fields=["attempts", "error", "status"])
            logger.warning(
                "Mail %s (%s) failed, attempt %s: %s",
                message.pk,
                message.subject,
                message.attempts,
                message.error,
            )
            if retry and default_task_backend.supports_defer:
                # One minute, then 4, 9, 16…: a mail server back after a restart gets it.
                delay = timedelta(minutes=message.attempts**2)
                _queue(message.pk, delay)
            return "failed"
        message.status = OutgoingMail.Status.SENT
        message.sent_at = clock.now()
        message.error = ""
        message.save(update_fields=["attempts", "error", "status", "sent_at"])
    logger.info("Mail %s sent to %s: %s", message.pk, ", ".join(message.to), message.subject)
    return "sent"


def _attachments(message: OutgoingMail) -> list:
    if not message.attachments:
        return []
    path, args = message.attachments
    try:
        return import_string(path)(*args)
    except Exception:
        # A broken attachment must not hold back the notice itself.
        logger.exception("Could not make the attachments of mail %s", message.pk)
        return []


def retry_unsent(older_than: timedelta = timedelta(minutes=30)) -> int:
    """Queue again every message still unsent after ``older_than`` (or failed):
    what a lost queue or a long outage left behind. Return how many."""
    stale = OutgoingMail.objects.filter(created_at__lt=clock.now() - older_than).exclude(
        status=OutgoingMail.Status.SENT
    )
    ids = list(stale.values_list("pk", flat=True))
    stale.filter(status=OutgoingMail.Status.FAILED).update(
        status=OutgoingMail.Status.QUEUED, attempts=0
    )
    for message_id in ids:
        _queue(message_id)
    return len(ids)
