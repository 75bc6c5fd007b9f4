"""Which responses a shared cache (nginx in front, deploy/) may keep.

One decision for every response, made by ``CacheControlMiddleware``:

- ``private, no-store``: anything personal — the admin, a signed-in citizen
  or official, a response that sets a cookie (a form's CSRF token, a
  session), or one that varies on the cookie of a visitor who has a session;
- ``public, max-age=0, s-maxage=N``: an anonymous GET of a page, feed or
  sitemap without a query string, answered 200/301/404/410. The shared cache
  keeps it for ``EPORTAL_SHARED_CACHE_SECONDS`` and is purged on publish
  (``eportal.core.frontend_cache``); browsers revalidate every time, so a
  publication is seen at once;
- ``no-cache`` for every other response, unless its view chose its own
  ``Cache-Control`` (generated PDFs, dossier files).

Views whose anonymous responses may be shared are Wagtail's page view, the
sitemap and those that apps name through the ``eportal_cache_shared_views``
hook (``fn()`` → URL names such as ``"news:feed"``): only URLs that a purge
knows how to name may be kept longer than a request.
"""

from django.conf import settings
from django.utils.cache import cc_delim_re
from wagtail import hooks

SHARED_VIEWS_HOOK = "eportal_cache_shared_views"
CORE_SHARED_VIEWS = frozenset({"wagtail_serve", "sitemap"})
SHARED_STATUSES = frozenset({200, 301, 404, 410})
PERSONAL = "private, no-store"


def shared_views() -> frozenset[str]:
    names = set(CORE_SHARED_VIEWS)
    for fn in hooks.get_hooks(SHARED_VIEWS_HOOK):
        names.update(fn())
    return frozenset(names)


def is_personal(request, response) -> bool:
    """Whether ``response`` is meant for this visitor only."""
    if request.path_info.startswith("/admin/") or response.cookies:
        return True
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return True
    varies = {v.lower() for v in cc_delim_re.split(response.get("Vary", "")) if v}
    return "cookie" in varies and settings.SESSION_COOKIE_NAME in request.COOKIES


def cache_control(request, response, views: frozenset[str] | None = None) -> str | None:
    """Return the Cache-Control ``response`` should carry (None: keep the view's)."""
    if is_personal(request, response):
        return PERSONAL
    if response.has_header("Cache-Control"):
        return None
    match = getattr(request, "resolver_match", None)
    shared = (
        request.method in ("GET", "HEAD")
        and not request.META.get("QUERY_STRING")
        and response.status_code in SHARED_STATUSES
        and (match is not None and match.view_name in (views or shared_views()))
    )
    if shared:
        return f"public, max-age=0, s-maxage={settings.EPORTAL_SHARED_CACHE_SECONDS}"
    return "no-cache"


class CacheControlMiddleware:
    """Set Cache-Control on every response (see the module docstring).

    Sits outside the session and CSRF middleware so that it sees the cookies
    they set.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.views = None

    def __call__(self, request):
        response = self.get_response(request)
        if self.views is None:
            self.views = shared_views()
        value = cache_control(request, response, self.views)
        if value is not None:
            response["Cache-Control"] = value
        return response
