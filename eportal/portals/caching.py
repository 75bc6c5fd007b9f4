"""What every page of a portal shows and few people change, kept in the cache.

Every public request needs its portal (with its agency for the footer and its
home page for routing), the menu, and links to other portals. They change when
a board edits the portal, its agency, its site or the pages of its menu; the
receivers in ``portals/signals.py`` call ``invalidate_*`` then.

Two scopes (see ``eportal.core.fragments``):

- ``portals``: the directory of portals: which portal a host name or slug
  names, the site → slug map, the list of component portals;
- ``portal:<pk>``: one portal's menu, in every language and URL mode;
- ``portal-content:<pk>``: rendered lists of the portal's content (the home's
  latest news, the first pages of its news and document lists), dropped when
  anything the portal shows is published, unpublished, moved or deleted
  (``invalidate_content``; the main portal's too, since it lists every portal's).

Page bodies are rendered on every request; only what many pages or many
requests share is kept.
"""

from dataclasses import dataclass

from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.models import Page, Site
from wagtail.models.sites import get_site_for_hostname

from eportal.core import clock, fragments

DIRECTORY = "portals"


def portal_scope(portal_id: int) -> str:
    return f"portal:{portal_id}"


def _load_portal(**lookup):
    from eportal.portals.models import Portal

    portal = Portal.objects.select_related("agency", "site").filter(**lookup).first()
    if portal is not None:
        # Routing starts at the specific home page and asks for its locale;
        # keep both with the portal.
        home = portal.site.root_page.specific
        home.locale  # noqa: B018 (loads the locale, cached with the page)
        portal.site.root_page = home
    return portal


def portal_by_slug(slug: str):
    """The portal that ``/p/<slug>/`` names, or None."""
    return fragments.cached(DIRECTORY, f"slug:{slug}", lambda: _load_portal(slug=slug))


def site_and_portal_for_host(hostname: str, port: int):
    """``(site, portal)`` for a host, as ``Site.find_for_request`` chooses the site
    (its own host, else the default site); either may be None."""

    def build():
        try:
            site = get_site_for_hostname(hostname, port)
        except Site.DoesNotExist:
            return None, None
        portal = _load_portal(site=site)
        return (portal.site if portal is not None else site), portal

    # Any host name may arrive; all those no site has share the default's entry,
    # so that made-up hosts cannot fill the cache.
    known = fragments.cached(
        DIRECTORY, "hostnames", lambda: set(Site.objects.values_list("hostname", flat=True))
    )
    key = f"host:{hostname}:{port}" if hostname in known else "host:*"
    return fragments.cached(DIRECTORY, key, build)


def site_slugs() -> dict[int, str]:
    """Portal slug per Wagtail site id."""
    from eportal.portals.models import Portal

    return fragments.cached(
        DIRECTORY, "site-slugs", lambda: dict(Portal.objects.values_list("site_id", "slug"))
    )


def component_portals():
    """The component portals (not the main one), with their sites."""
    from eportal.portals.models import Portal

    return fragments.cached(
        DIRECTORY,
        "components",
        lambda: list(Portal.objects.filter(is_main=False).select_related("site")),
    )


@dataclass(frozen=True)
class MenuItem:
    """A section of a portal's home as menus and the home page's cards show it."""

    pk: int
    title: str
    url: str
    search_description: str


def menu(request) -> list[MenuItem]:
    """The live, public sections of the request's portal home that are shown in menus.

    Links depend on how the request reached the portal (its host, ``/p/<slug>/``,
    a fallback host), so each way has its own entry."""
    portal = getattr(request, "portal", None)
    if portal is None:
        return []
    language = get_language()
    mode = getattr(request, "portal_mode", "host")
    prefix = getattr(request, "portal_prefix", "")

    def build():
        home = portal.site.root_page.localized
        sections = home.get_children().live().public().in_menu().specific()
        return [
            MenuItem(
                pk=page.pk,
                title=page.title,
                url=page.get_url(request),
                search_description=page.search_description,
            )
            for page in sections
        ]

    return fragments.cached(portal_scope(portal.pk), f"menu:{language}:{mode}:{prefix}", build)


