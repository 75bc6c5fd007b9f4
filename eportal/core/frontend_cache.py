"""Which public URLs a change makes stale, and purging them from the shared
cache in front of the application (nginx's proxy cache, deploy/).

When a page is published, unpublished, moved or deleted, ``stale_urls``
names every URL whose anonymous copy may now be out of date:

- the page itself, at each of its ``get_cached_paths()`` (print views…);
- its ancestors up to its portal's home (the lists it appears in), and their
  translations (the English lists);
- its site's ``/sitemap.xml``;
- what the apps add through two Wagtail hooks, because only they know how
  their lists aggregate (e.g. the main portal lists every portal's news):

  ``eportal_cache_related_pages``: ``fn(page)`` returns more pages whose
  content lists ``page``; their URLs (and translations') are purged too.
  ``eportal_cache_site_paths``: ``fn(page)`` returns ``(site, path)`` pairs
  of non-page URLs (feeds) that show ``page``.

Each ``(site, path)`` is purged at the site's own URL and at every alias
that the ``eportal_cache_url_aliases`` hook returns for it
(``fn(site, path)`` → absolute URLs: the /p/<slug>/ paths of the portals).

Before any purge, ``content_changed`` is sent with the pages (also without
a shared cache): what the application itself keeps rendered of them
(``portals.caching.content_html``) is dropped by its receivers.

Purging runs once the change is committed, in Wagtail's frontend-cache task
(queued with a high priority: the worker takes it before mail and PDFs), so
no request waits for it. With no ``WAGTAILFRONTENDCACHE`` configured
(development) nothing is computed or queued.
"""

import http.client
import logging
from collections.abc import Iterable
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.dispatch import Signal
from wagtail import hooks
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.models import Page, Site

logger = logging.getLogger("eportal.frontend_cache")

RELATED_PAGES_HOOK = "eportal_cache_related_pages"
SITE_PATHS_HOOK = "eportal_cache_site_paths"
URL_ALIASES_HOOK = "eportal_cache_url_aliases"

# Sent with ``pages=[…]`` when what anonymous visitors see of those pages, or
# of the lists that show them, changed.
content_changed = Signal()

# Ahead of mail, PDFs and indexing in the worker's queue (django-tasks: -100…100).
PURGE_PRIORITY = 50


def enabled() -> bool:
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def page_site_path(page) -> tuple[Site, str] | None:
    """Return (site, path) of a page's URL, or None when no site serves it."""
    parts = page.get_url_parts()
    if parts is None or parts[2] is None:
        return None
    site_id, _root_url, path = parts
    site = Site.objects.filter(pk=site_id).first()
    return (site, path) if site is not None else None


def related_pages(pages: Iterable[Page]) -> list[Page]:
    """Return the pages that the apps' hooks say list ``pages`` (beyond their ancestors)."""
    found = []
    for page in pages:
        for fn in hooks.get_hooks(RELATED_PAGES_HOOK):
            found.extend(fn(page) or ())
    return found


def stale_site_paths(pages: Iterable[Page]) -> set[tuple[Site, str]]:
    """Return the (site, path) pairs that a change of ``pages`` makes stale."""
    found: set[tuple[Site, str]] = set()
    lists: dict[int, Page] = {}
    for page in pages:
        page = page.specific_deferred
        own = page_site_path(page)
        if own is not None:
            site, path = own
            for sub_path in page.get_cached_paths():
                found.add((site, path + sub_path.lstrip("/")))
            found.add((site, "/sitemap.xml"))
        for ancestor in page.get_ancestors().filter(depth__gt=1):
            lists[ancestor.pk] = ancestor
        for related in related_pages([page]):
            lists[related.pk] = related
        for fn in hooks.get_hooks(SITE_PATHS_HOOK):
            found.update(fn(page) or ())
    for page in list(lists.values()):
        for translation in page.get_translations().live():
            lists.setdefault(translation.pk, translation)
    for page in lists.values():
        pair = page_site_path(page)
        if pair is not None:
            found.add(pair)
            found.add((pair[0], "/sitemap.xml"))
    return found


def urls_for(site_paths: Iterable[tuple[Site, str]]) -> list[str]:
    """Return every absolute URL that serves the given (site, path) pairs."""
    urls: set[str] = set()
    for site, path in site_paths:
        urls.add(site.root_url + path)
        for fn in hooks.get_hooks(URL_ALIASES_HOOK):
            urls.update(fn(site, path) or ())
    return sorted(urls)


def stale_urls(pages: Iterable[Page]) -> list[str]:
    """Return every absolute URL whose cached copy a change of ``pages`` makes stale."""
    return urls_for(stale_site_paths(pages))


def purge_after_commit(urls: Iterable[str]) -> None:
    """Queue the purge of ``urls`` once the current transaction commits."""
    urls = sorted(set(urls))
    if not urls or not enabled():
        return
    transaction.on_commit(lambda: _queue(urls))


def purge_pages(pages: Iterable[Page]) -> None:
    """Tell ``content_changed``'s receivers, and purge after commit every URL a
    change of ``pages`` makes stale.

    Services call this for changes that are not page publications (documents
    imported in bulk, a syndication choice).
    """
    pages = list(pages)
    content_changed.send(sender=None, pages=pages)
    if enabled():
        purge_after_commit(stale_urls(pages))


def _queue(urls: list[str]) -> None:
    from wagtail.contrib.frontend_cache.tasks import purge_urls_from_cache_task

    try:
        purge_urls_from_cache_task.using(priority=PURGE_PRIORITY).enqueue(urls)
    except Exception:
        # A lost purge leaves a copy that expires by itself (s-maxage).
        logger.exception("Could not queue the purge of %s URLs", len(urls))


class NginxPurgeBackend(HTTPBackend):
    """Wagtail's HTTP backend for ngx_cache_purge, on one kept-alive connection.

    Written here because ngx_cache_purge answers 404 for a URL that is not in
    the cache, which Wagtail's backend logs as an error, and a publication
    purges tens of URLs: one connection is quicker than one per URL.
    """

    def purge(self, url):
        self.purge_batch([url])

    def purge_batch(self, urls):
        connection_class = (
            http.client.HTTPSConnection
            if self.cache_scheme == "https"
            else http.client.HTTPConnection
        )
        connection = connection_class(self.cache_netloc, timeout=5)
        try:
            for url in urls:
                parts = urlsplit(url)
                target = parts.path + (f"?{parts.query}" if parts.query else "")
                try:
                    connection.request("PURGE", target, headers={"Host": parts.netloc})
                    response = connection.getresponse()
                    response.read()
                except (OSError, http.client.HTTPException) as error:
                    logger.error("Could not purge %s: %s", url, error)
                    connection.close()
                    continue
                if response.status not in (200, 404):
                    logger.error("Could not purge %s: HTTP %s", url, response.status)
        finally:
            connection.close()
