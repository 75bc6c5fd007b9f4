"""Questions from citizens and their answers (SPEC §7; Art. 3.2b, 8.3, 9.13, 12.1đ, 24.7).

A `Question` is a citizen's submission (not a page): it is received by a
portal, classified and routed by that portal's board to the competent agency,
answered by the agency (a draft approved by its approver) and, when of general
interest, published on the main portal and the agency's portal. Each step is a
`QuestionEvent`, the history the citizen sees. Writes go through
`eportal.qa.services`.
"""

import os
import secrets

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from eportal.core import clock
from eportal.core.models import BasePage
from eportal.portals.models import Agency, Portal

# Tracking codes: no 0/O/1/I/L, so a code read out over the phone is not misheard.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 8

DEFAULT_COMPLAINT_MESSAGE = _(
    "Kênh Hỏi đáp không tiếp nhận đơn khiếu nại, tố cáo (Điều 8.3). Vui lòng gửi đơn "
    "khiếu nại, tố cáo đến Ban Tiếp công dân tỉnh (trực tiếp, qua bưu điện hoặc tại "
    "buổi tiếp công dân định kỳ) theo quy định của Luật Khiếu nại và Luật Tố cáo."
)


def new_code() -> str:
    """Return a random tracking code (about 40 bits: not guessable in sequence)."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


class PrivateStorage(FileSystemStorage):
    """Files with no public URL, under EPORTAL_QA_ATTACHMENT_ROOT (read on each use)."""

    @property
    def base_location(self):
        default = settings.MEDIA_ROOT / "private" / "qa"
        return str(getattr(settings, "EPORTAL_QA_ATTACHMENT_ROOT", default))

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None


def attachment_storage():
    return PrivateStorage()


class Topic(models.Model):
    """A field (lĩnh vực) a portal's board lists for questions."""

    portal = models.ForeignKey(
        Portal, on_delete=models.CASCADE, related_name="qa_topics", verbose_name=_("cổng")
    )
    name = models.CharField(_("tên lĩnh vực"), max_length=200)
    sort_order = models.PositiveIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("lĩnh vực hỏi đáp")
        verbose_name_plural = _("lĩnh vực hỏi đáp")
        ordering = ["portal", "sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["portal", "name"], name="qa_topic_unique_per_portal")
        ]

    def __str__(self):
        return self.name


@register_setting(icon="help")
class QASettings(BaseSiteSetting):
    """Per-portal Q&A settings (a portal is a Wagtail site)."""

    complaint_message = models.TextField(
        _("hướng dẫn gửi khiếu nại, tố cáo"),
        blank=True,
        help_text=_(
            "Nơi và cách gửi đơn khiếu nại, tố cáo; hiển thị cho người hỏi khi câu hỏi là "
            "khiếu nại, tố cáo. Để trống để dùng nội dung mặc định."
        ),
    )

    class Meta:
        verbose_name = _("cài đặt hỏi đáp")

    @classmethod
    def complaint_message_for(cls, portal) -> str:
        message = (
            cls.objects.filter(site_id=portal.site_id)
            .values_list("complaint_message", flat=True)
            .first()
        )
        return message or str(DEFAULT_COMPLAINT_MESSAGE)


