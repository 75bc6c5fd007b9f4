"""Page-tree helpers shared by every app."""

from wagtail.models import Page

from eportal.core import fragments


def ensure_child_page(parent: Page, page_class: type[Page], *, slug: str, by=None, **fields):
    """Return ``(page, created)``: ``parent``'s child of ``page_class``, made and
    published when it has none (each app gives a new portal its index page so).

    Idempotent: an existing page of that type is kept as the board left it
    (renamed, moved in the menu). When another kind of page already holds
    ``slug``, the new page takes ``<slug>-2`` (then -3 …) rather than fight
    over the address.
    """
    existing = page_class.objects.child_of(parent).first()
    if existing is not None:
        return existing, False
    taken = set(parent.get_children().values_list("slug", flat=True))
    free, n = slug, 1
    while free in taken:
        n += 1
        free = f"{slug}-{n}"
    page = page_class(slug=free, **{"show_in_menus": True, **fields})
    parent.add_child(instance=page)
    page.save_revision(user=by, log_action=True).publish(user=by, skip_permission_checks=True)
    return page, True


# --- Links made outside a request ----------------------------------------------
# A page's link in a mail or the admin names its portal's host; in development
# the portals app links to the local server instead (portals/routing.py). It
# registers how, since core/ imports no feature app.
_local_linker = None


def set_local_linker(linker) -> None:
    """Register ``linker(site_id, page_path) -> url | None`` (None: the host's URL)."""
    global _local_linker
    _local_linker = linker


def local_url(site_id: int, page_path: str) -> str | None:
    return _local_linker(site_id, page_path) if _local_linker else None


# --- Private sections, without a query per request -----------------------------
# Wagtail reads every view restriction for each ``.public()`` and, to serve a
# page, the aliases among its ancestors and their restrictions: three queries on
# every public page for facts that change a few times a year. They are kept in
# the cache and dropped when a restriction or an alias changes, or a page moves
# (core/signals.py).
RESTRICTIONS = "page-restrictions"


def _restricted_and_alias_paths() -> tuple[frozenset, frozenset]:
    def build():
        from wagtail.models import PageViewRestriction

        restricted = PageViewRestriction.objects.values_list("page__path", flat=True)
        aliases = Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True)
        return frozenset(restricted), frozenset(aliases)

    return fragments.cached(RESTRICTIONS, "paths", build)


def restricted_paths() -> frozenset:
    """Tree paths of the pages that carry a view restriction (private sections)."""
    return _restricted_and_alias_paths()[0]


def may_be_private(page: Page) -> bool:
    """Whether ``page`` or an ancestor is restricted, or an alias (whose source's
    restrictions apply): only then does serving it need Wagtail's checks."""
    restricted, aliases = _restricted_and_alias_paths()
    lineage = {page.path[:end] for end in range(page.steplen, len(page.path) + 1, page.steplen)}
    return bool(page.alias_of_id or lineage & restricted or lineage & aliases)


def invalidate_restrictions() -> None:
    fragments.invalidate(RESTRICTIONS)
