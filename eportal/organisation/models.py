"""Leaders and their work schedule (Lịch công tác, SPEC §3.4, Art. 21.1).

A `Leader` is a person who leads a portal's agency (Chủ tịch, Phó Chủ tịch,
Giám đốc …), with their current or past term. The schedule of an agency is a
`WorkSchedulePage` per ISO week under the portal's ``/lich-cong-tac/``
(`WorkScheduleIndexPage`), edited and published through the portal's
workflow like every page; its `ScheduleItem` rows are the week's items.

What changed after a week was first published (an item moved, added or
cancelled: *điều chỉnh*) is recorded at each publication in `ScheduleChange`,
outside the page's revisions, so that publishing a later revision never
undoes the public record of an earlier change. Writes go through
`eportal.organisation.services`.
"""

import datetime
import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from eportal.core import clock
from eportal.core.models import BasePage, PageForm
from eportal.core.printing import PrintableMixin
from eportal.organisation import weeks


class Leader(models.Model):
    """A leader of a portal's agency, in office now or in a past term."""

    portal = models.ForeignKey(
        "portals.Portal", on_delete=models.CASCADE, related_name="leaders", verbose_name=_("cổng")
    )
    full_name = models.CharField(_("họ và tên"), max_length=200)
    position = models.CharField(_("chức vụ"), max_length=255)
    order = models.PositiveSmallIntegerField(
        _("thứ tự"), default=100, help_text=_("Số nhỏ đứng trước.")
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("ảnh"),
    )
    term_start = models.DateField(_("bắt đầu nhiệm kỳ"), null=True, blank=True)
    term_end = models.DateField(
        _("kết thúc nhiệm kỳ"),
        null=True,
        blank=True,
        help_text=_("Để trống khi đang đương nhiệm."),
    )
    biography = models.TextField(_("tiểu sử tóm tắt"), blank=True)
    duties = models.TextField(_("lĩnh vực, nhiệm vụ được phân công"), blank=True)
    phone = models.CharField(_("điện thoại"), max_length=50, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)

    panels = [
        "portal",
        FieldRowPanel(["full_name", "position"]),
        FieldRowPanel(["order", "photo"]),
        FieldRowPanel(["term_start", "term_end"], heading=_("Nhiệm kỳ")),
        "biography",
        "duties",
        FieldRowPanel(["phone", "email"], heading=_("Liên hệ")),
    ]

    class Meta:
        verbose_name = _("lãnh đạo")
        verbose_name_plural = _("lãnh đạo")
        ordering = ["portal", "order", "full_name", "pk"]

    def __str__(self):
        return f"{self.full_name} – {self.position}"

    def clean(self):
        if self.term_start and self.term_end and self.term_end < self.term_start:
            raise ValidationError({"term_end": _("Ngày kết thúc nhiệm kỳ phải sau ngày bắt đầu.")})

    def is_current(self, today: datetime.date | None = None) -> bool:
        """Whether the leader is in office on ``today``."""
        today = today or clock.today()
        return self.term_end is None or self.term_end >= today


class LeaderIndexPage(RoutablePageMixin, BasePage):
    """``/lanh-dao/`` of a portal: its agency's leaders in office, then past terms."""

    # A list of other pages: readers search for what it lists, not for it.
    search_exclude = True

    intro = RichTextField(_("giới thiệu"), blank=True, features=["bold", "italic", "link"])

    parent_page_types = ["portals.PortalHomePage"]
    subpage_types = []
    max_count_per_parent = 1
    content_panels = BasePage.content_panels + ["intro"]

    class Meta:
        verbose_name = _("trang lãnh đạo")
        verbose_name_plural = _("trang lãnh đạo")

    @path("")
    def listing(self, request):
        from eportal.organisation import views

        return views.leader_list(request, self)

    @path("<int:leader_id>/", name="leader")
    def leader(self, request, leader_id):
        from eportal.organisation import views

        return views.leader_detail(request, self, leader_id)


