"""Which portal a request is for, and how to link to a page of any portal.

A request reaches a portal in one of three modes:

- ``host``: its host name is the portal's own (``sotttt.thaibinh.gov.vn``);
- ``path``: it came through ``/p/<slug>/…`` on any host; the prefix is removed
  from ``path_info`` and installed as Django's script prefix, so every
  ``reverse()`` and page URL inside the response stays under it;
- ``fallback``: the host names no portal, so the main portal answers (Wagtail's
  default site); links to other portals use their ``/p/<slug>/`` paths, which
  work on any host.

Links made outside a request (a mail, the admin's "view live" button) name
each portal's own host, unless ``EPORTAL_LOCAL_URL`` is set (``make run``):
then they point to that local server by ``/p/<slug>/`` paths, since the
production hosts are not this machine.
"""

import re

from django.conf import settings

PATH_PREFIX_RE = re.compile(r"^/p/(?P<slug>[^/]+)(?P<rest>/.*)?$")


def split_portal_path(path_info: str) -> tuple[str, str] | None:
    """Return (slug, rest of path) for a ``/p/<slug>/…`` path, else None."""
    match = PATH_PREFIX_RE.match(path_info)
    if not match:
        return None
    return match["slug"], match["rest"] or "/"


def _site_slugs(request) -> dict[int, str]:
    slugs = getattr(request, "_portal_site_slugs", None)
    if slugs is None:
        from eportal.portals import caching

        slugs = request._portal_site_slugs = caching.site_slugs()
    return slugs


def portal_url_for_site(request, site_id: int, page_path: str) -> str:
    """Link to ``page_path`` of the portal served by ``site_id``, for a request in
    path or fallback mode (see the module docstring)."""
    current_site = getattr(request, "_wagtail_site", None)
    if request.portal_mode == "fallback" and current_site and current_site.pk == site_id:
        return page_path
    slug = _site_slugs(request).get(site_id)
    if slug is None:
        return page_path
    return f"/p/{slug}{page_path}"


def portal_home_url(request, portal) -> str:
    """Link to a portal's home: its host in host mode, its /p/<slug>/ path otherwise."""
    if getattr(request, "portal_mode", "host") == "host":
        return portal.site.root_url + "/"
    return f"/p/{portal.slug}/"


def local_url_for_site(site_id: int, page_path: str) -> str | None:
    """With ``EPORTAL_LOCAL_URL`` set, the local server's link to ``page_path``
    of the portal served by ``site_id``; else None (link to its host)."""
    base = settings.EPORTAL_LOCAL_URL
    if not base:
        return None
    from eportal.portals import caching

    slug = caching.site_slugs().get(site_id)
    return None if slug is None else f"{base}/p/{slug}{page_path}"


def portal_root_url(portal) -> str:
    """The portal's address for a link made outside a request (a mail): its
    host, or its /p/<slug> path on the local server (``EPORTAL_LOCAL_URL``)."""
    local = local_url_for_site(portal.site_id, "")
    return local if local is not None else portal.site.root_url
