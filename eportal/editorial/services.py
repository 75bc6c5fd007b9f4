"""Royalties, the compliance dashboard's figures and deadline reminders.

Royalty entries are written only here (``record_royalty``); reminders are
recorded before they are queued, so ``remind`` can run every hour.
"""

import logging
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import TaskState

from eportal.core import clock, mail, xlsx
from eportal.editorial.models import ReminderSent, RoyaltyEntry, RoyaltyRate
from eportal.workdays.models import Deadline
from eportal.workdays.services import calendar

logger = logging.getLogger(__name__)

# Reminders go out this many working days before the due date.
REMIND_BEFORE = 2
# The dashboard's "due soon" window, in working days.
DUE_SOON = 5


def grant_board_permissions(portal) -> None:
    """Approvers and technical administrators keep the portal's royalty scale."""
    perms = Permission.objects.filter(
        content_type__app_label="editorial",
        codename__in=[
            "add_royaltyrate",
            "change_royaltyrate",
            "delete_royaltyrate",
            "view_royaltyrate",
            "view_royaltyentry",
        ],
    )
    portal.approvers.permissions.add(*perms)
    portal.administrators.permissions.add(*perms)


def _month(day: date) -> date:
    return day.replace(day=1)


def _approver_of(article):
    """The user who gave the final approval of the article's workflow."""
    from wagtail.models import Page

    state = (
        TaskState.objects.filter(
            workflow_state__base_content_type=ContentType.objects.get_for_model(Page),
            workflow_state__object_id=str(article.pk),
            status=TaskState.STATUS_APPROVED,
        )
        .order_by("-finished_at")
        .select_related("finished_by")
        .first()
    )
    return state.finished_by if state is not None else None


@transaction.atomic
def record_royalty(article):
    """Write the royalty entry of a published article from the points its approver gave.

    The first publication fixes the month and the rate; a later publication
    of the same article with other points updates the points at the rate
    recorded first. No points, no entry.
    """
    if article.royalty_points is None or article.portal_id is None:
        return None
    entry = RoyaltyEntry.objects.filter(article=article).first()
    if entry is not None:
        if entry.points != article.royalty_points or entry.kind != article.royalty_kind:
            entry.points = article.royalty_points
            entry.amount = (entry.points * entry.point_value).quantize(Decimal(1))
            entry.save(update_fields=["points", "amount"])
        return entry
    rate = RoyaltyRate.objects.filter(
        portal_id=article.portal_id, kind=article.royalty_kind
    ).first()
    unit = rate.unit if rate else RoyaltyRate.Unit.DONG
    point_value = rate.point_value if rate and rate.unit == RoyaltyRate.Unit.POINTS else Decimal(1)
    published = timezone.localdate(article.first_published_at or clock.now())
    return RoyaltyEntry.objects.create(
        portal_id=article.portal_id,
        article=article,
        title=article.title,
        author_name=article.author_name,
        kind=article.royalty_kind,
        unit=unit,
        points=article.royalty_points,
        point_value=point_value,
        amount=(article.royalty_points * point_value).quantize(Decimal(1)),
        month=_month(published),
        approved_by=_approver_of(article),
    )


@dataclass
class AuthorTotal:
    author_name: str
    entries: list = field(default_factory=list)
    points: Decimal = Decimal(0)
    amount: Decimal = Decimal(0)


@dataclass
class Statement:
    portal: object
    month: date
    authors: list
    points: Decimal
    amount: Decimal

    @property
    def filename(self) -> str:
        return f"nhuan-but-{self.portal.slug}-{self.month:%Y-%m}"


def royalty_statement(portal, month: date, author: str = "") -> Statement:
    """The monthly royalty statement of a portal (optionally one author), by author."""
    entries = RoyaltyEntry.objects.filter(portal=portal, month=_month(month)).order_by(
        "author_name", "pk"
    )
    if author:
        entries = entries.filter(author_name=author)
    by_author: dict[str, AuthorTotal] = {}
    for entry in entries:
        total = by_author.setdefault(entry.author_name, AuthorTotal(entry.author_name))
        total.entries.append(entry)
        total.points += entry.points
        total.amount += entry.amount
    authors = list(by_author.values())
    return Statement(
        portal=portal,
        month=_month(month),
        authors=authors,
        points=sum((a.points for a in authors), Decimal(0)),
        amount=sum((a.amount for a in authors), Decimal(0)),
    )


