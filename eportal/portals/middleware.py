"""Resolve the portal of each request (by host, by /p/<slug>/, or fallback)."""

import re
from functools import partial

from django.http import Http404, HttpResponseBadRequest, JsonResponse
from django.http.request import split_domain_port
from django.urls import get_script_prefix, set_script_prefix
from django.utils import translation

from eportal.portals import caching
from eportal.portals.routing import portal_url_for_site, split_portal_path

HOST_LABEL_RE = re.compile(r"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")


class PortalMiddleware:
    """Set ``request.portal``, ``request.portal_mode`` and Wagtail's site.

    Runs before LocaleMiddleware so that ``/p/<slug>/en/…`` is seen by it as
    ``/en/…``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _has_nul(request):
            # PostgreSQL cannot hold NUL in text: refuse it before any query
            # (in JSON for the API, like its other errors).
            if "/api/" in request.path_info:
                return JsonResponse({"detail": "Yêu cầu chứa ký tự không hợp lệ."}, status=400)
            return HttpResponseBadRequest(
                "Yêu cầu chứa ký tự không hợp lệ.", content_type="text/plain; charset=utf-8"
            )
        split = split_portal_path(request.path_info)
        if split is None:
            return self._serve_by_host(request)
        slug, rest = split
        # Only a valid host label can name a portal; anything else (NUL bytes,
        # upper case, punctuation) is a 404 without touching the database.
        portal = caching.portal_by_slug(slug) if HOST_LABEL_RE.match(slug) else None
        if portal is None:
            # The 404 page is Vietnamese unless the rest of the path asks for English.
            translation.activate("en" if rest.startswith("/en/") else "vi")
            raise Http404("Không có cổng thông tin này.")
        original_prefix = get_script_prefix()
        request.path_info = rest
        request.portal = portal
        request.portal_mode = "path"
        request.link_to_site = partial(portal_url_for_site, request)
        request.portal_prefix = f"/p/{slug}"
        request._wagtail_site = portal.site
        set_script_prefix(f"{original_prefix.rstrip('/')}/p/{slug}/")
        try:
            return self.get_response(request)
        finally:
            set_script_prefix(original_prefix)

    def _serve_by_host(self, request):
        # As Site.find_for_request, from the cache; Wagtail reads request._wagtail_site.
        hostname = split_domain_port(request._get_raw_host())[0]
        site, request.portal = caching.site_and_portal_for_host(hostname, request.get_port())
        request._wagtail_site = site
        request.portal_prefix = ""
        request.portal_mode = "host" if site and site.hostname == hostname.lower() else "fallback"
        if request.portal_mode == "fallback":
            request.link_to_site = partial(portal_url_for_site, request)
        return self.get_response(request)


def _has_nul(request) -> bool:
    if "\x00" in request.path_info:
        return True
    return any(
        "\x00" in key or any("\x00" in v for v in values) for key, values in request.GET.lists()
    )
