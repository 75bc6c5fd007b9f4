"""Models of the watch. Every part (audit trail, integrity watch, traffic
watch, operations reports) raises its findings as a ``WatchAlert``; each part
keeps its other models in this module too, in its own section."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class WatchAlert(models.Model):
    """Something the Department of Information and Communications must look at:
    a change that did not go through the workflow, a traffic spike, a failed
    backup. One open alert per ``key``: the same finding seen again by the next
    run of a job updates it instead of mailing the Department twice."""

    class Kind(models.TextChoices):
        INTEGRITY = "integrity", _("Toàn vẹn nội dung")
        TRAFFIC = "traffic", _("Lưu lượng truy cập")
        SECURITY = "security", _("An toàn thông tin")
        OPERATIONS = "operations", _("Vận hành")

    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices)
    key = models.CharField(_("khóa"), max_length=255, db_index=True)
    portal = models.ForeignKey(
        "portals.Portal",
        verbose_name=_("cổng"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    title = models.CharField(_("tiêu đề"), max_length=255)
    detail = models.TextField(_("chi tiết"), blank=True)
    #: Where the staff can see or fix the item (an admin URL), if any.
    link = models.CharField(_("đường dẫn"), max_length=500, blank=True)
    raised_at = models.DateTimeField(_("phát hiện lúc"), auto_now_add=True)
    last_seen_at = models.DateTimeField(_("thấy lần cuối"), auto_now=True)
    times_seen = models.PositiveIntegerField(_("số lần thấy"), default=1)
    resolved_at = models.DateTimeField(_("xử lý lúc"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người xử lý"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    resolution = models.TextField(_("cách xử lý"), blank=True)

    class Meta:
        verbose_name = _("cảnh báo giám sát")
        verbose_name_plural = _("cảnh báo giám sát")
        ordering = ["-raised_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["key"],
                condition=models.Q(resolved_at__isnull=True),
                name="one_open_watch_alert_per_key",
            )
        ]

    def __str__(self):
        return self.title

    @property
    def is_open(self) -> bool:
        return self.resolved_at is None


# --- Integrity watch (watch/integrity.py) --------------------------------------


class ContentFingerprint(models.Model):
    """The fingerprint of a page's content as approved: taken from the
    revision when it is published, compared with the live row by the hourly
    ``eportal watch-integrity``."""

    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("trang"), on_delete=models.CASCADE, related_name="+"
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("phiên bản"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    digest = models.CharField(_("mã băm"), max_length=64)
    #: The sha256 of each content field, by field name.
    fields = models.JSONField(_("các trường"), default=dict)
    taken_at = models.DateTimeField(_("lấy lúc"), auto_now=True)

    class Meta:
        verbose_name = _("dấu vân tay nội dung")
        verbose_name_plural = _("dấu vân tay nội dung")
        constraints = [
            models.UniqueConstraint(fields=["revision"], name="one_fingerprint_per_revision")
        ]

    def __str__(self):
        return f"{self.page_id}@{self.revision_id}: {self.digest[:12]}"


class FileFingerprint(models.Model):
    """The accepted sha256 of a template or static file in use (the baseline
    of ``eportal watch-integrity --accept-files``)."""

    path = models.CharField(_("tệp"), max_length=1000, unique=True)
    digest = models.CharField(_("mã băm"), max_length=64)
    accepted_at = models.DateTimeField(_("chấp nhận lúc"), auto_now=True)

    class Meta:
        verbose_name = _("dấu vân tay tệp")
        verbose_name_plural = _("dấu vân tay tệp")

    def __str__(self):
        return self.path


# --- Traffic watch ----------------------------------------------------------
#: Upper bounds (ms) of the response-time histogram buckets; the last is open.
DURATION_BUCKETS_MS = (50, 100, 200, 500, 1000, 2000, 5000)


class PageViewDay(models.Model):
    """How many times a public page of a portal was read on a day (first-party
    count: no tracker, no IP address stored)."""

    portal = models.ForeignKey(
        "portals.Portal", verbose_name=_("cổng"), on_delete=models.CASCADE, related_name="+"
    )
    path = models.CharField(_("đường dẫn"), max_length=255)
    day = models.DateField(_("ngày"))
    views = models.PositiveIntegerField(_("lượt xem"), default=0)

    class Meta:
        verbose_name = _("lượt xem trang theo ngày")
        verbose_name_plural = _("lượt xem trang theo ngày")
        constraints = [
            models.UniqueConstraint(fields=["portal", "path", "day"], name="one_page_view_day")
        ]
        indexes = [models.Index(fields=["portal", "day"])]

    def __str__(self):
        return f"{self.path} {self.day:%d/%m/%Y}: {self.views}"


class TrafficMinute(models.Model):
    """Views of a portal in one minute and a histogram of their response times
    (counts per ``DURATION_BUCKETS_MS`` bucket, the last one open-ended): the
    spike rule and the p50/p95 of the dashboard are computed from these."""

    portal = models.ForeignKey(
        "portals.Portal", verbose_name=_("cổng"), on_delete=models.CASCADE, related_name="+"
    )
    minute = models.DateTimeField(_("phút"))
    views = models.PositiveIntegerField(_("lượt xem"), default=0)
    durations = models.JSONField(_("phân bố thời gian phản hồi"), default=list)

    class Meta:
        verbose_name = _("lưu lượng theo phút")
        verbose_name_plural = _("lưu lượng theo phút")
        constraints = [
            models.UniqueConstraint(fields=["portal", "minute"], name="one_traffic_minute")
        ]

    def __str__(self):
        return f"{self.minute:%H:%M %d/%m/%Y}: {self.views}"


class AccessLogCursor(models.Model):
    """How far ``eportal watch-traffic`` has read an nginx access log, so that a
    line is counted once: the file's inode (a rotated log is a new file) and
    the byte offset after the last whole line read."""

    path = models.CharField(_("tệp nhật ký"), max_length=500, unique=True)
    inode = models.BigIntegerField(_("inode"), default=0)
    offset = models.BigIntegerField(_("vị trí đã đọc"), default=0)
    read_at = models.DateTimeField(_("đọc lúc"), auto_now=True)

    class Meta:
        verbose_name = _("vị trí đọc nhật ký truy cập")
        verbose_name_plural = _("vị trí đọc nhật ký truy cập")

    def __str__(self):
        return f"{self.path}@{self.offset}"


# --- Operations reports -------------------------------------------------------
class OperationsReportSent(models.Model):
    """A monthly operations report mailed to the Department (never twice)."""

    period = models.CharField(_("kỳ báo cáo"), max_length=10, unique=True)
    sent_at = models.DateTimeField(_("gửi lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("báo cáo vận hành đã gửi")
        verbose_name_plural = _("báo cáo vận hành đã gửi")

    def __str__(self):
        return self.period