class WorkScheduleIndexPage(PrintableMixin, BasePage):
    """``/lich-cong-tac/`` of a portal: its agency's leaders' schedule, week by week."""

    # A list of other pages: readers search for what it lists, not for it.
    search_exclude = True

    intro = RichTextField(_("giới thiệu"), blank=True, features=["bold", "italic", "link"])

    parent_page_types = ["portals.PortalHomePage"]
    subpage_types = ["organisation.WorkSchedulePage"]
    max_count_per_parent = 1
    content_panels = BasePage.content_panels + ["intro"]
    print_template = "organisation/print_week.html"

    class Meta:
        verbose_name = _("trang lịch công tác")
        verbose_name_plural = _("trang lịch công tác")

    def get_cached_paths(self):
        return [*super().get_cached_paths(), "/ngay/", "/ical/"]

    def get_print_context(self, request):
        from eportal.organisation import views

        return super().get_print_context(request) | views.week_context(request, self)

    @path("")
    def week(self, request):
        from eportal.organisation import views

        return views.week_view(request, self)

    @path("ngay/", name="day")
    def day(self, request):
        from eportal.organisation import views

        return views.day_view(request, self)

    @path("ical/", name="ical")
    def ical(self, request):
        from eportal.organisation import views

        return views.ical_view(request, self)

    @path("lanh-dao/<int:leader_id>/ical/", name="leader_ical")
    def leader_ical(self, request, leader_id):
        from eportal.organisation import views

        return views.ical_view(request, self, leader_id=leader_id)


class WorkScheduleForm(PageForm):
    """The week's editor: the chairing leader is chosen among the portal's leaders."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from eportal.portals import access

        parent = kwargs.get("parent_page")
        portal = access.portal_of(parent if parent is not None else self.instance)
        if portal is None or "items" not in self.formsets:
            return
        leaders = Leader.objects.filter(portal=portal)
        formset = self.formsets["items"]
        base = formset.form

        # A subclass on this formset only: its forms, the empty one (made anew
        # each time it is asked for) included, offer this portal's leaders.
        class ItemForm(base):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                if "chair" in self.fields:
                    self.fields["chair"].queryset = leaders

        formset.form = ItemForm
        if "forms" in formset.__dict__:
            for form in formset.forms:
                if "chair" in form.fields:
                    form.fields["chair"].queryset = leaders


class WorkSchedulePage(PrintableMixin, BasePage):
    """The work schedule of one ISO week (Monday to Sunday) of a portal's agency."""

    week_start = models.DateField(
        _("tuần bắt đầu từ"),
        help_text=_("Chọn một ngày bất kỳ trong tuần; lịch được tính từ thứ Hai của tuần đó."),
    )
    note = models.TextField(_("ghi chú chung"), blank=True)

    base_form_class = WorkScheduleForm
    parent_page_types = ["organisation.WorkScheduleIndexPage"]
    subpage_types = []
    print_template = "organisation/print_week.html"

    content_panels = BasePage.content_panels + [
        "week_start",
        "note",
        InlinePanel("items", heading=_("Các nội dung công tác"), label=_("Nội dung")),
    ]

    class Meta:
        verbose_name = _("lịch công tác tuần")
        verbose_name_plural = _("lịch công tác tuần")

    def clean(self):
        super().clean()
        if self.week_start:
            self.week_start = weeks.monday_of(self.week_start)
            parent = self.get_parent() if self.path else getattr(self, "_cached_parent_obj", None)
            if parent is not None:
                siblings = WorkSchedulePage.objects.child_of(parent).filter(
                    week_start=self.week_start
                )
                if self.pk:
                    siblings = siblings.exclude(pk=self.pk)
                if siblings.exists():
                    raise ValidationError(
                        {"week_start": _("Tuần này đã có lịch công tác; hãy sửa lịch đó.")}
                    )

    @property
    def week_end(self) -> datetime.date:
        return self.week_start + datetime.timedelta(days=6)

    @property
    def week_name(self) -> str:
        return weeks.week_name(self.week_start)

    def search_body(self) -> str:
        """The week's items as the text it is found by."""
        return " ".join(item.search_text() for item in self.items.all())

    def get_search_date(self):
        return self.week_start

    def get_context(self, request, *args, **kwargs):
        from eportal.organisation import views

        context = super().get_context(request, *args, **kwargs)
        return context | views.page_week_context(request, self)

    def get_print_context(self, request):
        from eportal.organisation import views

        return super().get_print_context(request) | views.page_week_context(request, self)


