from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.decorators.cache import never_cache
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.admin.urls import display_custom_404
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from eportal.api.urls import api
from eportal.core import views as core_views
from eportal.portals.admin_views import PageChooserBrowseView, PageChosenMultipleView

urlpatterns = [
    # Before Wagtail's own: the page chooser neither browses into another
    # portal's tree nor returns its pages (eportal/portals/admin_views.py).
    # Decorated as Wagtail decorates its admin views.
    path(
        "admin/choose-page/<int:parent_page_id>/",
        never_cache(display_custom_404(require_admin_access(PageChooserBrowseView.as_view()))),
        name="wagtailadmin_choose_page_child",
    ),
    path(
        "admin/choose-page/chosen-multiple/",
        never_cache(display_custom_404(require_admin_access(PageChosenMultipleView.as_view()))),
        name="wagtailadmin_choose_page_chosen_multiple",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", core_views.healthz, name="healthz"),
    path("favicon.ico", core_views.favicon, name="favicon"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("site.webmanifest", core_views.web_manifest, name="web_manifest"),
    path("api/v1/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    # One sitemap per portal: Wagtail lists the live pages of the request's site.
    path("sitemap.xml", sitemap, name="sitemap"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Feature apps' own views come before Wagtail's page catch-all; pages of the
# portal tree (/van-ban/, /thu-tuc/, /hoi-dap/, /gop-y/, /tin-tuc/) are routed
# by Wagtail.
urlpatterns += i18n_patterns(
    path("", include("eportal.news.urls")),
    path("", include("eportal.editorial.urls")),
    path("", include("eportal.legal.urls")),
    path("", include("eportal.citizens.urls")),
    path("", include("eportal.dossiers.urls")),
    path("", include("eportal.qa.urls")),
    path("", include("eportal.consultations.urls")),
    path("", include("eportal.organisation.urls")),
    path("", include("eportal.procedures.urls")),
    path("", include("eportal.search.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler404 = "eportal.core.views.page_not_found"
handler500 = "eportal.core.views.server_error"
