"""Page-tree helpers shared by every app."""

from wagtail.models import Page


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