class Question(models.Model):
    class Status(models.TextChoices):
        RECEIVED = "received", _("Đã tiếp nhận")
        ROUTED = "routed", _("Đã chuyển cơ quan trả lời")
        RETURNED = "returned", _("Cơ quan trả lại, chờ Ban Biên tập xử lý")
        DRAFTED = "drafted", _("Đang trình duyệt câu trả lời")
        ANSWERED = "answered", _("Đã trả lời")
        PUBLISHED = "published", _("Đã trả lời và công khai")
        REFUSED_COMPLAINT = "refused_complaint", _("Không tiếp nhận: khiếu nại, tố cáo")
        OUT_OF_SCOPE = "out_of_scope", _("Không tiếp nhận: không thuộc phạm vi")

    OPEN_STATUSES = (Status.RECEIVED, Status.ROUTED, Status.RETURNED, Status.DRAFTED)
    ANSWERED_STATUSES = (Status.ANSWERED, Status.PUBLISHED)
    REFUSED_STATUSES = (Status.REFUSED_COMPLAINT, Status.OUT_OF_SCOPE)

    code = models.CharField(_("mã tra cứu"), max_length=16, unique=True, default=new_code)
    portal = models.ForeignKey(
        Portal,
        on_delete=models.PROTECT,
        related_name="qa_questions",
        verbose_name=_("gửi đến cổng"),
    )
    name = models.CharField(_("họ và tên"), max_length=150)
    email = models.EmailField(_("thư điện tử"))
    phone = models.CharField(_("điện thoại"), max_length=30, blank=True)
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    topic = models.ForeignKey(
        Topic,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="questions",
        verbose_name=_("lĩnh vực"),
    )
    title = models.CharField(_("tiêu đề"), max_length=250)
    body = models.TextField(_("nội dung câu hỏi"))
    # The language the citizen asked in: their mails are written in it.
    language = models.CharField(_("ngôn ngữ"), max_length=8, default="vi")
    is_complaint = models.BooleanField(_("là khiếu nại, tố cáo"), default=False)
    status = models.CharField(
        _("trạng thái"),
        max_length=20,
        choices=Status.choices,
        default=Status.RECEIVED,
        db_index=True,
    )
    received_at = models.DateTimeField(
        _("thời điểm tiếp nhận"), default=timezone.now, db_index=True
    )
    due_date = models.DateField(_("hạn trả lời"), null=True, blank=True)
    promised_date = models.DateField(_("ngày hẹn trả lời"), null=True, blank=True)
    agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="qa_questions",
        verbose_name=_("cơ quan trả lời"),
    )
    refusal_reason = models.TextField(_("lý do không tiếp nhận"), blank=True)
    answer = models.TextField(_("câu trả lời"), blank=True)
    answer_drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    answer_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(_("thời điểm trả lời"), null=True, blank=True)
    general_interest = models.BooleanField(_("được nhiều người quan tâm"), default=False)
    published_at = models.DateTimeField(
        _("thời điểm công khai"), null=True, blank=True, db_index=True
    )
    submission_key = models.CharField(
        max_length=80, null=True, blank=True, unique=True, editable=False
    )

    class Meta:
        verbose_name = _("câu hỏi")
        verbose_name_plural = _("câu hỏi")
        ordering = ["-received_at"]
        indexes = [models.Index(fields=["status", "due_date"])]

    def __str__(self):
        return f"{self.code} – {self.title}"

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    @property
    def effective_due_date(self):
        """The date the answer is owed: the promised date of a progress notice, else the due date."""
        return self.promised_date or self.due_date

    @cached_property
    def agency_portal(self):
        if self.agency_id is None:
            return None
        return Portal.objects.filter(agency_id=self.agency_id).first()

    def is_overdue(self, today=None) -> bool:
        today = today or clock.today()
        due = self.effective_due_date
        return self.is_open and due is not None and today > due

    def public_history(self):
        return [event for event in self.events.all() if event.public]


def attachment_path(instance, filename):
    # A random directory: even where MEDIA_ROOT is served by mistake, no path is guessable.
    return f"{instance.question.received_at:%Y/%m}/{secrets.token_hex(12)}/{filename}"


class QuestionAttachment(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=attachment_path, storage=attachment_storage, max_length=255)
    original_name = models.CharField(max_length=255)
    kind = models.CharField(max_length=10)
    size = models.PositiveIntegerField()

    class Meta:
        verbose_name = _("tệp đính kèm")
        verbose_name_plural = _("tệp đính kèm")

    def __str__(self):
        return self.original_name


