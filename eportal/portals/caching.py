"""What every page of a portal shows and few people change, kept in the cache.

Every public request needs its portal (with its agency for the footer and its
home page for routing), the menu, and links to other portals. They change when
a board edits the portal, its agency, its site or the pages of its menu; the
receivers in ``portals/signals.py`` call ``invalidate_*`` then.

Two scopes (see ``eportal.core.fragments``):

- ``portals``: the directory of portals: which portal a host name or slug
  names, the site → slug map, the list of component portals;
- ``portal:<pk>``: one portal's menu, in every language and URL mode.
"""

from dataclasses import dataclass

from django.utils.translation import get_language
from wagtail.models import Page, Site
from wagtail.models.sites import get_site_for_hostname

from eportal.core import fragments

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


def invalidate_directory() -> None:
    """A portal, its agency or its site changed: every portal's cached state may be stale."""
    from eportal.portals.models import Portal

    fragments.invalidate(
        DIRECTORY, *(portal_scope(pk) for pk in Portal.objects.values_list("pk", flat=True))
    )


def invalidate_for_page(page: Page) -> None:
    """``page`` was published, unpublished, moved, renamed or deleted: drop what
    of its portal shows it (its home, or a section of the home)."""
    from eportal.portals import access

    if page.depth == 2:  # a home page: it travels with the cached portal
        invalidate_directory()
    elif page.depth == 3 and (portal := access.portal_of_path(page.path)) is not None:
        fragments.invalidate(portal_scope(portal.pk))
