from django.conf import settings
from django.contrib.staticfiles import finders
from django.db import connection
from django.http import FileResponse, Http404, HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.csrf import requires_csrf_token

# The header's red (site.css --red): the browser's bar and the splash screen.
THEME_COLOUR = "#a3161b"


@never_cache
def healthz(request):
    """Liveness and database check for load balancers and monitoring."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


@requires_csrf_token
def server_error(request):
    return HttpResponseServerError(server_error_html())


def server_error_html() -> str:
    # A static page with no context processors: whatever failed may fail again.
    return loader.get_template("500.html").render()


@cache_control(public=True, max_age=86400)
def favicon(request):
    """/favicon.ico, which browsers ask for whatever the page's <link rel="icon">."""
    path = finders.find("eportal/icons/favicon.ico")
    if path is None:
        raise Http404
    # The response closes the file once it is sent.
    return FileResponse(open(path, "rb"), content_type="image/x-icon")


@cache_control(public=True, max_age=86400)
def robots_txt(request):
    """/robots.txt of the request's portal: every public page may be crawled,
    the admin not; where the portal's sitemap is."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@cache_control(public=True, max_age=3600)
def web_manifest(request):
    """The web app manifest of the request's portal: its name, the icons, the colours."""
    portal = getattr(request, "portal", None)
    name = getattr(portal, "name", "") or settings.WAGTAIL_SITE_NAME
    home = request.path.rsplit("/", 1)[0] + "/"
    icons = [
        {
            "src": static(f"eportal/icons/icon-{size}.png"),
            "sizes": f"{size}x{size}",
            "type": "image/png",
        }
        for size in (192, 512)
    ]
    icons.append(
        {
            "src": static("eportal/icons/icon-maskable-512.png"),
            "sizes": "512x512",
            "type": "image/png",
            "purpose": "maskable",
        }
    )
    icons.append({"src": static("eportal/icons/icon.svg"), "sizes": "any", "type": "image/svg+xml"})
    manifest = {
        "name": name,
        # Under the icon on a phone's home screen: a dozen letters at most.
        "short_name": _("Cổng TTĐT"),
        "lang": get_language() or settings.LANGUAGE_CODE,
        # The portal's home: / on its host, /p/<slug>/ by path.
        "start_url": home,
        "scope": home,
        "display": "browser",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOUR,
        "icons": icons,
    }
    return JsonResponse(
        manifest,
        content_type="application/manifest+json",
        json_dumps_params={"ensure_ascii": False},
    )
