"""Portals, the agencies that own them, and their editorial boards (SPEC §1, §2).

A `Portal` ties an `Agency` to a Wagtail `Site` (its host name and page tree),
a `Collection` (its images and documents), four board groups (one per working
role) and one moderation `Workflow`. Portals are created and changed only
through `eportal.portals.services`.
"""

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.fields import RichTextField, StreamField
from wagtail.models import AbstractGroupApprovalTask, Collection, Page, Site, Workflow

from eportal.core import clock
from eportal.core.models import BasePage
from eportal.portals import caching, home

host_label_validator = RegexValidator(
    r"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$",
    _("Nhãn tên miền chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang (tối đa 63 ký tự)."),
)
hostname_validator = RegexValidator(
    r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$",
    _("Tên miền không hợp lệ."),
)


def _name_in_language(obj) -> str:
    if obj.name_en and (get_language() or "").startswith("en"):
        return obj.name_en
    return obj.name


class Agency(models.Model):
    """A state agency or organisation that owns a portal or answers to citizens."""

    class Kind(models.TextChoices):
        MAIN = "main", _("Ủy ban nhân dân tỉnh")
        DEPARTMENT = "department", _("Sở, ban, ngành")
        DISTRICT = "district", _("Huyện, thị xã, thành phố")
        OTHER = "other", _("Tổ chức khác")

    name = models.CharField(_("tên cơ quan"), max_length=255, unique=True)
    name_en = models.CharField(
        _("tên tiếng Anh"),
        max_length=255,
        blank=True,
        help_text=_("Hiện trên các trang tiếng Anh (/en/); để trống thì dùng tên tiếng Việt."),
    )
    short_name = models.CharField(_("tên viết tắt"), max_length=50, blank=True)
    kind = models.CharField(_("loại cơ quan"), max_length=20, choices=Kind.choices)
    code = models.CharField(
        _("mã cơ quan"),
        max_length=30,
        blank=True,
        help_text=_("Mã định danh của cơ quan, dùng trong mã hồ sơ và báo cáo."),
    )
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=50, blank=True)
    fax = models.CharField(_("fax"), max_length=50, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)

    class Meta:
        verbose_name = _("cơ quan")
        verbose_name_plural = _("cơ quan")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def display_name(self) -> str:
        """The name in the active language: the English name under /en/ when there is one."""
        return _name_in_language(self)


class Portal(models.Model):
    """The main portal or a component portal, served on its own host name."""

    agency = models.OneToOneField(
        Agency, on_delete=models.PROTECT, related_name="portal", verbose_name=_("cơ quan chủ quản")
    )
    name = models.CharField(_("tên cổng"), max_length=255)
    name_en = models.CharField(
        _("tên tiếng Anh"),
        max_length=255,
        blank=True,
        help_text=_("Hiện trên các trang tiếng Anh (/en/); để trống thì dùng tên tiếng Việt."),
    )
    slug = models.CharField(
        _("nhãn tên miền"),
        max_length=63,
        unique=True,
        validators=[host_label_validator],
        help_text=_("Phần đầu của tên miền; cũng là đường dẫn /p/<nhãn>/."),
    )
    is_main = models.BooleanField(_("cổng chính"), default=False)
    site = models.OneToOneField(Site, on_delete=models.PROTECT, related_name="portal")
    collection = models.OneToOneField(Collection, on_delete=models.PROTECT, related_name="portal")
    workflow = models.OneToOneField(
        Workflow, on_delete=models.PROTECT, related_name="portal", null=True, blank=True
    )
    contributors = models.OneToOneField(
        Group, on_delete=models.PROTECT, related_name="+", verbose_name=_("nhóm cộng tác viên")
    )
    editors = models.OneToOneField(
        Group, on_delete=models.PROTECT, related_name="+", verbose_name=_("nhóm biên tập viên")
    )
    approvers = models.OneToOneField(
        Group, on_delete=models.PROTECT, related_name="+", verbose_name=_("nhóm kiểm duyệt")
    )
    administrators = models.OneToOneField(
        Group, on_delete=models.PROTECT, related_name="+", verbose_name=_("nhóm quản trị kỹ thuật")
    )
    # The one-stop-shop officers receive and handle the agency's online dossiers
    # and see citizens' personal data; no other role does (least privilege).
    one_stop_officers = models.OneToOneField(
        Group, on_delete=models.PROTECT, related_name="+", verbose_name=_("nhóm cán bộ một cửa")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("cổng thông tin")
        verbose_name_plural = _("cổng thông tin")
        ordering = ["-is_main", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_main"], condition=Q(is_main=True), name="one_main_portal"
            )
        ]

    def __str__(self):
        return self.name

    @property
    def display_name(self) -> str:
        """The name in the active language: the English name under /en/ when there is one."""
        return _name_in_language(self)

    @property
    def hostname(self) -> str:
        return self.site.hostname

    @property
    def home_page(self):
        return self.site.root_page

    def role_groups(self) -> dict[str, Group]:
        return {
            "contributor": self.contributors,
            "editor": self.editors,
            "approver": self.approvers,
            "administrator": self.administrators,
            "one_stop_officer": self.one_stop_officers,
        }