def statement_xlsx(statement: Statement) -> bytes:
    """The statement as an Excel workbook: one row per item, a subtotal per author, a total."""
    rows = []
    number = 0
    for author in statement.authors:
        for entry in author.entries:
            number += 1
            rows.append(
                [
                    number,
                    entry.author_name,
                    entry.title,
                    str(entry.get_kind_display()),
                    float(entry.points),
                    int(entry.point_value),
                    int(entry.amount),
                ]
            )
        rows.append(
            xlsx.Bold(
                [
                    "",
                    _("Cộng: %(a)s") % {"a": author.author_name},
                    "",
                    "",
                    float(author.points),
                    "",
                    int(author.amount),
                ]
            )
        )
    rows.append(
        xlsx.Bold(["", _("Tổng cộng"), "", "", float(statement.points), "", int(statement.amount)])
    )
    return xlsx.workbook(
        f"{statement.month:%m-%Y}",
        [
            _("STT"),
            _("Tác giả"),
            _("Tin, bài"),
            _("Loại"),
            _("Điểm"),
            _("Đơn giá"),
            _("Thành tiền (đồng)"),
        ],
        rows,
        heading=[
            _("BẢNG NHUẬN BÚT THÁNG %(m)s") % {"m": f"{statement.month:%m/%Y}"},
            str(statement.portal.name),
        ],
        widths=(6, 28, 60, 16, 10, 12, 18),
    )


def statement_pdf(statement: Statement, base_url=None) -> bytes:
    from eportal.core.printing import render_pdf

    html = render_to_string("editorial/statement_print.html", {"statement": statement})
    return render_pdf(html, base_url=base_url)


# --- Compliance (Art. 12) --------------------------------------------------


def deadlines_for(user):
    """Deadlines of the portals on whose boards ``user`` sits (all for a superuser)."""
    from eportal.portals import access

    deadlines = Deadline.objects.select_related("rule", "portal", "content_type")
    return access.scope(deadlines, user, "board.work")


@dataclass
class PortalRate:
    portal: object
    completed: int = 0
    on_time: int = 0
    late: int = 0
    overdue: int = 0

    @property
    def rate(self):
        if not self.completed:
            return None
        return round(100 * self.on_time / self.completed)


def compliance(user, today: date | None = None) -> dict:
    """Due soon, overdue and published late deadlines, and each portal's on-time rate."""
    today = today or clock.today()
    soon_until = calendar().add_working_days(today, DUE_SOON)
    deadlines = deadlines_for(user)
    open_ = deadlines.filter(completed_on__isnull=True)
    due_soon = list(
        open_.filter(due_date__gte=today, due_date__lte=soon_until).order_by("due_date")[:200]
    )
    overdue = list(open_.filter(due_date__lt=today).order_by("due_date")[:200])
    late = list(
        deadlines.filter(completed_on__isnull=False, completed_on__gt=F("due_date")).order_by(
            "-completed_on"
        )[:200]
    )
    rates: dict[int, PortalRate] = {}
    rows = list(deadlines.values_list("portal_id", "completed_on", "due_date"))
    from eportal.portals.models import Portal

    portal_names = {p.pk: p for p in Portal.objects.filter(pk__in={r[0] for r in rows if r[0]})}
    for portal_id, completed_on, due_date in rows:
        if portal_id is None:
            continue
        rate = rates.setdefault(portal_id, PortalRate(portal_names[portal_id]))
        if completed_on is None:
            rate.overdue += due_date < today
        else:
            rate.completed += 1
            if completed_on <= due_date:
                rate.on_time += 1
            else:
                rate.late += 1
    _attach_items(due_soon + overdue + late)
    return {
        "today": today,
        "due_soon": due_soon,
        "overdue": overdue,
        "late": late,
        "rates": sorted(rates.values(), key=lambda r: str(r.portal.name)),
    }


def _attach_items(deadlines):
    """Give each deadline ``item_title`` and ``item_edit_url`` with one query per content type."""
    from django.urls import NoReverseMatch, reverse
    from wagtail.models import Page

    wanted = defaultdict(set)
    for deadline in deadlines:
        wanted[deadline.content_type_id].add(deadline.object_id)
    found = {}
    for content_type_id, ids in wanted.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            continue
        pk_field = model._meta.pk
        keys = [pk_field.to_python(i) for i in ids]
        for obj in model._default_manager.filter(pk__in=keys):
            found[(content_type_id, str(obj.pk))] = obj
    for deadline in deadlines:
        obj = found.get((deadline.content_type_id, deadline.object_id))
        deadline.item_title = str(getattr(obj, "title", obj)) if obj is not None else _("(đã xóa)")
        deadline.item_edit_url = ""
        # An item that is work on a page (an English update) links to that page.
        obj_page = getattr(obj, "admin_edit_page", None)
        if isinstance(obj_page, Page):
            deadline.item_edit_url = reverse("wagtailadmin_pages:edit", args=[obj_page.pk])
        elif isinstance(obj, Page):
            deadline.item_edit_url = reverse("wagtailadmin_pages:edit", args=[obj.pk])
        elif obj is not None:
            try:
                from wagtail.admin.admin_url_finder import AdminURLFinder

                deadline.item_edit_url = AdminURLFinder().get_edit_url(obj) or ""
            except NoReverseMatch:
                deadline.item_edit_url = ""


# --- Reminders ---------------------------------------------------------------


