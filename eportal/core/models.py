"""Page types and page behaviour shared by every portal."""

from django import forms
from django.db import models
from django.db.models import Q
from django.urls import get_script_prefix
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.fields import RichTextField
from wagtail.models import Page, PageManager, PagePermissionTester, PageViewRestriction
from wagtail.query import PageQuerySet

from eportal.core import pages
from eportal.core.printing import PrintableMixin


class WorkflowOnlyPermissionTester(PagePermissionTester):
    """Force every change through the portal's workflow (Art. 17.1).

    Approvers hold Wagtail's "publish" permission so that they can unpublish and
    reorder, but only the final approval of a workflow publishes: the "Publish"
    button is kept from everyone but the provincial super-administrator.
    """

    def can_publish(self):
        if self.user.is_superuser:
            return super().can_publish()
        return False

    def can_publish_subpage(self):
        if self.user.is_superuser:
            return super().can_publish_subpage()
        return False

    def can_unschedule(self):
        # Cancelling a scheduled publication publishes nothing: approvers may do it.
        if not self.user.is_active:
            return False
        return self.user.is_superuser or "publish" in self.permissions


class PageForm(WagtailAdminPageForm):
    """The editor's form of every page type. A browser sends a textarea's lines
    with CRLF; a page saved by an import or a service has LF. Read as LF, an
    unchanged text is unchanged: a reviewer approving a page from the editor
    then approves what was submitted, instead of saving an "edit" that sends
    the page back to the start of its workflow."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.CharField) and isinstance(field.widget, forms.Textarea):
                field.to_python = _lf(field.to_python)


def _lf(to_python):
    def convert(value):
        value = to_python(value)
        return value.replace("\r\n", "\n") if isinstance(value, str) else value

    return convert


class PortalPageQuerySet(PageQuerySet):
    def private_q(self):
        # As Wagtail's, from the cached paths of restricted pages (core.pages).
        q = Q()
        for path in pages.restricted_paths():
            q |= Q(path__startswith=path)
        return q if q else Q(pk__in=[])


class BasePage(Page):
    """Base for every page type: workflow-only publishing and portal-aware URLs."""

    base_form_class = PageForm
    # True on a list page whose main-portal copy gathers every portal's items:
    # a change on a component portal then purges the main portal's copy too.
    lists_every_portal = False
    objects = PageManager.from_queryset(PortalPageQuerySet)()

    class Meta:
        abstract = True

    def permissions_for_user(self, user):
        return WorkflowOnlyPermissionTester(user, self)

    def get_view_restrictions(self):
        # Serving a page asks for its restrictions; most pages have none.
        if not pages.may_be_private(self):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def get_url_parts(self, request=None):
        # Under /p/<slug>/ Django's script prefix holds the portal prefix, so
        # reverse() adds it; strip it to keep the canonical path of the page.
        parts = super().get_url_parts(request=request)
        if parts is None or parts[2] is None:
            return parts
        site_id, root_url, page_path = parts
        prefix = get_script_prefix()
        if prefix != "/" and page_path.startswith(prefix):
            page_path = "/" + page_path[len(prefix) :]
        return site_id, root_url, page_path

    def get_url(self, request=None, current_site=None):
        # A request that reached its site other than by the site's own host (a
        # path prefix, a fallback host) carries ``link_to_site``, which says how
        # to link to a page of any site from there (set by the portals' middleware).
        link_to_site = getattr(request, "link_to_site", None) if request is not None else None
        if link_to_site is None:
            return super().get_url(request=request, current_site=current_site)
        parts = self.get_url_parts(request=request)
        if parts is None or parts[2] is None:
            return None
        site_id, _root_url, page_path = parts
        return link_to_site(site_id, page_path)

    url = property(get_url)


class SectionPage(BasePage):
    """A category of the portal (Art. 9): lists its child pages."""

    # A list of other pages: readers search for what it lists, not for it.
    search_exclude = True

    intro = RichTextField(_("giới thiệu"), blank=True, features=["bold", "italic", "link"])

    parent_page_types = ["portals.PortalHomePage", "eportal_core.SectionPage"]
    content_panels = BasePage.content_panels + ["intro"]

    class Meta:
        verbose_name = _("chuyên mục")
        verbose_name_plural = _("chuyên mục")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = self.get_children().live().public().specific()
        return context


class ContentPage(PrintableMixin, BasePage):
    """A plain content page: introduction, contact information, guides."""

    summary = models.TextField(_("tóm tắt"), blank=True)
    body = RichTextField(_("nội dung"), blank=True)

    parent_page_types = ["portals.PortalHomePage", "eportal_core.SectionPage"]
    subpage_types = []
    content_panels = BasePage.content_panels + ["summary", "body"]

    class Meta:
        verbose_name = _("trang nội dung")
        verbose_name_plural = _("trang nội dung")


class OutgoingMail(models.Model):
    """One e-mail the portal sends: kept so that sending is queued, retried,
    never done twice and can be looked up afterwards (core/mail.py)."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Chờ gửi")
        SENT = "sent", _("Đã gửi")
        FAILED = "failed", _("Gửi không được")

    to = models.JSONField(_("người nhận"))
    subject = models.CharField(_("tiêu đề"), max_length=255)
    body = models.TextField(_("nội dung"))
    language = models.CharField(_("ngôn ngữ"), max_length=8, default="vi")
    # A dotted path to a function and its JSON arguments returning
    # [(filename, bytes, mimetype)]: attachments (PDFs) are made by the worker.
    attachments = models.JSONField(_("tệp đính kèm"), null=True, blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("số lần gửi"), default=0)
    error = models.TextField(_("lỗi gần nhất"), blank=True)
    created_at = models.DateTimeField(_("lúc tạo"), auto_now_add=True)
    sent_at = models.DateTimeField(_("lúc gửi"), null=True, blank=True)

    class Meta:
        verbose_name = _("thư đi")
        verbose_name_plural = _("thư đi")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "created_at"], name="outgoing_mail_status_idx")]

    def __str__(self):
        return self.subject