def content_scope(portal_id: int) -> str:
    return f"portal-content:{portal_id}"


def content_value(request, name: str, build, vary=(), *, keep_none=True):
    """What ``build()`` returns for ``name`` on the request's portal, built once
    per content change and kept (see ``content_scope``).

    ``vary`` names what else the value depends on (a page, a page number); the
    language, the way the request reached the portal (its links) and the day
    (documents come into and out of force at midnight) are always part of the
    key. Without a portal, and in previews, it is built every time."""
    portal = getattr(request, "portal", None)
    if portal is None or getattr(request, "is_preview", False):
        return build()
    key = ":".join(
        [
            name,
            get_language() or "",
            getattr(request, "portal_mode", "host"),
            getattr(request, "portal_prefix", ""),
            clock.today().isoformat(),
            *(str(part) for part in vary),
        ]
    )
    return fragments.cached(content_scope(portal.pk), key, build, keep_none=keep_none)


def content_html(request, name: str, render, vary=()) -> str:
    """``content_value`` for a piece of rendered HTML."""
    # Not an XSS (bandit B308/B703): the template engine escaped it when it rendered it; kept as a plain str.
    return mark_safe(content_value(request, name, lambda: str(render()), vary))  # noqa: S308  # nosec


@dataclass(frozen=True)
class Crumb:
    title: str
    url: str
    is_home: bool


def breadcrumbs(request, page) -> list[Crumb]:
    """The ancestors of ``page`` below Wagtail's root, for the breadcrumb trail."""

    def build():
        return [
            Crumb(title=a.title, url=a.get_url(request) or "", is_home=a.depth == 2)
            for a in page.get_ancestors().filter(depth__gt=1)
        ]

    return content_value(request, "crumbs", build, (page.pk,))


def routed_page(request, home, path_components, find):
    """The live page at ``path_components`` below ``home``, as ``find()`` returns
    it (the specific page, or None when the path does not lead exactly to a
    page), kept with the portal's content. Paths that lead nowhere are not
    kept: anyone can make up those."""
    return content_value(
        request, "route", find, (home.pk, "/".join(path_components)), keep_none=False
    )


def invalidate_content(pages) -> None:
    """``pages`` changed in a way anonymous visitors see: drop the cached lists of
    their portals and of the main portal (it lists every portal's items)."""
    from eportal.portals import access
    from eportal.portals.models import Portal

    paths = {access.home_path(page.path) for page in pages if page.depth >= 2}
    if not paths:
        return
    by_home = access.portals_by_home_path()
    portal_ids = {by_home[path].pk for path in paths if path in by_home}
    portal_ids.update(Portal.objects.filter(is_main=True).values_list("pk", flat=True))
    fragments.invalidate(*(content_scope(pk) for pk in sorted(portal_ids)))


def invalidate_all_content() -> None:
    """Something every portal's lists may show changed (an image): drop them all."""
    from eportal.portals.models import Portal

    fragments.invalidate(*(content_scope(pk) for pk in Portal.objects.values_list("pk", flat=True)))


def invalidate_directory() -> None:
    """A portal, its agency or its site changed: every portal's cached state may
    be stale (lists name their items' portals)."""
    from eportal.portals.models import Portal

    pks = list(Portal.objects.values_list("pk", flat=True))
    fragments.invalidate(
        DIRECTORY, *(portal_scope(pk) for pk in pks), *(content_scope(pk) for pk in pks)
    )


def invalidate_for_page(page: Page) -> None:
    """``page`` was published, unpublished, moved, renamed or deleted: drop what
    of its portal shows it (its home, or a section of the home)."""
    from eportal.portals import access

    if page.depth == 2:  # a home page: it travels with the cached portal
        invalidate_directory()
    elif page.depth == 3 and (portal := access.portal_of_path(page.path)) is not None:
        fragments.invalidate(portal_scope(portal.pk))