class QuestionEvent(models.Model):
    """One step in a question's life: who, when, what, and a note."""

    class Kind(models.TextChoices):
        RECEIVED = "received", _("Đã tiếp nhận câu hỏi")
        CLASSIFIED = "classified", _("Đã phân loại")
        ROUTED = "routed", _("Đã chuyển đến cơ quan trả lời")
        REFUSED_COMPLAINT = "refused_complaint", _("Không tiếp nhận: là khiếu nại, tố cáo")
        OUT_OF_SCOPE = "out_of_scope", _("Không tiếp nhận: không thuộc phạm vi hỏi đáp")
        RETURNED = "returned", _("Cơ quan trả lại: không thuộc thẩm quyền")
        PROGRESS = "progress", _("Thông báo tiến độ")
        DRAFTED = "drafted", _("Đã soạn câu trả lời, trình duyệt")
        DRAFT_REJECTED = "draft_rejected", _("Câu trả lời dự thảo bị trả lại")
        ANSWERED = "answered", _("Đã trả lời")
        PUBLISHED = "published", _("Đã công khai câu trả lời")
        UNPUBLISHED = "unpublished", _("Đã gỡ công khai")

    # Steps the citizen does not see (internal drafting).
    INTERNAL = (Kind.CLASSIFIED, Kind.DRAFTED, Kind.DRAFT_REJECTED)

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    at = models.DateTimeField(default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    note = models.TextField(blank=True)
    agency = models.ForeignKey(
        Agency, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    promised_date = models.DateField(null=True, blank=True)
    public = models.BooleanField(default=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.question.code}: {self.get_kind_display()}"


class Reminder(models.Model):
    """A reminder or escalation that was sent, so that none is sent twice."""

    class Kind(models.TextChoices):
        BEFORE_3 = "before_3", _("Nhắc trước hạn 3 ngày làm việc")
        BEFORE_1 = "before_1", _("Nhắc trước hạn 1 ngày làm việc")
        OVERDUE = "overdue", _("Quá hạn: báo Ban Biên tập")

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    on = models.DateField()
    due_date = models.DateField()
    recipients = models.TextField(blank=True)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["question", "kind", "on", "due_date"], name="qa_reminder_once"
            )
        ]

    def __str__(self):
        return f"{self.question.code}: {self.get_kind_display()} ({self.on:%d/%m/%Y})"


class QAIndexPage(RoutablePageMixin, BasePage):
    """The portal's Q&A section at /hoi-dap/: published answers, the form, tracking."""

    # A list of other pages: readers search for what it lists, not for it.
    search_exclude = True

    # On the main portal it lists every portal's items (frontend-cache purge).
    lists_every_portal = True

    intro = models.TextField(_("giới thiệu"), blank=True)

    parent_page_types = ["portals.PortalHomePage"]
    subpage_types = []
    max_count_per_parent = 1
    content_panels = BasePage.content_panels + ["intro"]

    class Meta:
        verbose_name = _("trang hỏi đáp")
        verbose_name_plural = _("trang hỏi đáp")

    # The views live in views.py; each route hands over to one of them.
    @path("")
    def index_route(self, request):
        from eportal.qa import views

        return views.answer_list(request, self)

    @path("gui-cau-hoi/")
    def ask_route(self, request):
        from eportal.qa import views

        return views.ask(request, self)

    @path("gui-cau-hoi/da-tiep-nhan/<str:code>/")
    def received_route(self, request, code):
        from eportal.qa import views

        return views.received(request, self, code)

    @path("tra-cuu/")
    def track_route(self, request):
        from eportal.qa import views

        return views.track(request, self)

    @path("tra-loi/<str:code>/")
    def answer_route(self, request, code):
        from eportal.qa import views

        return views.answer_detail(request, self, code)

    @path("tra-loi/<str:code>/ban-in/")
    def answer_print_route(self, request, code):
        from eportal.qa import views

        return views.answer_print(request, self, code)

    @path("tra-loi/<str:code>/ban-in/pdf/")
    def answer_pdf_route(self, request, code):
        from eportal.qa import views

        return views.answer_pdf(request, self, code)

    @path("goi-y/")
    def suggest_route(self, request):
        from eportal.qa import views

        return views.suggest(request, self)