class Role(models.TextChoices):
    """The working roles of a board (SPEC §2); each is a group per portal."""

    CONTRIBUTOR = "contributor", _("Cộng tác viên")
    EDITOR = "editor", _("Biên tập viên")
    APPROVER = "approver", _("Người kiểm duyệt")
    ADMINISTRATOR = "administrator", _("Quản trị kỹ thuật")
    ONE_STOP_OFFICER = "one_stop_officer", _("Cán bộ một cửa")


class BoardMember(models.Model):
    """A member of a portal's editorial board (Ban Biên tập) and their position."""

    class Position(models.TextChoices):
        HEAD = "head", _("Trưởng ban")
        PERMANENT_DEPUTY = "permanent_deputy", _("Phó Trưởng ban thường trực")
        DEPUTY = "deputy", _("Phó Trưởng ban")
        MEMBER = "member", _("Thành viên")
        SECRETARY = "secretary", _("Thư ký")

    portal = models.ForeignKey(
        Portal, on_delete=models.CASCADE, related_name="board_members", verbose_name=_("cổng")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="board_memberships",
        verbose_name=_("người dùng"),
    )
    position = models.CharField(_("chức danh trong Ban"), max_length=20, choices=Position.choices)
    job_title = models.CharField(_("chức vụ tại cơ quan"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("thành viên Ban Biên tập")
        verbose_name_plural = _("thành viên Ban Biên tập")
        constraints = [
            models.UniqueConstraint(fields=["portal", "user"], name="one_membership_per_portal")
        ]
        ordering = ["portal", "position", "user__last_name"]

    def __str__(self):
        return f"{self.user.get_full_name() or self.user.get_username()} – {self.get_position_display()}"

    def roles(self) -> list[str]:
        group_ids = set(self.user.groups.values_list("id", flat=True))
        return [role for role, group in self.portal.role_groups().items() if group.id in group_ids]


class PortalHomePage(BasePage):
    """The root page of a portal's page tree: its home page."""

    # A list of other pages: readers search for what it lists, not for it.
    search_exclude = True

    # On the main portal it lists every portal's items (frontend-cache purge).
    lists_every_portal = True

    intro = RichTextField(_("giới thiệu"), blank=True, features=["bold", "italic", "link"])
    # The blocks the board arranges (portals/home.py: each app offers its own).
    body = StreamField(
        home.HomeBody,
        verbose_name=_("các khối trang chủ"),
        blank=True,
        help_text=_(
            "Thêm, sắp xếp các khối của trang chủ. Một tin, bài đã hiện ở khối trên "
            "không hiện lại ở khối dưới; khối không có gì để hiện thì không hiển thị."
        ),
    )

    # Children are any page type whose parent_page_types allow a portal home
    # (sections, content pages, and each feature's index page).
    parent_page_types = ["wagtailcore.Page"]

    content_panels = BasePage.content_panels + ["intro", "body"]

    class Meta:
        verbose_name = _("trang chủ cổng")
        verbose_name_plural = _("trang chủ cổng")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The home's sections are its menu (SPEC §3), cached with the menu.
        context["sections"] = caching.menu(request)
        # A home never composed (made before the blocks existed) shows the
        # arrangement a new portal starts with.
        context["home_body"] = self.body or home.default_body(self.body.stream_block)
        context[home.SHOWN] = set()
        # Open consultations and statistics change with time, not only on
        # publish: the rendered blocks are kept an hour at most.
        context["home_cache_hour"] = clock.now().strftime("%Y%m%d%H")
        portal = getattr(request, "portal", None)
        if portal is not None and portal.is_main:
            from eportal.portals.routing import portal_home_url

            context["component_portals"] = [
                {"name": p.name, "url": portal_home_url(request, p)}
                for p in caching.component_portals()
            ]
        return context

    @property
    def localized(self):
        # Every request routes from here: answer for the home's own language
        # without Wagtail's query of the active locale.
        try:
            if self.locale.language_code == get_supported_content_language_variant(get_language()):
                return self
        except LookupError:
            pass
        return super().localized

    def route(self, request, path_components):
        """Find the page at ``path_components`` below this home in one query.

        Wagtail walks down one level per query (two with the specific page);
        every page's ``url_path`` already holds its whole path, so look up all
        the prefixes of the path at once and hand the rest of the path to the
        deepest page found. A page with its own sub-routes (a routable page,
        such as /hoi-dap/) gets the rest of the path from the first of them on
        the way, as Wagtail's walk would give it.
        """
        if not path_components:
            return super().route(request, path_components)
        # The page a whole path names is kept with the portal's content
        # (dropped when anything of the portal is published, moved, deleted).
        exact = caching.routed_page(
            request, self, path_components, lambda: self._page_at(path_components)
        )
        if exact is not None:
            return exact.route(request, [])
        target, remaining = self._walk(path_components)
        return target.route(request, remaining)

    def _page_at(self, path_components):
        """The specific page that ``path_components`` names exactly, or None."""
        try:
            target, remaining = self._walk(path_components)
        except Http404:
            return None
        return None if remaining else target

    def _walk(self, path_components):
        """``(page, remaining components)``: the page serving the path, and the
        part of the path for its own sub-routes."""
        prefixes = [
            self.url_path + "".join(f"{c}/" for c in path_components[: i + 1])
            for i in range(len(path_components))
        ]
        # By slug, which Wagtail indexes (url_path it does not), then url_path.
        found = list(
            Page.objects.filter(
                slug__in=set(path_components),
                url_path__in=prefixes,
                path__startswith=self.path,
                depth__gt=self.depth,
            ).order_by("depth")
        )
        if not found or found[0].depth != self.depth + 1:
            raise Http404
        chain = []
        for page in found:  # the pages along the path, each the child of the one before
            if page.depth != self.depth + 1 + len(chain):
                break
            chain.append(page)
        target = chain[-1]
        for page in chain[:-1]:
            if _answers_below(page, path_components[page.depth - self.depth :]):
                target = page
                break
        remaining = path_components[target.depth - self.depth :]
        return target.specific, remaining


def _answers_below(page, rest) -> bool:
    """Whether ``page`` itself answers the path ``rest`` below it, before its
    children would: a live routable page with a sub-route that matches, or a
    page type with routing of its own (which is then asked first)."""
    model = page.specific_class
    if model is None:
        return False
    if issubclass(model, RoutablePageMixin):
        if not page.live:
            return False
        try:
            model.get_resolver().resolve("/" + "".join(f"{c}/" for c in rest))
        except Http404:
            return False
        return True
    return model.route is not Page.route


class PortalReviewTask(AbstractGroupApprovalTask):
    """A board's review step in which nobody may approve their own submission.

    Art. 11 and 17.1: the editor and then the approver check what a colleague
    submitted. The person who submitted the item for moderation sees no
    approve or reject action on it, and it is not in their review queue.
    """

    def _is_requester(self, obj, user) -> bool:
        state = getattr(obj, "current_workflow_state", None)
        return state is not None and state.requested_by_id == user.pk

    def get_actions(self, obj, user):
        if self._is_requester(obj, user) or not super().get_actions(obj, user):
            return []
        # Each button says what it does: the editor's step sends the item on to
        # the approver, the approver's last step publishes it (issue 21).
        from eportal.portals.review import action_labels

        state = getattr(obj, "current_workflow_state", None)
        return action_labels(is_final=state is not None and state.is_at_final_task)

    def get_form_for_action(self, action):
        from eportal.portals.review import form_for_action

        return form_for_action(action) or super().get_form_for_action(action)

    def on_action(self, task_state, user, action_name, **kwargs):
        if user is not None and task_state.workflow_state.requested_by_id == user.pk:
            from django.core.exceptions import PermissionDenied

            raise PermissionDenied(_("Không được tự duyệt nội dung mình đã gửi."))
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        return states.exclude(workflow_state__requested_by=user)

    @classmethod
    def get_description(cls):
        return _("Thành viên các nhóm được chọn duyệt bước này; người gửi không tự duyệt được.")

    class Meta:
        verbose_name = _("bước duyệt của Ban Biên tập")
        verbose_name_plural = _("bước duyệt của Ban Biên tập")