class ScheduleItem(Orderable):
    """One item of a week's schedule: a meeting, a visit, a reception …"""

    page = ParentalKey(WorkSchedulePage, on_delete=models.CASCADE, related_name="items")
    # The item's identity across revisions (a row's primary key changes when a
    # revision is published): what the change record and the iCalendar UID name.
    key = models.UUIDField(default=uuid.uuid4, editable=False)
    date = models.DateField(_("ngày"))
    start_time = models.TimeField(_("giờ bắt đầu"))
    end_time = models.TimeField(_("giờ kết thúc"), null=True, blank=True)
    content = models.TextField(_("nội dung"))
    place = models.CharField(_("địa điểm"), max_length=255, blank=True)
    chair = models.ForeignKey(
        Leader,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="chaired_items",
        verbose_name=_("lãnh đạo chủ trì"),
    )
    participants = models.TextField(_("thành phần tham dự"), blank=True)
    preparing_unit = models.CharField(_("đơn vị chuẩn bị"), max_length=255, blank=True)
    cancelled = models.BooleanField(
        _("hoãn, hủy"),
        default=False,
        help_text=_(
            "Khi lịch đã đăng, đánh dấu hoãn/hủy thay vì xóa để người xem biết có điều chỉnh."
        ),
    )

    panels = [
        FieldRowPanel(["date", "start_time", "end_time"]),
        "content",
        FieldRowPanel(["place", "chair"]),
        MultiFieldPanel(["participants", "preparing_unit", "cancelled"]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("nội dung công tác")
        verbose_name_plural = _("nội dung công tác")

    def __str__(self):
        return f"{self.date:%d/%m/%Y} {self.start_time:%H:%M} {self.content[:60]}"

    def clean(self):
        errors = {}
        if self.end_time and self.start_time and self.end_time <= self.start_time:
            errors["end_time"] = _("Giờ kết thúc phải sau giờ bắt đầu.")
        page = getattr(self, "page", None)
        if page is not None and page.week_start and self.date:
            monday = weeks.monday_of(page.week_start)
            if not monday <= self.date <= monday + datetime.timedelta(days=6):
                errors["date"] = _("Ngày phải nằm trong tuần của lịch (%(from)s – %(to)s).") % {
                    "from": f"{monday:%d/%m/%Y}",
                    "to": f"{monday + datetime.timedelta(days=6):%d/%m/%Y}",
                }
        if errors:
            raise ValidationError(errors)

    def search_text(self) -> str:
        chair = self.chair.full_name if self.chair_id and self.chair else ""
        return " ".join(
            t
            for t in (self.content, self.place, chair, self.participants, self.preparing_unit)
            if t
        )

    def fingerprint_data(self) -> dict:
        """What a reader sees of the item: a change in any of it is a change (điều chỉnh)."""
        return {
            "date": self.date.isoformat(),
            "start_time": self.start_time.strftime("%H:%M"),
            "end_time": self.end_time.strftime("%H:%M") if self.end_time else "",
            "content": self.content,
            "place": self.place,
            "chair": self.chair_id,
            "participants": self.participants,
            "preparing_unit": self.preparing_unit,
            "cancelled": self.cancelled,
        }


class ScheduleChange(models.Model):
    """What the public last saw of one item of a published week, and when it changed."""

    class Kind(models.TextChoices):
        ORIGINAL = "", _("Theo lịch đã đăng")
        ADDED = "added", _("Bổ sung")
        CHANGED = "changed", _("Điều chỉnh")
        CANCELLED = "cancelled", _("Hoãn, hủy")
        REMOVED = "removed", _("Bỏ khỏi lịch")

    schedule = models.ForeignKey(WorkSchedulePage, on_delete=models.CASCADE, related_name="changes")
    item_key = models.UUIDField()
    fingerprint = models.CharField(max_length=64)
    kind = models.CharField(max_length=10, choices=Kind.choices, blank=True, default="")
    first_published_at = models.DateTimeField()
    changed_at = models.DateTimeField(null=True, blank=True)
    # The item as last published (date, times, content, place, chair's name):
    # an item removed from the week is still shown, struck through.
    snapshot = models.JSONField(default=dict)

    class Meta:
        verbose_name = _("điều chỉnh lịch công tác")
        verbose_name_plural = _("điều chỉnh lịch công tác")
        constraints = [
            models.UniqueConstraint(fields=["schedule", "item_key"], name="one_change_per_item")
        ]

    def __str__(self):
        return f"{self.schedule} – {self.get_kind_display()}"

    @property
    def is_change(self) -> bool:
        return bool(self.kind) and self.changed_at is not None