def board_emails(portal) -> list[str]:
    """E-mail addresses of the portal's editors and approvers (all superusers if none)."""
    from eportal.portals import access

    if portal is None:
        users = get_user_model().objects.filter(is_superuser=True, is_active=True)
    else:
        users = access.users_with(portal, access.EDITOR, access.APPROVER)
    return sorted({u.email for u in users if u.email})


def send_reminder(reminder_id: int) -> None:
    """Queue the e-mail of one recorded reminder."""
    reminder = ReminderSent.objects.select_related(
        "deadline__rule", "deadline__portal", "deadline__content_type"
    ).get(pk=reminder_id)
    deadline = reminder.deadline
    _attach_items([deadline])
    recipients = [r for r in reminder.recipients.split(",") if r]
    if not recipients:
        return
    portal_name = deadline.portal.name if deadline.portal else settings.WAGTAIL_SITE_NAME
    due = f"{deadline.due_date:%d/%m/%Y}"
    if reminder.kind == ReminderSent.Kind.DUE_SOON:
        subject = _("[%(portal)s] Sắp đến hạn %(due)s: %(item)s")
        body = _(
            "“%(item)s” phải hoàn thành theo %(rule)s trước hết ngày %(due)s "
            "(còn %(n)s ngày làm việc)."
        )
    else:
        subject = _("[%(portal)s] Đã quá hạn %(due)s: %(item)s")
        body = _("“%(item)s” đã quá hạn %(due)s theo %(rule)s mà chưa hoàn thành.")
    values = {
        "portal": portal_name,
        "due": due,
        "item": deadline.item_title,
        "rule": deadline.rule.name,
        "n": REMIND_BEFORE,
    }
    link = ""
    if deadline.item_edit_url:
        link = "\n\n" + settings.WAGTAILADMIN_BASE_URL.rstrip("/") + deadline.item_edit_url
    mail.send(recipients, subject=subject % values, body=body % values + link)


def remind(today: date | None = None) -> list[ReminderSent]:
    """Queue the reminders due today; each (deadline, kind) is sent at most once.

    "Due soon" goes from two working days before the due date until the due
    date; "missed" from the first day after it. Running it again the same
    day, or every hour, sends nothing new.
    """
    today = today or clock.today()
    work_calendar = calendar()
    horizon = work_calendar.add_working_days(today, REMIND_BEFORE)
    open_deadlines = Deadline.objects.filter(completed_on__isnull=True).select_related("portal")
    candidates = [
        (d, ReminderSent.Kind.DUE_SOON)
        for d in open_deadlines.filter(due_date__gte=today, due_date__lte=horizon)
    ]
    candidates += [(d, ReminderSent.Kind.MISSED) for d in open_deadlines.filter(due_date__lt=today)]
    already = set(
        ReminderSent.objects.filter(deadline__in=[d for d, _k in candidates]).values_list(
            "deadline_id", "kind"
        )
    )
    sent = []
    for deadline, kind in candidates:
        if (deadline.pk, kind) in already:
            continue
        try:
            with transaction.atomic():
                reminder = ReminderSent.objects.create(
                    deadline=deadline,
                    kind=kind,
                    sent_on=today,
                    recipients=",".join(board_emails(deadline.portal)),
                )
                # Into the outbox with the record: the worker sends it after commit.
                send_reminder(reminder.pk)
        except IntegrityError:
            # Another run recorded it first.
            continue
        sent.append(reminder)
    return sent


# --- Reviewing many pages at once ----------------------------------------------------


@dataclass
class Review:
    """What one action on many pages did: approved (moved on to the next step),
    published (the last step approved), rejected, and skipped with the reason."""

    approved: list = field(default_factory=list)
    published: list = field(default_factory=list)
    rejected: list = field(default_factory=list)
    skipped: list[tuple[object, str]] = field(default_factory=list)


def review_pages(pages, user, action: str, comment: str = "") -> Review:
    """Take one workflow action ("approve" or "reject") on each page, through the
    current task of its own workflow, as the user would in the editor one page at
    a time: only where that task offers the user this action (a reviewer of that
    step who did not submit the page, Art. 17.1). Each page in its own
    transaction; the others go on when one cannot be reviewed."""
    from django.core.exceptions import PermissionDenied, ValidationError

    review = Review()
    for page in pages:
        state = page.current_workflow_state
        task_state = state.current_task_state if state else None
        if task_state is None:
            review.skipped.append((page, _("không còn chờ duyệt")))
            continue
        task = task_state.task.specific
        if action not in {name for name, *_rest in task.get_actions(page, user)}:
            review.skipped.append(
                (page, _("bạn không duyệt bước “%(task)s” của văn bản này") % {"task": task.name})
            )
            continue
        try:
            with transaction.atomic():
                task.on_action(task_state, user, action, comment=comment)
        except (PermissionDenied, ValidationError) as error:
            review.skipped.append((page, " ".join(getattr(error, "messages", [str(error)]))))
            continue
        page.refresh_from_db()
        if action == "reject":
            review.rejected.append(page)
        elif page.live and page.current_workflow_state is None:
            review.published.append(page)
        else:
            review.approved.append(page)
    return review
