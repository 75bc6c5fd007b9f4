"""Admin for hot-news alerts (scoped to the portals a user approves for) and the
main portal board's choices about syndicated articles."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.snippets.views.snippets import DeleteView, EditView, SnippetViewSet

from eportal.news import services
from eportal.news.models import ArticlePage, SiteAlert
from eportal.portals import access
from eportal.portals.models import Portal


def alerts_for(user):
    """Alerts whose every portal is one the user approves for."""
    allowed = access.portal_ids(user, "alerts.switch_on")
    if allowed is None:
        return SiteAlert.objects.all()
    return (
        SiteAlert.objects.exclude(portals__in=Portal.objects.exclude(pk__in=allowed))
        .filter(portals__in=allowed)
        .distinct()
    )


class SiteAlertForm(WagtailAdminModelForm):
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is not None and "portals" in self.fields:
            self.fields["portals"].queryset = access.portals(for_user, "alerts.switch_on")

    def save(self, commit=True):
        if self.instance.pk is None and self.for_user is not None:
            self.instance.created_by = self.for_user
        return super().save(commit=commit)


class ScopedEditView(EditView):
    def get_queryset(self):
        return alerts_for(self.request.user)


class ScopedDeleteView(DeleteView):
    def get_queryset(self):
        return alerts_for(self.request.user)


class SiteAlertViewSet(SnippetViewSet):
    model = SiteAlert
    icon = "warning"
    menu_label = gettext_lazy("Cảnh báo khẩn")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["title", "level", "starts_at", "ends_at", "active"]
    list_filter = ["level", "active"]
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView

    def get_form_class(self, for_update=False):
        self.base_form_class = SiteAlertForm
        return super().get_form_class(for_update=for_update)

    def get_queryset(self, request):
        return alerts_for(request.user)


class SyndicationView(WagtailAdminTemplateMixin, TemplateView):
    """Component portals' live articles, to feature or hide on the main portal."""

    template_name = "news/admin/syndication.html"
    page_title = gettext_lazy("Tin từ cổng thành phần")
    header_icon = "link"

    def dispatch(self, request, *args, **kwargs):
        if not access.may(request.user, "news.syndicate"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        articles = (
            ArticlePage.objects.live()
            .filter(portal__is_main=False)
            .select_related("portal", "syndication")
            .order_by("-first_published_at", "-pk")
        )
        page = Paginator(articles, 30).get_page(self.request.GET.get("p"))
        return super().get_context_data(articles=page, **kwargs)


@require_POST
def syndication_choose(request, article_id):
    article = get_object_or_404(ArticlePage.objects.select_related("portal"), pk=article_id)
    choice = request.POST.get("choice")
    try:
        services.choose_syndication(
            article, featured=choice == "featured", hidden=choice == "hidden", by=request.user
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Đã lưu lựa chọn cho “%(t)s”.") % {"t": article.title})
    return redirect("news_syndication")
